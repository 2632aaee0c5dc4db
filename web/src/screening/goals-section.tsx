// The goals section of a person's page: each goal in the person's (or the team's) words, where it
// stands and how it goes, the need it addresses, its dates and history; a form to add one, and a
// button to mark one achieved. Shown only to those the server lets see the care plan: a 404 from
// the goals route means it is not shared with this user, and the section is not shown.
import { Badge, Button, Group, List, NativeSelect, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useNeedDomains } from '../api/directory';
import { useAddGoal, useChangeGoal, useGoals, useNeeds } from '../api/screening';
import {
  goalLifecycleStatuses,
  type Goal,
  type GoalAchievementStatus,
  type GoalChange,
  type GoalLifecycleStatus,
} from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';

const lifecycleColor = { proposed: 'gray', active: 'blue', on_hold: 'orange', completed: 'teal', cancelled: 'gray' } as const;
const today = () => new Date().toISOString().slice(0, 10);

export function GoalsSection(props: { personId: string; writes: boolean }) {
  const { t } = useTranslation();
  const goals = useGoals(props.personId);
  const domains = useNeedDomains();
  const [adding, setAdding] = useState(false);
  const domainName = (code: string) => domains.data?.find((domain) => domain.code === code)?.name ?? code;

  if (goals.isError && goals.error instanceof ApiError && goals.error.status === 404) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('screening.goals.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('screening.goals.title')}
        </Title>
        {goals.data && goals.data.length === 0 && <Text c="dimmed">{t('screening.goals.none')}</Text>}
        {goals.data?.map((goal) => (
          <GoalRow key={goal.id} goal={goal} personId={props.personId} writes={props.writes} domainName={domainName} />
        ))}
        {props.writes &&
          (adding ? (
            <GoalForm personId={props.personId} onDone={() => setAdding(false)} />
          ) : (
            <Group>
              <Button variant="light" onClick={() => setAdding(true)}>
                {t('screening.goals.add')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

function GoalRow(props: { goal: Goal; personId: string; writes: boolean; domainName: (code: string) => string }) {
  const { t } = useTranslation();
  const { goal } = props;
  const change = useChangeGoal(props.personId);
  const [history, setHistory] = useState(false);
  const achieved = goal.achievementStatus === 'achieved';
  return (
    <Paper bg="gray.0" p="sm" component="section" aria-label={goal.description}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{goal.description}</Text>
            <Badge color={lifecycleColor[goal.lifecycleStatus]} variant="light">
              {t(`screening.goals.lifecycle.${goal.lifecycleStatus}`)}
            </Badge>
            {goal.achievementStatus && (
              <Badge color={achieved ? 'teal' : 'blue'} variant="light">
                {t(`screening.goals.achievement.${goal.achievementStatus}`)}
              </Badge>
            )}
            {goal.sensitive && (
              <Badge color="grape" variant="light">
                {t('screening.needs.sensitive')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {goal.needDomain
              ? goal.needId
                ? t('screening.goals.addresses', { need: props.domainName(goal.needDomain) })
                : t('screening.goals.about', { need: props.domainName(goal.needDomain) })
              : t('screening.goals.noNeed')}{' '}
            · {goal.expressedBy === 'person' ? t('screening.goals.byPerson') : t('screening.goals.byTeam')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('screening.goals.started', { date: goal.startDate })}
            {goal.targetDate ? ` · ${t('screening.goals.target', { date: goal.targetDate })}` : ''}
          </Text>
          {goal.note && <Text size="sm">{goal.note}</Text>}
        </Stack>
        <Group gap="xs">
          {props.writes && !achieved && (
            <Button
              size="xs"
              variant="light"
              color="teal"
              loading={change.isPending}
              aria-label={t('screening.goals.markAchievedFor', { goal: goal.description })}
              onClick={() =>
                change.mutate(
                  { goalId: goal.id, body: { lifecycleStatus: 'completed', achievementStatus: 'achieved' } },
                  {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('screening.goals.markedAchieved') }),
                    onError: (error) => notifications.show({ color: 'red', message: error.message }),
                  },
                )
              }
            >
              {t('screening.goals.markAchieved')}
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={() => setHistory(!history)}>
            {history ? t('screening.needs.hideHistory') : t('screening.needs.showHistory')}
          </Button>
        </Group>
      </Group>
      {history && <GoalHistory changes={goal.changes} />}
    </Paper>
  );
}

function GoalHistory(props: { changes: GoalChange[] }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const word = (change: GoalChange, value: string | null) => {
    if (value === null) return t('screening.needs.nothing');
    if (change.field === 'lifecycle_status' || change.field === 'created')
      return t(`screening.goals.lifecycle.${value as GoalLifecycleStatus}`, { defaultValue: value });
    if (change.field === 'achievement_status')
      return t(`screening.goals.achievement.${value as GoalAchievementStatus}`, { defaultValue: value });
    return value;
  };
  if (props.changes.length === 0) return <Text c="dimmed">{t('screening.needs.historyNone')}</Text>;
  return (
    <List size="sm" mt="xs" aria-label={t('screening.goals.history')}>
      {props.changes.map((change) => (
        <List.Item key={change.id}>
          {t(`screening.goals.historyFields.${change.field}`, { from: word(change, change.from), to: word(change, change.to) })} —{' '}
          {t('screening.needs.historyBy', {
            when: when.format(new Date(change.changedAt)),
            who: change.changedBy ?? t('screening.needs.someone'),
          })}
        </List.Item>
      ))}
    </List>
  );
}

function GoalForm(props: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddGoal(props.personId);
  const needs = useNeeds(props.personId);
  const domains = useNeedDomains();
  const domainName = (code: string) => domains.data?.find((domain) => domain.code === code)?.name ?? code;
  const form = useServerForm({
    initialValues: {
      description: '',
      needId: '',
      needDomain: '',
      lifecycleStatus: 'active' as GoalLifecycleStatus,
      startDate: today(),
      targetDate: '',
      expressedBy: 'person' as 'person' | 'team',
      note: '',
    },
    serverError: add.error,
    validate: (values) => ({ description: values.description.trim() ? undefined : t('screening.goals.describe') }),
  });
  const submit = form.onSubmit((values) =>
    add.mutate(
      {
        description: values.description.trim(),
        needId: values.needId || null,
        needDomain: values.needId ? null : values.needDomain || null,
        lifecycleStatus: values.lifecycleStatus,
        startDate: values.startDate || undefined,
        targetDate: values.targetDate || null,
        expressedBy: values.expressedBy,
        note: values.note.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('screening.goals.added') });
          props.onDone();
        },
      },
    ),
  );
  const openNeeds = (needs.data ?? []).filter((need) => need.open);

  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={submit} aria-labelledby="goal-form-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="goal-form-title">
            {t('screening.goals.formTitle')}
          </Title>
          <FormAlert error={add.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
          <Textarea
            label={t('screening.goals.description')}
            description={t('screening.goals.descriptionHint')}
            required
            autosize
            minRows={2}
            {...form.text('description')}
          />
          <NativeSelect
            label={t('screening.goals.need')}
            {...form.text('needId')}
            data={[
              { value: '', label: t('screening.goals.noOneNeed') },
              ...openNeeds.map((need) => ({ value: need.id, label: domainName(need.needDomain) })),
            ]}
          />
          {!form.values.needId && (
            <NativeSelect
              label={t('screening.goals.category')}
              {...form.text('needDomain')}
              data={[
                { value: '', label: t('screening.goals.noCategory') },
                ...(domains.data ?? []).map((domain) => ({ value: domain.code, label: domain.name })),
              ]}
            />
          )}
          <Radio.Group
            label={t('screening.goals.expressedBy')}
            value={form.values.expressedBy}
            onChange={(value) => form.set('expressedBy', value as 'person' | 'team')}
            error={form.error('expressedBy')}
          >
            <Group gap="lg" mt={4}>
              <Radio value="person" label={t('screening.goals.byPerson')} />
              <Radio value="team" label={t('screening.goals.byTeam')} />
            </Group>
          </Radio.Group>
          <NativeSelect
            label={t('screening.goals.status')}
            {...form.text('lifecycleStatus')}
            data={goalLifecycleStatuses.map((status) => ({ value: status, label: t(`screening.goals.lifecycle.${status}`) }))}
          />
          <Group grow align="flex-start">
            <TextInput type="date" label={t('screening.goals.startDate')} {...form.text('startDate')} />
            <TextInput type="date" label={t('screening.goals.targetDate')} {...form.text('targetDate')} />
          </Group>
          <Textarea label={t('screening.addNeed.note')} autosize minRows={2} {...form.text('note')} />
          <Text size="sm" c="dimmed">
            {t('form.requiredNote')}
          </Text>
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('screening.goals.submit')}
            </Button>
            <Button variant="default" onClick={props.onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
