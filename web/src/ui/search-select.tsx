// A select whose options the server finds as the person types (organisations, taxonomy terms):
// too many to load at once. The server's matches are shown as they are, since it also matches on
// words the labels do not show (a term's code or description).
import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type OwnProps = 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'nothingFoundMessage' | 'onChange';

export function SearchSelect(
  props: Omit<SelectProps, OwnProps> & {
    /** The server's matches for the current search. */
    options: ComboboxItem[];
    search: string;
    onSearchChange: (search: string) => void;
    onChange: (value: string | null) => void;
    /** The server is looking up the current search. */
    searching: boolean;
    /** The last look-up failed. */
    failed?: boolean;
    /** Fewer letters than this are not looked up. */
    minimumSearch?: number;
  },
) {
  const { t } = useTranslation();
  const { options, search, onSearchChange, onChange, searching, failed = false, minimumSearch = 0, ...selectProps } = props;
  const tooShort = search.trim().length < minimumSearch;
  const emptyMessage = tooShort
    ? t('form.typeToSearch', { count: minimumSearch })
    : searching
      ? t('common.loading')
      : failed
        ? t('form.searchFailed')
        : t('form.noMatch');
  return (
    <Select
      {...selectProps}
      searchable
      // A short search keeps no earlier matches on show: they would not match what is typed.
      data={tooShort ? [] : options}
      searchValue={search}
      onSearchChange={onSearchChange}
      onChange={(value) => onChange(value)}
      filter={({ options: matches }) => matches}
      nothingFoundMessage={emptyMessage}
    />
  );
}
