// What a search looked for when it is not what was typed: misspelt words corrected ("Showing
// results for rent help; search instead for rent hlep"), or a language's name taken as the
// language filter, shown as a filter that can be removed.
import { Anchor, CloseButton, Group, Pill, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryQuery, SearchPage } from '../api/directory';
import { languageName } from './format';
import { paramsFromQuery } from './search-query';

export function CorrectionNotice(props: {
  page: SearchPage;
  query: DirectoryQuery;
  /** Runs a new search (removing the language the words named). */
  onSearch: (next: DirectoryQuery) => void;
}) {
  const { t } = useTranslation();
  const { page, query } = props;
  const { correction, languageFromWords } = page;
  if (!correction) return null;
  const searchedFor = correction.searchedFor;
  const typed = correction.typed;
  const verbatimHref = `/directory?${paramsFromQuery({ ...query, q: typed, verbatim: true }).toString()}`;
  const language = languageFromWords ? languageName(languageFromWords) : null;

  return (
    <Group gap="xs" wrap="wrap">
      <Text>
        {searchedFor ? (
          <Trans
            i18nKey={language ? 'directory.correction.showingInLanguage' : 'directory.correction.showing'}
            values={{ searchedFor, language }}
            components={{ strong: <strong /> }}
          />
        ) : (
          <Trans i18nKey="directory.correction.showingLanguageOnly" values={{ language }} components={{ strong: <strong /> }} />
        )}{' '}
        <Trans
          i18nKey="directory.correction.searchInstead"
          values={{ typed }}
          components={{ typed: <Anchor component={Link} to={verbatimHref} /> }}
        />
      </Text>
      {language && languageFromWords && (
        <Pill size="md" withRemoveButton={false}>
          <Group gap={4} wrap="nowrap">
            {t('directory.correction.languageFilter', { language })}
            <CloseButton
              size="xs"
              aria-label={t('directory.correction.removeLanguage', { language })}
              onClick={() => props.onSearch({ ...query, q: searchedFor || undefined, verbatim: undefined })}
            />
          </Group>
        </Pill>
      )}
    </Group>
  );
}
