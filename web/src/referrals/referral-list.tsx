// A box of referrals (the inbox: sent to us; the outbox: sent by us), overdue first as the server
// orders it: whom each is for, to or from whom, for which need, its state, how long ago it was
// sent and by when it must be answered. A referral of the inbox waiting for an answer is accepted
// in one click from its row, or declined with a reason in a small dialog.
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNeedDomains } from '../api/directory';
import { itemsOf } from '../api/paged';
import { useMoveReferral, useReferrals, type ReferralFilters } from '../api/referrals';
import type { ReferralListItem, ReferralStatus, ReferralTransitionBody } from '../api/types';
import { personName } from '../people/people-words';
import { problemMessage } from '../ui/problem';
import { Loading, QueryError } from '../ui/status';
import { MoveDialog } from './move-dialog';
import { inboxRowMoves, staleReferralOf, statusColor } from './referral-rules';
import { answerByText, sentAgoText } from './referral-words';

export function ReferralList(props: { filters: ReferralFilters; labelledBy: string; emptyText: string }) {
  const { t } = useTranslation();
  const list = useReferrals(props.filters);
  const items = itemsOf(list.data);
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (items.length === 0) return <Text c="dimmed">{props.emptyText}</Text>;
  return (
    <Stack gap="sm">
      <Stack component="ul" className="plain-list" gap="sm" aria-labelledby={props.labelledBy}>
        {items.map((item) => (
          <li key={item.id}>
            <ReferralRow item={item} box={props.filters.box} />
          </li>
        ))}
      </Stack>
      {list.hasNextPage && (
        <Group>
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Whom a referral is for, as the viewer may see them. */
export function referralPersonText(item: Pick<ReferralListItem, 'person'>, fallback: string): string {
  return item.person ? personName(item.person) : fallback;
}

function ReferralRow(props: { item: ReferralListItem; box: ReferralFilters['box'] }) {
  const { t } = useTranslation();
  const { item } = props;
  const domains = useNeedDomains();
  const move = useMoveReferral();
  const [asking, setAsking] = useState<ReferralStatus | null>(null);
  const headingId = `referral-${item.id}`;
  const who = referralPersonText(item, t('referrals.aPerson'));
  const need = item.needDomain
    ? (domains.data?.find((domain) => domain.code === item.needDomain)?.name ?? item.needDomain)
    : null;
  const moves = props.box === 'inbox' ? inboxRowMoves(item) : [];
  const about = t('referrals.about', { person: who, service: item.service.name });

  const run = (body: ReferralTransitionBody) =>
    move.mutate(
      { referralId: item.id, version: item.version, body },
      {
        onSuccess: (referral) => {
          setAsking(null);
          notifications.show({
            color: 'teal',
            message: t('referrals.moved', { about, status: t(`referrals.statuses.${referral.status}`) }),
          });
        },
        onError: (error) => {
          const current = staleReferralOf(error);
          if (current) {
            setAsking(null);
            notifications.show({
              color: 'orange',
              message: t('referrals.stale.row', { about, status: t(`referrals.statuses.${current.status}`) }),
            });
          } else if (!asking) notifications.show({ color: 'red', message: problemMessage(error, t) });
        },
      },
    );

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title order={3} size="h5" id={headingId}>
            <Anchor component={Link} to={`/referrals/${item.id}`} inherit>
              {who}
            </Anchor>
          </Title>
          <Text size="sm">
            {props.box === 'inbox'
              ? t('referrals.fromTo.from', { organisation: item.sender.name, service: item.service.name })
              : t('referrals.fromTo.to', { organisation: item.recipient.name, service: item.service.name })}
            {need ? ` · ${t('referrals.forNeed', { need })}` : ''}
          </Text>
          <Group gap="xs">
            <Badge color={statusColor[item.status]} variant="light">
              {t(`referrals.statuses.${item.status}`)}
            </Badge>
            {item.overdue && (
              <Badge color="red" variant="filled">
                {t('referrals.overdue')}
              </Badge>
            )}
            {item.priority === 'urgent' && (
              <Badge color="orange" variant="light">
                {t('referrals.priorities.urgent')}
              </Badge>
            )}
            {item.personWithheld && (
              <Text size="sm" c="dimmed">
                {t(`referrals.personWithheldShort.${item.personWithheld}`)}
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {item.sentAt ? sentAgoText(item.sentAt, t) : t('referrals.notSent')}
            {item.answerDueOn ? ` · ${answerByText(item.answerDueOn, t)}` : ''}
          </Text>
        </Stack>
        {moves.length > 0 && (
          <Group gap="xs">
            {moves.includes('accepted') && (
              <Button
                size="sm"
                loading={move.isPending && move.variables.body.to === 'accepted'}
                disabled={move.isPending}
                onClick={() => run({ to: 'accepted' })}
                aria-label={t('referrals.acceptFor', { about })}
              >
                {t('referrals.moves.accepted')}
              </Button>
            )}
            {moves.includes('rejected') && (
              <Button
                size="sm"
                variant="light"
                color="red"
                disabled={move.isPending}
                onClick={() => {
                  move.reset();
                  setAsking('rejected');
                }}
                aria-label={t('referrals.rejectFor', { about })}
              >
                {t('referrals.moves.rejected')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <MoveDialog
        to={asking}
        about={about}
        pending={move.isPending}
        error={asking ? move.error : null}
        onMove={run}
        onClose={() => setAsking(null)}
      />
    </Paper>
  );
}
