// One referral: where it stands, who sent it to whom and when it was sent and opened, the service,
// the person as far as the viewer may see them (or why they are hidden), the need, the note, what
// ended it, the history in words, and the moves the viewer's side may make now. Each move is made
// at the version shown (If-Match); when someone else changed the referral first, the page says so,
// shows it as it is now, and offers to try the move again.
import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useNeedDomains } from '../api/directory';
import { useMoveReferral, useReferral } from '../api/referrals';
import type { Referral, ReferralStatus, ReferralTransitionBody } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { personName } from '../people/people-words';
import { Page } from '../ui/page';
import { problemMessage } from '../ui/problem';
import { Loading, QueryError } from '../ui/status';
import { MoveDialog } from './move-dialog';
import { isDestructive, isOneClick, movesOffered, staleReferralOf, statusColor } from './referral-rules';
import { eventText, formatDay } from './referral-words';

export default function ReferralPage() {
  const { t } = useTranslation();
  const { referralId = '' } = useParams();
  const referral = useReferral(referralId);
  if (referral.isPending) return <Loading />;
  if (referral.isError) {
    if (referral.error instanceof ApiError && (referral.error.status === 404 || referral.error.status === 400)) {
      return (
        <Page title={t('referrals.page.notFoundTitle')}>
          <Text>{t('referrals.page.notFound')}</Text>
        </Page>
      );
    }
    return <QueryError error={referral.error} onRetry={() => void referral.refetch()} />;
  }
  return <ReferralView referral={referral.data} />;
}

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

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text>{props.children}</Text>
    </div>
  );
}

function ReferralView(props: { referral: Referral }) {
  const { t } = useTranslation();
  const { referral } = props;
  const domains = useNeedDomains();
  const move = useMoveReferral();
  const [asking, setAsking] = useState<ReferralStatus | null>(null);
  /** A move refused because the referral had changed: kept to try again. */
  const [stale, setStale] = useState<{ body: ReferralTransitionBody; status: ReferralStatus } | null>(null);
  const who = referral.person ? personName(referral.person) : t('referrals.aPerson');
  const about = t('referrals.about', { person: who, service: referral.service.name });
  const need = referral.needDomain
    ? (domains.data?.find((domain) => domain.code === referral.needDomain)?.name ?? referral.needDomain)
    : null;
  const offered = movesOffered(referral);
  const when = (iso: string | null) => (iso ? formatDateTime(iso) : t('referrals.page.notYet'));

  const run = (body: ReferralTransitionBody) => {
    setStale(null);
    move.mutate(
      { referralId: referral.id, version: referral.version, body },
      {
        onSuccess: (moved) => {
          setAsking(null);
          notifications.show({
            color: 'teal',
            message: t('referrals.moved', { about, status: t(`referrals.statuses.${moved.status}`) }),
          });
        },
        onError: (error) => {
          const current = staleReferralOf(error);
          if (!current) return;
          // The page shows the referral as it is now; the move may be tried again on it.
          setAsking(null);
          setStale({ body, status: current.status });
          move.reset();
        },
      },
    );
  };
  const stillOffered = stale !== null && offered.includes(stale.body.to);

  return (
    <Page
      title={t('referrals.page.title', { person: who, service: referral.service.name })}
      description={
        <Group gap="xs" component="span">
          <Badge color={statusColor[referral.status]} variant="light" size="lg" component="span">
            {t(`referrals.statuses.${referral.status}`)}
          </Badge>
          {referral.overdue && (
            <Badge color="red" variant="filled" size="lg" component="span">
              {t('referrals.overdue')}
            </Badge>
          )}
          {referral.priority === 'urgent' && (
            <Badge color="orange" variant="light" size="lg" component="span">
              {t('referrals.priorities.urgent')}
            </Badge>
          )}
        </Group>
      }
    >
      <Anchor component={Link} to={`/referrals?box=${referral.viewerSide === 'recipient' ? 'inbox' : 'outbox'}`} size="sm">
        {referral.viewerSide === 'recipient' ? t('referrals.page.backToInbox') : t('referrals.page.backToOutbox')}
      </Anchor>

      {stale && (
        <Alert color="orange" variant="light" title={t('referrals.stale.title')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('referrals.stale.now', { status: t(`referrals.statuses.${stale.status}`) })}</Text>
            <Group gap="xs">
              {stillOffered && (
                <Button size="xs" onClick={() => run(stale.body)} loading={move.isPending}>
                  {t('referrals.stale.retry', {
                    move: t(`referrals.moves.${stale.body.to as Exclude<ReferralStatus, 'draft'>}`),
                  })}
                </Button>
              )}
              <Button size="xs" variant="default" onClick={() => setStale(null)}>
                {t('common.close')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {offered.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="referral-actions-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="referral-actions-heading">
              {t('referrals.page.actions')}
            </Title>
            {move.isError && !asking && (
              <Alert color="red" variant="light">
                {problemMessage(move.error, t)}
              </Alert>
            )}
            <Group gap="xs">
              {offered.map((to) => (
                <Button
                  key={to}
                  variant={isDestructive(to) ? 'light' : 'filled'}
                  color={isDestructive(to) ? 'red' : undefined}
                  loading={move.isPending && !asking && move.variables.body.to === to}
                  disabled={move.isPending}
                  onClick={() => {
                    move.reset();
                    if (isOneClick(to)) run({ to });
                    else setAsking(to);
                  }}
                >
                  {t(`referrals.moves.${to as Exclude<ReferralStatus, 'draft'>}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        </Paper>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('referrals.page.whoWhen')}>
          <Fact label={t('referrals.page.from')}>
            {referral.sender.name}
            {referral.sentBy ? ` · ${referral.sentBy.name}` : ''}
          </Fact>
          <Fact label={t('referrals.page.to')}>{referral.recipient.name}</Fact>
          <Fact label={t('referrals.page.service')}>
            <Anchor component={Link} to={`/directory/services/${referral.service.id}`}>
              {referral.service.name}
            </Anchor>
          </Fact>
          <Fact label={t('referrals.page.sentAt')}>{when(referral.sentAt)}</Fact>
          <Fact label={t('referrals.page.openedAt')}>
            {when(referral.openedAt)}
            {referral.openedBy ? ` · ${referral.openedBy.name}` : ''}
          </Fact>
          {referral.answerDueOn && referral.status === 'requested' && (
            <Fact label={t('referrals.page.answerDue')}>{formatDay(referral.answerDueOn)}</Fact>
          )}
          {referral.endedAt && <Fact label={t('referrals.page.endedAt')}>{when(referral.endedAt)}</Fact>}
        </Section>
        <Section title={t('referrals.page.person')}>
          {referral.personWithheld ? (
            <Alert color="gray" variant="light">
              {t(`referrals.personWithheld.${referral.personWithheld}`)}
            </Alert>
          ) : referral.person ? (
            <PersonPart referral={referral} />
          ) : (
            <Text c="dimmed">{t('referrals.page.personNotShown')}</Text>
          )}
          <Fact label={t('referrals.page.need')}>{need ?? t('referrals.page.noNeed')}</Fact>
        </Section>
      </SimpleGrid>

      {(referral.note || referral.reason || referral.outcome) && (
        <Section title={t('referrals.page.words')}>
          {referral.note && (
            <Fact label={t('referrals.page.note')}>
              <Text component="span" style={{ whiteSpace: 'pre-line' }}>
                {referral.note}
              </Text>
            </Fact>
          )}
          {referral.reason && (
            <Fact label={t('referrals.page.reason')}>
              {t(`referrals.reasons.${referral.reason.code}`)}
              {referral.reason.text ? `: ${referral.reason.text}` : ''}
            </Fact>
          )}
          {referral.outcome && (
            <>
              <Fact label={t('referrals.page.outcome')}>{t(`referrals.needOutcomes.${referral.outcome.needOutcome}`)}</Fact>
              <Fact label={t('referrals.page.delivered')}>
                <Text component="span" style={{ whiteSpace: 'pre-line' }}>
                  {referral.outcome.delivered}
                </Text>
              </Fact>
            </>
          )}
        </Section>
      )}

      <Section title={t('referrals.page.history')}>
        <List size="sm" spacing={4}>
          {referral.events.map((event) => (
            <List.Item key={event.id}>
              <Text size="sm" component="span" c="dimmed">
                {formatDateTime(event.at)}:
              </Text>{' '}
              {eventText(event, t)}
            </List.Item>
          ))}
        </List>
      </Section>

      <MoveDialog
        to={asking}
        about={about}
        pending={move.isPending}
        error={asking ? move.error : null}
        onMove={run}
        onClose={() => setAsking(null)}
      />
    </Page>
  );
}

/** The person as the API gives them: the name, and the contact details and demographics only where shared. */
function PersonPart(props: { referral: Referral }) {
  const { t } = useTranslation();
  const person = props.referral.person!;
  const contact = person.contact;
  const address = contact
    ? [contact.addressLine, contact.city, contact.state, contact.postalCode].filter(Boolean).join(', ')
    : '';
  return (
    <Stack gap="xs">
      {props.referral.viewerSide === 'sender' ? (
        <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
          {personName(person)}
        </Anchor>
      ) : (
        <Text fw={600}>{personName(person)}</Text>
      )}
      {contact && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {contact.phone && <Fact label={t('people.fields.phone')}>{contact.phone}</Fact>}
          {contact.email && <Fact label={t('people.fields.email')}>{contact.email}</Fact>}
          {contact.contactMethod && (
            <Fact label={t('people.fields.contactMethod')}>{t(`people.contactMethods.${contact.contactMethod}`)}</Fact>
          )}
          {contact.contactTimes && <Fact label={t('people.fields.contactTimes')}>{contact.contactTimes}</Fact>}
          {address && <Fact label={t('people.fields.address')}>{address}</Fact>}
        </SimpleGrid>
      )}
      {person.demographics && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('people.fields.birthDate')}>{person.demographics.birthDate}</Fact>
          {person.demographics.preferredLanguage && (
            <Fact label={t('people.fields.language')}>{person.demographics.preferredLanguage}</Fact>
          )}
          {person.demographics.interpreterNeeded && <Fact label={t('people.fields.interpreter')}>{t('people.yes')}</Fact>}
        </SimpleGrid>
      )}
      {!contact && !person.demographics && (
        <Text size="sm" c="dimmed">
          {t('referrals.page.onlyName')}
        </Text>
      )}
    </Stack>
  );
}
