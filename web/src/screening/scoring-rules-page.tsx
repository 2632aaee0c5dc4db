// The scoring rules of a questionnaire, for the host's admins and program managers: which answer
// to which question is a positive screen for which need, and how severe. The server decides who
// may save; the page shows its refusal like any other.
import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNeedDomains } from '../api/directory';
import { useQuestionnaire, useQuestionnaires, useReplaceRules } from '../api/screening';
import { needSeverities, type NeedSeverity, type QuestionnaireDetail } from '../api/types';
import { Page } from '../ui/page';
import { Loading, QueryError } from '../ui/status';

export default function ScoringRulesPage() {
  const { t } = useTranslation();
  const questionnaires = useQuestionnaires();
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen ?? questionnaires.data?.[0]?.id ?? null;
  const detail = useQuestionnaire(id);
  if (questionnaires.isPending) return <Loading />;
  if (questionnaires.isError) return <QueryError error={questionnaires.error} onRetry={() => void questionnaires.refetch()} />;
  return (
    <Page title={t('screening.rules.title')} description={t('screening.rules.intro')}>
      {questionnaires.data.length === 0 ? (
        <Text c="dimmed">{t('screening.form.noQuestionnaires')}</Text>
      ) : (
        <Stack>
          <Select
            label={t('screening.form.questionnaire')}
            data={questionnaires.data.map((item) => ({
              value: item.id,
              label: `${item.title} (${t('screening.rules.version', { version: item.version })})`,
            }))}
            value={id}
            onChange={setChosen}
            allowDeselect={false}
          />
          {detail.data && <RulesEditor key={detail.data.questionnaire.id} detail={detail.data} />}
        </Stack>
      )}
    </Page>
  );
}

interface DraftRule {
  linkId: string;
  answer: string;
  needDomain: string;
  severity: NeedSeverity;
}

function RulesEditor(props: { detail: QuestionnaireDetail }) {
  const { t } = useTranslation();
  const { detail } = props;
  const domains = useNeedDomains();
  const save = useReplaceRules(detail.questionnaire.id);
  const [rules, setRules] = useState<DraftRule[]>([]);
  useEffect(
    () => setRules(detail.rules.map(({ linkId, answer, needDomain, severity }) => ({ linkId, answer, needDomain, severity }))),
    [detail],
  );
  const questions = detail.questions.filter((question) => question.answerable);
  const text = (texts: Record<string, string>) => texts[detail.baseLanguage] ?? Object.values(texts)[0] ?? '';
  const answersOf = (linkId: string) => {
    const question = questions.find((candidate) => candidate.linkId === linkId);
    if (!question) return [];
    if (question.options.length > 0)
      return question.options.map((option) => ({ value: option.code, label: text(option.display) }));
    return question.type === 'boolean'
      ? [
          { value: 'true', label: t('screening.form.yes') },
          { value: 'false', label: t('screening.form.no') },
        ]
      : [];
  };
  const update = (index: number, change: Partial<DraftRule>) =>
    setRules(rules.map((rule, at) => (at === index ? { ...rule, ...change } : rule)));

  return (
    <Stack>
      {save.error && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      {rules.length === 0 ? (
        <Text c="dimmed">{t('screening.rules.none')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('screening.rules.question')}</Table.Th>
              <Table.Th>{t('screening.rules.answer')}</Table.Th>
              <Table.Th>{t('screening.rules.needDomain')}</Table.Th>
              <Table.Th>{t('screening.rules.severity')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((rule, index) => (
              <Table.Tr key={index}>
                <Table.Td>
                  <Select
                    aria-label={t('screening.rules.question')}
                    data={questions.map((question) => ({ value: question.linkId, label: text(question.text) }))}
                    value={rule.linkId}
                    onChange={(linkId) => linkId && update(index, { linkId, answer: answersOf(linkId)[0]?.value ?? '' })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('screening.rules.answer')}
                    data={answersOf(rule.linkId)}
                    value={rule.answer}
                    onChange={(answer) => answer && update(index, { answer })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('screening.rules.needDomain')}
                    data={(domains.data ?? []).map((domain) => ({ value: domain.code, label: domain.name }))}
                    value={rule.needDomain}
                    onChange={(needDomain) => needDomain && update(index, { needDomain })}
                    allowDeselect={false}
                    searchable
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('screening.rules.severity')}
                    data={needSeverities.map((severity) => ({
                      value: severity,
                      label: t(`screening.needs.severities.${severity}`),
                    }))}
                    value={rule.severity}
                    onChange={(severity) => severity && update(index, { severity: severity as NeedSeverity })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Button variant="subtle" color="red" size="xs" onClick={() => setRules(rules.filter((_, at) => at !== index))}>
                    {t('screening.rules.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button
          variant="light"
          disabled={questions.length === 0}
          onClick={() => {
            const first = questions[0]!;
            setRules([
              ...rules,
              {
                linkId: first.linkId,
                answer: answersOf(first.linkId)[0]?.value ?? '',
                needDomain: 'food-insecurity',
                severity: 'medium',
              },
            ]);
          }}
        >
          {t('screening.rules.add')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { rules },
              { onSuccess: () => notifications.show({ color: 'teal', message: t('screening.rules.saved') }) },
            )
          }
        >
          {t('screening.rules.save')}
        </Button>
      </Group>
    </Stack>
  );
}
