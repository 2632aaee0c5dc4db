// The needs section of a person's page: each need with its status and severity in words, its
// status changed in one step (e.g. "out of scope": a partner must meet it), the history of every
// change, the screening form and the form to record a need by hand; an open need leads to the
// directory, to find a service and refer the person for it. Shown only to those the server lets see needs: a 404 from the
// needs route means they are not shared with this user, and the section says so without asking again.
import { Badge, Button, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { useNeedDomains } from '../api/directory';
import { useChangeNeed, useNeedHistory, useNeeds } from '../api/screening';
import { needStatuses, type Need, type NeedChange, type NeedStatus } from '../api/types';
import { referSearchHref } from '../referrals/refer-context';
import { NeedForm } from './need-form';
import { ScreeningForm } from './screening-form';

/** The statuses of a need still open: a referral may be made for it. */
const openNeedStatuses: readonly NeedStatus[] = ['identified', 'in_scope', 'out_of_scope', 'being_addressed'];

const severityColor = { low: 'gray', medium: 'blue', high: 'orange', urgent: 'red' } as const;

export function NeedsSection(props: { personId: string; writes: boolean }) {
  const { t } = useTranslation();
  const needs = useNeeds(props.personId);
  const domains = useNeedDomains();
  const [screening, setScreening] = useState(false);
  const [byHand, setByHand] = useState(false);
  const [history, setHistory] = useState(false);
  const domainName = (code: string) => domains.data?.find((domain) => domain.code === code)?.name ?? code;

  if (needs.isError && needs.error instanceof ApiError && needs.error.status === 404) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('screening.needs.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('screening.needs.title')}
        </Title>
        {needs.data && needs.data.length === 0 && <Text c="dimmed">{t('screening.needs.none')}</Text>}
        {needs.data?.map((need) => (
          <NeedRow key={need.id} need={need} name={domainName(need.needDomain)} personId={props.personId} writes={props.writes} />
        ))}
        {props.writes && screening && <ScreeningForm personId={props.personId} onDone={() => setScreening(false)} />}
        {props.writes && byHand && <NeedForm personId={props.personId} onDone={() => setByHand(false)} />}
        {props.writes && !screening && !byHand && (
          <Group>
            <Button variant="light" onClick={() => setScreening(true)}>
              {t('screening.form.start')}
            </Button>
            <Button variant="light" onClick={() => setByHand(true)}>
              {t('screening.addNeed.start')}
            </Button>
          </Group>
        )}
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setHistory(!history)}>
            {history ? t('screening.needs.hideHistory') : t('screening.needs.showHistory')}
          </Button>
        </Group>
        {history && <History personId={props.personId} domainName={domainName} />}
      </Stack>
    </Paper>
  );
}

function NeedRow(props: { need: Need; name: string; personId: string; writes: boolean }) {
  const { t } = useTranslation();
  const { need } = props;
  const change = useChangeNeed(props.personId);
  return (
    <Paper bg="gray.0" p="sm" component="section" aria-label={props.name}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{props.name}</Text>
            <Badge color={severityColor[need.severity]} variant="light">
              {t('screening.needs.severity', { severity: t(`screening.needs.severities.${need.severity}`) })}
            </Badge>
            {need.sensitive && (
              <Badge color="grape" variant="light">
                {t('screening.needs.sensitive')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t(`screening.needs.statuses.${need.status}`)}
            {need.priority !== null ? ` · ${t('screening.needs.priority', { priority: need.priority })}` : ''}
            {need.addressedByOrganizationName
              ? ` · ${t('screening.needs.addressedBy', { organisation: need.addressedByOrganizationName })}`
              : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {t('screening.needs.identifiedOn', { date: need.identifiedOn })}
            {need.resolvedOn ? `, ${t('screening.needs.resolvedOn', { date: need.resolvedOn })}` : ''} ·{' '}
            {need.source === 'screening' ? t('screening.needs.fromScreening') : t('screening.needs.byHand')}
          </Text>
        </Stack>
        {props.writes && (
          <Group gap="xs" align="flex-start">
            {openNeedStatuses.includes(need.status) && (
              <Button
                component={Link}
                to={referSearchHref({ personId: props.personId, needId: need.id, needDomain: need.needDomain })}
                size="sm"
                variant="light"
                aria-label={t('referrals.refer.forNeed', { need: props.name })}
              >
                {t('referrals.refer.button')}
              </Button>
            )}
            <Select
              aria-label={t('screening.needs.changeStatusFor', { need: props.name })}
              size="sm"
              w={280}
              value={need.status}
              allowDeselect={false}
              disabled={change.isPending}
              data={needStatuses.map((status) => ({ value: status, label: t(`screening.needs.statuses.${status}`) }))}
              onChange={(status) => {
                if (!status || status === need.status) return;
                change.mutate(
                  { needId: need.id, body: { status: status as NeedStatus } },
                  {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('screening.needs.changed') }),
                    onError: (error) => notifications.show({ color: 'red', message: error.message }),
                  },
                );
              }}
            />
          </Group>
        )}
      </Group>
    </Paper>
  );
}

/** One change of a need in words: "Housing: Status from Identified to Met". */
export function needChangeText(t: TFunction, change: NeedChange, domainName: (code: string) => string): string {
  const word = (value: string | null) => {
    if (value === null) return t('screening.needs.nothing');
    if (change.field === 'status' || change.field === 'created')
      return t(`screening.needs.statuses.${value as NeedStatus}`, { defaultValue: value });
    if (change.field === 'severity') return t(`screening.needs.severities.${value as Need['severity']}`, { defaultValue: value });
    return value;
  };
  return `${domainName(change.needDomain)}: ${t(`screening.needs.historyFields.${change.field}`, { from: word(change.from), to: word(change.to) })}`;
}

function History(props: { personId: string; domainName: (code: string) => string }) {
  const { t, i18n } = useTranslation();
  const history = useNeedHistory(props.personId, true);
  if (!history.data) return null;
  if (history.data.length === 0) return <Text c="dimmed">{t('screening.needs.historyNone')}</Text>;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <List size="sm" aria-label={t('screening.needs.showHistory')}>
      {history.data.map((change) => (
        <List.Item key={change.id}>
          {needChangeText(t, change, props.domainName)} —{' '}
          {t('screening.needs.historyBy', {
            when: when.format(new Date(change.changedAt)),
            who: change.changedBy ?? t('screening.needs.someone'),
          })}
        </List.Item>
      ))}
    </List>
  );
}
