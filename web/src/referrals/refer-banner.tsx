// Above a directory search or a service begun from a person's need: whom the search is for and
// for which need, with the way back to their page.
import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNeedDomains } from '../api/directory';
import { usePerson } from '../api/people';
import { useNeeds } from '../api/screening';
import { personName } from '../people/people-words';
import type { ReferContext } from './refer-context';

export function ReferBanner(props: { context: ReferContext }) {
  const { t } = useTranslation();
  const { personId, needId } = props.context;
  const person = usePerson(personId);
  const needs = useNeeds(personId, Boolean(needId));
  const domains = useNeedDomains();
  if (!person.data) return null;
  const name = personName(person.data.person);
  const need = needs.data?.find((entry) => entry.id === needId);
  const needName = need ? (domains.data?.find((domain) => domain.code === need.needDomain)?.name ?? need.needDomain) : null;
  return (
    <Alert color="teal" variant="light" title={t('referrals.refer.findingFor', { person: name })}>
      <Text size="sm">
        {needName ? t('referrals.refer.findingForNeed', { need: needName }) : t('referrals.refer.findingHint')}{' '}
        <Anchor component={Link} to={`/people/${personId}`} size="sm">
          {t('referrals.refer.backToPerson', { person: name })}
        </Anchor>
      </Text>
    </Alert>
  );
}
