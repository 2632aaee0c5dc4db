// Add a need-domain rule: a need, and either a keyword or one taxonomy term of the directory.
import { Button, NativeSelect, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedDomain } from '../api/directory';
import { useAddNeedDomainRule, useTaxonomyTerms, type TaxonomyTerm } from '../api/directory-settings';
import { FormAlert } from '../ui/form-alert';
import { SearchSelect } from '../ui/search-select';
import { useServerForm } from '../ui/use-server-form';

type MatchBy = 'keyword' | 'term';

function termLabel(term: TaxonomyTerm): string {
  return term.code ? `${term.name} (${term.code})` : term.name;
}

export function AddRuleForm(props: { needDomains: NeedDomain[] }) {
  const { t } = useTranslation();
  const add = useAddNeedDomainRule();
  const [termSearch, setTermSearch] = useState('');
  const [debouncedTermSearch] = useDebouncedValue(termSearch.trim(), 300);
  const terms = useTaxonomyTerms(debouncedTermSearch);
  const form = useServerForm({
    initialValues: { needDomain: '', matchBy: 'keyword' as MatchBy, keyword: '', taxonomyTermId: '' },
    serverError: add.error,
    // The server checks the keyword's length and that the term exists; only missing choices are caught here.
    validate: (values) => ({
      needDomain: values.needDomain ? undefined : t('form.chooseOne'),
      keyword: values.matchBy === 'keyword' && !values.keyword.trim() ? t('directory.settings.fields.keywordMissing') : undefined,
      taxonomyTermId: values.matchBy === 'term' && !values.taxonomyTermId ? t('form.chooseOne') : undefined,
    }),
  });
  const needName = (code: string) => props.needDomains.find((domain) => domain.code === code)?.name ?? code;

  const submit = form.onSubmit((values) => {
    const body =
      values.matchBy === 'keyword'
        ? { needDomain: values.needDomain, keyword: values.keyword.trim() }
        : { needDomain: values.needDomain, taxonomyTermId: values.taxonomyTermId };
    add.mutate(body, {
      onSuccess: (rule) => {
        notifications.show({
          color: 'teal',
          message: t('directory.settings.added', {
            need: needName(rule.needDomain),
            rule: rule.keyword ?? rule.taxonomyTermName ?? '',
          }),
        });
        // The need stays chosen: rules are often added a few at a time for one need.
        form.set('keyword', '');
        form.set('taxonomyTermId', '');
        setTermSearch('');
      },
    });
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-rule-heading">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="add-rule-heading">
            {t('directory.settings.addTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('form.requiredNote')}
          </Text>
          <FormAlert error={add.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
          <NativeSelect
            label={t('directory.settings.fields.needDomain')}
            required
            data={[
              { value: '', label: t('form.choose') },
              ...props.needDomains.map((domain) => ({ value: domain.code, label: domain.name })),
            ]}
            {...form.text('needDomain')}
          />
          <Radio.Group
            label={t('directory.settings.fields.matchBy')}
            value={form.values.matchBy}
            onChange={(value) => form.set('matchBy', value as MatchBy)}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="keyword" label={t('directory.settings.fields.byKeyword')} />
              <Radio value="term" label={t('directory.settings.fields.byTerm')} />
            </Stack>
          </Radio.Group>
          {form.values.matchBy === 'keyword' ? (
            <TextInput
              label={t('directory.settings.fields.keyword')}
              description={t('directory.settings.fields.keywordHelp')}
              required
              autoComplete="off"
              {...form.text('keyword')}
            />
          ) : (
            <SearchSelect
              label={t('directory.settings.fields.taxonomyTerm')}
              description={t('directory.settings.fields.taxonomyTermHelp')}
              required
              options={(terms.data ?? []).map((term) => ({ value: term.id, label: termLabel(term) }))}
              search={termSearch}
              onSearchChange={setTermSearch}
              searching={terms.isFetching || termSearch.trim() !== debouncedTermSearch}
              failed={terms.isError}
              minimumSearch={2}
              value={form.values.taxonomyTermId || null}
              onChange={(value) => form.set('taxonomyTermId', value ?? '')}
              error={form.error('taxonomyTermId')}
            />
          )}
          <div>
            <Button type="submit" loading={add.isPending}>
              {t('directory.settings.add')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
