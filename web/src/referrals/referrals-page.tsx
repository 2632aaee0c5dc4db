// The referrals of the user's organisation: the inbox (sent to us) and the outbox (sent by us),
// each filtered by where the work stands, with the counts on the tabs. The tab and the filter live
// in the page address (?box=outbox&state=waiting), so the back button and a shared link keep them.
import { Badge, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useReferralCounts } from '../api/referrals';
import type { Me, ReferralBox, ReferralCounts } from '../api/types';
import { canWritePeople } from '../people/people-words';
import { Page } from '../ui/page';
import { useSignedInUser } from '../ui/session-guard';
import { ReferralList } from './referral-list';
import { stateFilters, type StateFilter } from './referral-rules';

/** The box a user opens first: those who send referrals from the host see what they sent; everyone else what came in. */
export function defaultBox(me: Me): ReferralBox {
  return me.organization.isHost && canWritePeople(me) ? 'outbox' : 'inbox';
}

const filterNames = ['all', ...Object.keys(stateFilters)] as StateFilter[];

function stateFilterOf(value: string | null): StateFilter {
  return filterNames.find((name) => name === value) ?? 'all';
}

export default function ReferralsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const box: ReferralBox =
    params.get('box') === 'outbox' || params.get('box') === 'inbox' ? (params.get('box') as ReferralBox) : defaultBox(me);
  const state = stateFilterOf(params.get('state'));
  const counts = useReferralCounts();
  const go = (next: { box?: ReferralBox; state?: StateFilter }) => {
    const search = new URLSearchParams();
    search.set('box', next.box ?? box);
    const nextState = next.state ?? state;
    if (nextState !== 'all') search.set('state', nextState);
    setParams(search);
  };

  return (
    <Page title={t('referrals.title')} description={t('referrals.intro')}>
      <Tabs value={box} onChange={(value) => value && go({ box: value as ReferralBox, state: 'all' })} keepMounted={false}>
        <Tabs.List>
          {(['inbox', 'outbox'] as const).map((name) => (
            <Tabs.Tab key={name} value={name} rightSection={<BoxCount counts={counts.data} box={name} />}>
              {t(`referrals.boxes.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(['inbox', 'outbox'] as const).map((name) => (
          <Tabs.Panel key={name} value={name} pt="md">
            <BoxPanel box={name} state={state} onState={(next) => go({ state: next })} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}

function BoxCount(props: { counts: ReferralCounts | undefined; box: ReferralBox }) {
  const { t } = useTranslation();
  const count = props.counts?.[props.box];
  if (!count || count.waiting === 0) return null;
  return (
    <Badge size="sm" color={count.overdue > 0 ? 'red' : 'blue'} variant="light">
      {count.overdue > 0
        ? t('referrals.waitingOverdue', { count: count.waiting, overdue: count.overdue })
        : t('referrals.waiting', { count: count.waiting })}
    </Badge>
  );
}

/** One box with its filter: the list of referrals in the states chosen. */
export function BoxPanel(props: { box: ReferralBox; state: StateFilter; onState: (state: StateFilter) => void }) {
  const { t } = useTranslation();
  const headingId = `referrals-${props.box}-list`;
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('referrals.filterLabel')}
        value={props.state}
        onChange={(value) => props.onState(stateFilterOf(value))}
        data={filterNames
          .filter((name) => props.box === 'outbox' || name !== 'drafts')
          .map((name) => ({ value: name, label: t(`referrals.filters.${name}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <Text id={headingId} size="sm" c="dimmed">
        {t('referrals.listLabel', { box: t(`referrals.boxes.${props.box}`), filter: t(`referrals.filters.${props.state}`) })}
      </Text>
      <ReferralList
        filters={{ box: props.box, status: props.state === 'all' ? undefined : [...stateFilters[props.state]] }}
        labelledBy={headingId}
        emptyText={props.box === 'inbox' ? t('referrals.emptyInbox') : t('referrals.emptyOutbox')}
      />
    </Stack>
  );
}
