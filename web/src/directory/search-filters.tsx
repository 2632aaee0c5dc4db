// Filter chips under the search box: the needs a service meets, open now, accepting referrals,
// has room, and the language its staff speak. Each change is a new search at once.
import { Button, Chip, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryQuery, NeedDomain } from '../api/directory';
import { commonLanguages, languageName } from './format';

/** How many need chips show before "More needs". */
const needsShownFirst = 8;

export function SearchFilters(props: {
  query: DirectoryQuery;
  needDomains: NeedDomain[] | undefined;
  onChange: (next: DirectoryQuery) => void;
}) {
  const { t } = useTranslation();
  const { query, onChange } = props;
  const [allNeeds, setAllNeeds] = useState(false);
  const chosenNeeds = query.need ?? [];
  const domains = props.needDomains ?? [];
  const shownDomains = allNeeds
    ? domains
    : domains.filter((domain, index) => index < needsShownFirst || chosenNeeds.includes(domain.code));
  const hiddenCount = domains.length - shownDomains.length;

  const toggleNeed = (code: string, checked: boolean) => {
    const need = checked ? [...chosenNeeds, code] : chosenNeeds.filter((chosen) => chosen !== code);
    onChange({ ...query, need: need.length > 0 ? need : undefined });
  };
  const toggle = (key: 'openNow' | 'acceptingReferrals' | 'hasCapacity', checked: boolean) =>
    onChange({ ...query, [key]: checked || undefined });

  const languages: string[] = [...commonLanguages];
  if (query.language && !languages.includes(query.language)) languages.push(query.language);
  const languageOptions = languages
    .map((code) => ({ value: code, label: languageName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Stack gap="sm">
      <div role="group" aria-labelledby="need-filter-label">
        <Text id="need-filter-label" size="sm" fw={500} mb={6}>
          {t('directory.filters.needs')}
        </Text>
        <Group gap="xs">
          {shownDomains.map((domain) => (
            <Chip
              key={domain.code}
              size="sm"
              variant="outline"
              checked={chosenNeeds.includes(domain.code)}
              onChange={(checked) => toggleNeed(domain.code, checked)}
              title={domain.description}
            >
              {domain.name}
            </Chip>
          ))}
          {(hiddenCount > 0 || allNeeds) && (
            <Button size="compact-sm" variant="subtle" onClick={() => setAllNeeds((shown) => !shown)} aria-expanded={allNeeds}>
              {allNeeds ? t('directory.filters.fewerNeeds') : t('directory.filters.moreNeeds', { count: hiddenCount })}
            </Button>
          )}
        </Group>
      </div>
      <Group gap="md" align="flex-end" wrap="wrap">
        <div role="group" aria-labelledby="other-filter-label">
          <Text id="other-filter-label" size="sm" fw={500} mb={6}>
            {t('directory.filters.only')}
          </Text>
          <Group gap="xs">
            <Chip size="sm" variant="outline" checked={query.openNow ?? false} onChange={(checked) => toggle('openNow', checked)}>
              {t('directory.filters.openNow')}
            </Chip>
            <Chip
              size="sm"
              variant="outline"
              checked={query.acceptingReferrals ?? false}
              onChange={(checked) => toggle('acceptingReferrals', checked)}
            >
              {t('directory.filters.acceptingReferrals')}
            </Chip>
            <Chip
              size="sm"
              variant="outline"
              checked={query.hasCapacity ?? false}
              onChange={(checked) => toggle('hasCapacity', checked)}
            >
              {t('directory.filters.hasCapacity')}
            </Chip>
          </Group>
        </div>
        <NativeSelect
          size="sm"
          label={t('directory.filters.language')}
          data={[{ value: '', label: t('directory.filters.anyLanguage') }, ...languageOptions]}
          value={query.language ?? ''}
          onChange={(event) => onChange({ ...query, language: event.currentTarget.value || undefined })}
          w={200}
        />
      </Group>
    </Stack>
  );
}
