// The screening form on a person's page: choose a questionnaire, the language (when it has more
// than one) and the layout — one question at a time with progress and back, or all on one page —
// then save; the needs it found are shown. Made for a tablet held by the person or the coordinator.
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Progress,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { useNeedDomains } from '../api/directory';
import { useQuestionnaire, useQuestionnaires, useRecordScreening } from '../api/screening';
import type { Question, QuestionnaireDetail, RecordScreeningBody, ScreeningResult } from '../api/types';

type Answer = { code: string } | { value: string | number | boolean };
const languageName = (code: string, shownIn: string) => {
  try {
    return new Intl.DisplayNames([shownIn], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};
const inLanguage = (texts: Record<string, string>, language: string, base: string) =>
  texts[language] ?? texts[base] ?? Object.values(texts)[0] ?? '';

export function ScreeningForm(props: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const questionnaires = useQuestionnaires();
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(null);
  const chosen = questionnaireId ?? questionnaires.data?.[0]?.id ?? null;
  const detail = useQuestionnaire(chosen);

  if (questionnaires.data && questionnaires.data.length === 0)
    return <Text c="dimmed">{t('screening.form.noQuestionnaires')}</Text>;
  return (
    <Paper withBorder p="md" aria-label={t('screening.form.title')} component="section">
      <Stack>
        {questionnaires.data && questionnaires.data.length > 1 && (
          <Select
            label={t('screening.form.questionnaire')}
            placeholder={t('screening.form.chooseQuestionnaire')}
            data={questionnaires.data.map((item) => ({ value: item.id, label: `${item.title} (${item.version})` }))}
            value={chosen}
            onChange={setQuestionnaireId}
            allowDeselect={false}
          />
        )}
        {detail.data && (
          <Questions key={detail.data.questionnaire.id} detail={detail.data} personId={props.personId} onDone={props.onDone} />
        )}
      </Stack>
    </Paper>
  );
}

function Questions(props: { detail: QuestionnaireDetail; personId: string; onDone: () => void }) {
  const { detail } = props;
  const { t: tUi } = useTranslation();
  const base = detail.baseLanguage;
  const [language, setLanguage] = useState(base);
  const [layout, setLayout] = useState<'one' | 'all'>('one');
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer | undefined>>({});
  const [result, setResult] = useState<ScreeningResult | null>(null);
  const record = useRecordScreening(props.personId);
  // The form's own words follow the questions' language where the catalogue has them.
  const t = useMemo(() => i18n.getFixedT(language), [language]);
  const questions = detail.questions.filter((question) => question.answerable);

  if (result) return <Yielded result={result} onClose={props.onDone} />;

  const submit = () => {
    const body: RecordScreeningBody = {
      questionnaireId: detail.questionnaire.id,
      language,
      answers: Object.entries(answers).flatMap(([linkId, answer]) => (answer ? [{ linkId, answers: [answer] }] : [])),
    };
    record.mutate(body, { onSuccess: setResult });
  };
  const current = questions[Math.min(index, questions.length - 1)];
  const last = index >= questions.length - 1;

  return (
    <Stack>
      <Title order={3} size="h5">
        {detail.questionnaire.title}
      </Title>
      <Group align="flex-end">
        {detail.questionnaire.languages.length > 1 && (
          <SegmentedControl
            aria-label={tUi('screening.form.language')}
            value={language}
            onChange={setLanguage}
            data={detail.questionnaire.languages.map((code) => ({ value: code, label: languageName(code, code) }))}
          />
        )}
        <SegmentedControl
          aria-label={t('screening.form.layout')}
          value={layout}
          onChange={(value) => setLayout(value === 'all' ? 'all' : 'one')}
          data={[
            { value: 'one', label: t('screening.form.oneAtATime') },
            { value: 'all', label: t('screening.form.allOnOnePage') },
          ]}
        />
      </Group>
      {record.error && (
        <Alert color="red" role="alert">
          {record.error.message}
        </Alert>
      )}
      {layout === 'one' && current ? (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('screening.form.progress', { current: index + 1, total: questions.length })}
          </Text>
          <Progress value={((index + 1) / questions.length) * 100} aria-hidden />
          <QuestionField
            question={current}
            language={language}
            base={base}
            answer={answers[current.linkId]}
            onAnswer={(answer) => setAnswers({ ...answers, [current.linkId]: answer })}
          />
          <Group justify="space-between">
            <Button variant="default" size="md" disabled={index === 0} onClick={() => setIndex(index - 1)}>
              {t('screening.form.back')}
            </Button>
            {last ? (
              <Button size="md" loading={record.isPending} onClick={submit}>
                {t('screening.form.submit')}
              </Button>
            ) : (
              <Button size="md" onClick={() => setIndex(index + 1)}>
                {t('screening.form.next')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : (
        <Stack>
          {questions.map((question) => (
            <QuestionField
              key={question.linkId}
              question={question}
              language={language}
              base={base}
              answer={answers[question.linkId]}
              onAnswer={(answer) => setAnswers({ ...answers, [question.linkId]: answer })}
            />
          ))}
          <Group>
            <Button size="md" loading={record.isPending} onClick={submit}>
              {t('screening.form.submit')}
            </Button>
          </Group>
        </Stack>
      )}
      <Group>
        <Button variant="subtle" onClick={props.onDone}>
          {t('screening.form.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function QuestionField(props: {
  question: Question;
  language: string;
  base: string;
  answer: Answer | undefined;
  onAnswer: (answer: Answer | undefined) => void;
}) {
  const { question, language, base, answer } = props;
  const t = i18n.getFixedT(language);
  const label = inLanguage(question.text, language, base);
  const sensitive = question.sensitive ? (
    <Badge color="grape" variant="light">
      {i18n.t('screening.form.sensitive')}
    </Badge>
  ) : null;
  if (question.options.length > 0 || question.type === 'boolean') {
    const options =
      question.options.length > 0
        ? question.options.map((option) => ({ value: option.code, label: inLanguage(option.display, language, base) }))
        : [
            { value: 'true', label: t('screening.form.yes') },
            { value: 'false', label: t('screening.form.no') },
          ];
    const value = answer ? ('code' in answer ? answer.code : String(answer.value)) : '';
    return (
      <Radio.Group
        label={label}
        description={sensitive}
        value={value}
        size="md"
        onChange={(chosen) => props.onAnswer(question.options.length > 0 ? { code: chosen } : { value: chosen === 'true' })}
      >
        <Stack gap="sm" mt="xs">
          {options.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  if (question.type === 'integer' || question.type === 'decimal') {
    return (
      <NumberInput
        label={label}
        description={sensitive}
        size="md"
        allowDecimal={question.type === 'decimal'}
        value={answer && 'value' in answer && typeof answer.value === 'number' ? answer.value : ''}
        onChange={(value) => props.onAnswer(typeof value === 'number' ? { value } : undefined)}
      />
    );
  }
  return (
    <TextInput
      label={label}
      description={sensitive}
      size="md"
      placeholder={t('screening.form.answerPlaceholder')}
      value={answer && 'value' in answer ? String(answer.value) : ''}
      onChange={(event) => props.onAnswer(event.currentTarget.value.trim() ? { value: event.currentTarget.value } : undefined)}
    />
  );
}

function Yielded(props: { result: ScreeningResult; onClose: () => void }) {
  const { t } = useTranslation();
  const domains = useNeedDomains();
  const name = (code: string) => domains.data?.find((domain) => domain.code === code)?.name ?? code;
  const updated = new Set(props.result.updated);
  return (
    <Alert color="teal" title={t('screening.form.doneTitle')}>
      <Stack gap="xs">
        {props.result.needs.length === 0 ? (
          <Text>{t('screening.form.yieldedNone')}</Text>
        ) : (
          <>
            <Text>{t('screening.form.yielded', { count: props.result.needs.length })}</Text>
            <List aria-label={t('screening.form.doneTitle')}>
              {props.result.needs.map((need) => (
                <List.Item key={need.id}>
                  {name(need.needDomain)} — {t(`screening.needs.severities.${need.severity}`)} (
                  {updated.has(need.id) ? t('screening.form.updatedNeed') : t('screening.form.newNeed')})
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Group>
          <Button variant="light" onClick={props.onClose}>
            {t('screening.form.close')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
