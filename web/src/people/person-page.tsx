// A person's page: why the signed-in user sees what they see, the summary, identifiers, needs,
// goals, primary care, care team, enrolments and consents, as far as they may see them, the
// referrals made for them (for the holder), possible duplicates (for those who may merge them) and
// the timeline. Someone who may see nothing finds no page at all; the address of a record merged
// into another leads to that record.
import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { usePerson, useRevokeConsent } from '../api/people';
import type { ConsentCategory, PersonDetail } from '../api/types';
import { Page } from '../ui/page';
import { useSignedInUser } from '../ui/session-guard';
import { Loading, QueryError } from '../ui/status';
import { GoalsSection } from '../screening/goals-section';
import { NeedsSection } from '../screening/needs-section';
import { ContactsSection } from '../outreach/contacts-section';
import { canRecordContacts } from '../outreach/who-records';
import { AccessNote } from './access-words';
import { ConsentForm } from './consent-form';
import { canWritePeople, personName } from './people-words';
import { PersonTimeline } from './person-timeline';
import { PossibleDuplicates } from './possible-duplicates';
import { PersonReferrals } from '../referrals/person-referrals';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={props.title}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Paper>
  );
}

function Field(props: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text>{props.value === null || props.value === undefined || props.value === '' ? '—' : props.value}</Text>
    </div>
  );
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const person = usePerson(personId);
  if (person.isPending) return <Loading />;
  if (person.isError) {
    if (person.error instanceof ApiError && person.error.status === 404 && person.error.problem.mergedInto) {
      return <Navigate to={`/people/${person.error.problem.mergedInto}`} replace />;
    }
    if (person.error instanceof ApiError && person.error.status === 404) {
      return (
        <Page title={t('people.notFoundTitle')}>
          <Text>{t('people.notFound')}</Text>
        </Page>
      );
    }
    return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  }
  return <PersonView detail={person.data} />;
}

function PersonView(props: { detail: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const me = useSignedInUser();
  const { person, identifiers, primaryCare, careTeam, enrolments, consents } = props.detail;
  const holder = person.access.basis === 'holder';
  const writes = holder && canWritePeople(me);
  // What the access rule lets the viewer see (the holder's staff too: their role or care-team role may narrow it).
  const sees = (category: ConsentCategory) => person.access.categories.includes(category);
  const [consenting, setConsenting] = useState(false);
  const revoke = useRevokeConsent(person.id);
  const name = personName(person);
  const language = (tag: string | null) => {
    if (!tag) return null;
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(tag) ?? tag;
    } catch {
      return tag;
    }
  };

  return (
    <Page title={name}>
      <AccessNote access={person.access} />
      {writes && <PossibleDuplicates personId={person.id} />}
      <Section title={t('people.summary')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('people.fields.givenName')} value={person.givenName} />
          <Field label={t('people.fields.familyName')} value={person.familyName} />
          <Field label={t('people.fields.usedName')} value={person.usedName} />
        </SimpleGrid>
        {person.whatMatters && <Field label={t('people.fields.whatMatters')} value={person.whatMatters} />}
      </Section>
      <Section title={t('people.categories.demographics')}>
        {person.demographics ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('people.fields.birthDate')} value={person.demographics.birthDate} />
            <Field label={t('people.fields.sex')} value={person.demographics.sex} />
            <Field label={t('people.fields.genderIdentity')} value={person.demographics.genderIdentity} />
            <Field label={t('people.fields.pronouns')} value={person.demographics.pronouns} />
            <Field label={t('people.fields.language')} value={language(person.demographics.preferredLanguage)} />
            <Field
              label={t('people.fields.interpreter')}
              value={person.demographics.interpreterNeeded ? t('people.yes') : t('people.no')}
            />
          </SimpleGrid>
        ) : (
          <Text c="dimmed">{t('people.notShared')}</Text>
        )}
        {identifiers.length > 0 && (
          <List>
            {identifiers.map((identifier) => (
              <List.Item key={identifier.id}>
                {t(`people.identifierKinds.${identifier.kind}`)}: {identifier.value}
                {identifier.issuer ? ` (${identifier.issuer})` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section title={t('people.categories.contact')}>
        {person.contact ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('people.fields.phone')} value={person.contact.phone} />
            <Field label={t('people.fields.email')} value={person.contact.email} />
            <Field
              label={t('people.fields.contactMethod')}
              value={person.contact.contactMethod ? t(`people.contactMethods.${person.contact.contactMethod}`) : null}
            />
            <Field label={t('people.fields.contactTimes')} value={person.contact.contactTimes} />
            <Field
              label={t('people.fields.address')}
              value={[person.contact.addressLine, person.contact.city, person.contact.state, person.contact.postalCode]
                .filter(Boolean)
                .join(', ')}
            />
          </SimpleGrid>
        ) : (
          <Text c="dimmed">{t('people.notShared')}</Text>
        )}
      </Section>
      {sees('needs') && <NeedsSection personId={person.id} writes={writes} />}
      {holder && <PersonReferrals personId={person.id} />}
      {sees('care_plan') && (
        <ContactsSection personId={person.id} writes={canRecordContacts(me, person)} myOrganizationId={me.organization.id} />
      )}
      {sees('care_plan') && (
        <>
          <GoalsSection personId={person.id} writes={writes} />
          <Section title={t('people.primaryCare')}>
            {primaryCare ? (
              <Text>
                {primaryCare.clinicianName ? `${primaryCare.clinicianName}, ` : ''}
                {primaryCare.practiceName} · {t(`people.pcpRelationships.${primaryCare.relationship}`)}
              </Text>
            ) : (
              <Text c="dimmed">{t('people.noPrimaryCare')}</Text>
            )}
          </Section>
          <Section title={t('people.careTeam')}>
            {careTeam.length === 0 ? (
              <Text c="dimmed">{t('people.noCareTeam')}</Text>
            ) : (
              <List>
                {careTeam.map((member) => (
                  <List.Item key={member.id}>
                    {member.displayName} — {t(`people.careTeamRoles.${member.role}`)}, {member.organizationName}
                    {member.endedOn ? ` (${t('people.until', { date: member.endedOn })})` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title={t('people.enrolments')}>
            {enrolments.length === 0 ? (
              <Text c="dimmed">{t('people.noEnrolments')}</Text>
            ) : (
              <List>
                {enrolments.map((enrolment) => (
                  <List.Item key={enrolment.id}>
                    {enrolment.programName}: {t('people.enrolledOn', { date: enrolment.enrolledOn })}
                    {enrolment.disenrolledOn ? ` · ${t('people.disenrolledOn', { date: enrolment.disenrolledOn })}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </>
      )}
      <Section title={t('people.consents')}>
        {consents.length === 0 ? (
          <Text c="dimmed">{t('people.noConsents')}</Text>
        ) : (
          <Stack gap="xs">
            {consents.map((consent) => (
              <Paper key={consent.id} bg="gray.0" p="sm">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Group gap="xs">
                      <Text fw={600}>{consent.granteeName}</Text>
                      <Badge color={consent.active ? 'teal' : 'gray'} variant="light">
                        {consent.revokedAt ? t('consent.revoked') : consent.active ? t('consent.active') : t('consent.inactive')}
                      </Badge>
                    </Group>
                    <Text size="sm">
                      {t(`consent.purposes.${consent.purpose}`)} ·{' '}
                      {consent.categories.map((category) => t(`people.categories.${category}`)).join(', ')}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {consent.endsOn
                        ? t('consent.period', { from: consent.startsOn, to: consent.endsOn })
                        : t('consent.periodOpen', { from: consent.startsOn })}{' '}
                      · {t(`consent.methods.${consent.method}`)}
                    </Text>
                  </div>
                  {writes && !consent.revokedAt && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      loading={revoke.isPending && revoke.variables === consent.id}
                      onClick={() =>
                        revoke.mutate(consent.id, {
                          onSuccess: () => notifications.show({ color: 'teal', message: t('consent.revokedNotice') }),
                        })
                      }
                      aria-label={t('consent.revokeFor', { organisation: consent.granteeName })}
                    >
                      {t('consent.revoke')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {writes &&
          (consenting ? (
            <ConsentForm
              personId={person.id}
              personName={name}
              holderName={me.organization.name}
              onDone={() => setConsenting(false)}
            />
          ) : (
            <Group>
              <Button variant="light" onClick={() => setConsenting(true)}>
                {t('consent.add')}
              </Button>
            </Group>
          ))}
      </Section>
      <PersonTimeline detail={props.detail} />
    </Page>
  );
}
