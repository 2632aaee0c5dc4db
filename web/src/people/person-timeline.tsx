// The timeline of a person's page, newest first: when the record was made, the records of the same
// person merged into it (who, when, what was taken from them and what moved), and what the page
// already holds with a date: enrolments, consents and care-team memberships as they began and ended;
// and, where the viewer sees them, screenings and every change of a need (the needs category) and
// contacts with the person (the care plan).
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNeedDomains } from '../api/directory';
import { itemsOf } from '../api/paged';
import { usePersonTimeline } from '../api/people';
import { useContacts } from '../api/outreach';
import { useNeedHistory, useScreenings } from '../api/screening';
import { needChangeText } from '../screening/needs-section';
import type { PersonDetail, PersonMerge } from '../api/types';
import { formatDateTime, formatList } from '../i18n/format';

interface TimelineEvent {
  key: string;
  /** An ISO date or date-time, for the order. */
  at: string;
  when: string;
  text: string;
  details?: string[];
}

export function PersonTimeline(props: { detail: PersonDetail }) {
  const { t } = useTranslation();
  const { person, enrolments, consents, careTeam } = props.detail;
  const timeline = usePersonTimeline(person.id);
  const seesNeeds = person.access.categories.includes('needs');
  const seesCarePlan = person.access.categories.includes('care_plan');
  const screenings = useScreenings(person.id, seesNeeds);
  const needChanges = useNeedHistory(person.id, seesNeeds);
  const contacts = useContacts(person.id, seesCarePlan);
  const domains = useNeedDomains();
  const domainName = (code: string) => domains.data?.find((domain) => domain.code === code)?.name ?? code;

  const mergeDetails = (merge: PersonMerge) => {
    const moved = merge.moved;
    const parts = [
      moved.identifiers > 0 && t('people.timeline.moved.identifiers', { count: moved.identifiers }),
      moved.enrolments > 0 && t('people.timeline.moved.enrolments', { count: moved.enrolments }),
      moved.primaryCare && t('people.timeline.moved.primaryCare'),
      moved.careTeam > 0 && t('people.timeline.moved.careTeam', { count: moved.careTeam }),
      moved.consents > 0 && t('people.timeline.moved.consents', { count: moved.consents }),
      moved.screenings > 0 && t('people.timeline.moved.screenings', { count: moved.screenings }),
      moved.needs > 0 && t('people.timeline.moved.needs', { count: moved.needs }),
      moved.needsCombined > 0 && t('people.timeline.moved.needsCombined', { count: moved.needsCombined }),
      moved.goals > 0 && t('people.timeline.moved.goals', { count: moved.goals }),
      moved.contacts > 0 && t('people.timeline.moved.contacts', { count: moved.contacts }),
    ].filter((part): part is string => Boolean(part));
    return [
      merge.fieldsFromDuplicate.length > 0
        ? t('people.timeline.fieldsTaken', {
            fields: formatList(merge.fieldsFromDuplicate.map((field) => t(`people.mergeFields.${field}`))),
          })
        : t('people.timeline.noFieldsTaken'),
      parts.length > 0 ? t('people.timeline.movedList', { list: formatList(parts) }) : t('people.timeline.nothingMoved'),
    ];
  };

  const events: TimelineEvent[] = [];
  if (timeline.data) {
    events.push({
      key: 'created',
      at: timeline.data.createdAt,
      when: formatDateTime(timeline.data.createdAt),
      text: t('people.timeline.created'),
    });
    for (const merge of timeline.data.merges) {
      events.push({
        key: `merge-${merge.id}`,
        at: merge.mergedAt,
        when: formatDateTime(merge.mergedAt),
        text: t(merge.survivorId === person.id ? 'people.timeline.merged' : 'people.timeline.mergedEarlier', {
          who: merge.mergedByName ?? t('people.timeline.someone'),
          date: formatDateTime(merge.duplicateCreatedAt),
        }),
        details: mergeDetails(merge),
      });
    }
  }
  for (const enrolment of enrolments) {
    events.push({
      key: `enrolled-${enrolment.id}`,
      at: enrolment.enrolledOn,
      when: enrolment.enrolledOn,
      text: t('people.timeline.enrolled', { program: enrolment.programName }),
    });
    if (enrolment.disenrolledOn)
      events.push({
        key: `disenrolled-${enrolment.id}`,
        at: enrolment.disenrolledOn,
        when: enrolment.disenrolledOn,
        text: t('people.timeline.disenrolled', { program: enrolment.programName }),
      });
  }
  for (const consent of consents) {
    events.push({
      key: `consent-${consent.id}`,
      at: consent.recordedAt,
      when: formatDateTime(consent.recordedAt),
      text: t('people.timeline.consentRecorded', { organisation: consent.granteeName }),
    });
    if (consent.revokedAt)
      events.push({
        key: `revoked-${consent.id}`,
        at: consent.revokedAt,
        when: formatDateTime(consent.revokedAt),
        text: t('people.timeline.consentRevoked', { organisation: consent.granteeName }),
      });
  }
  for (const member of careTeam) {
    events.push({
      key: `joined-${member.id}`,
      at: member.startedOn,
      when: member.startedOn,
      text: t('people.timeline.joinedTeam', { name: member.displayName }),
    });
    if (member.endedOn)
      events.push({
        key: `left-${member.id}`,
        at: member.endedOn,
        when: member.endedOn,
        text: t('people.timeline.leftTeam', { name: member.displayName }),
      });
  }
  for (const screening of screenings.data ?? []) {
    events.push({
      key: `screening-${screening.id}`,
      at: screening.completedAt,
      when: formatDateTime(screening.completedAt),
      text: t('people.timeline.screened', { questionnaire: screening.questionnaireTitle }),
      details: screening.recordedBy ? [t('people.timeline.by', { who: screening.recordedBy })] : undefined,
    });
  }
  for (const change of needChanges.data ?? []) {
    // A need a screening found again is told by the screening itself.
    if (change.field === 'screening') continue;
    events.push({
      key: `need-${change.id}`,
      at: change.changedAt,
      when: formatDateTime(change.changedAt),
      text: needChangeText(t, change, domainName),
      details: change.changedBy ? [t('people.timeline.by', { who: change.changedBy })] : undefined,
    });
  }
  for (const contact of itemsOf(contacts.data)) {
    events.push({
      key: `contact-${contact.id}`,
      at: contact.contactedAt,
      when: formatDateTime(contact.contactedAt),
      text: t(contact.reached ? 'people.timeline.contactReached' : 'people.timeline.contactNotReached', {
        method: t(`outreach.methods.${contact.method}`),
      }),
      details: contact.recordedBy ? [t('people.timeline.by', { who: contact.recordedBy.name })] : undefined,
    });
  }
  // Newest first; a day and a moment of that day compare by their first ten characters, then in full.
  events.sort((a, b) => b.at.localeCompare(a.at));

  return (
    <Paper withBorder p="md" component="section" aria-label={t('people.timeline.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('people.timeline.title')}
        </Title>
        {events.length === 0 ? (
          <Text c="dimmed">{t('people.timeline.none')}</Text>
        ) : (
          <List spacing="xs" aria-label={t('people.timeline.title')}>
            {events.map((event) => (
              <List.Item key={event.key}>
                <Text size="sm" c="dimmed" component="span">
                  {event.when}
                </Text>{' '}
                <Text component="span">{event.text}</Text>
                {event.details?.map((line) => (
                  <Text key={line} size="sm">
                    {line}
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
