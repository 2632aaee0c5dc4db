// The population list's "last reached": its filter (within 7 or 30 days, not within 30 days, never)
// and the cell of each row (the day the person was last reached; "never"; or not shared).
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { lastReachedFilters, type LastReachedFilter, type PersonListItem } from '../api/types';

export function LastReachedSelect(props: { value: LastReachedFilter | ''; onChange: (value: LastReachedFilter | '') => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('outreach.lastReached.label')}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value as LastReachedFilter | '')}
      data={[
        { value: '', label: t('outreach.lastReached.any') },
        ...lastReachedFilters.map((value) => ({ value, label: t(`outreach.lastReached.filters.${value}`) })),
      ]}
    />
  );
}

export function LastReachedCell(props: { person: PersonListItem }) {
  const { t, i18n } = useTranslation();
  const { person } = props;
  if (person.lastReachedAt)
    return <>{new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(person.lastReachedAt))}</>;
  const shared = person.access.categories.includes('care_plan');
  return <>{shared ? t('outreach.lastReached.never') : t('people.notShared')}</>;
}
