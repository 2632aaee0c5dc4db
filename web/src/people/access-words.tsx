// Why the signed-in user sees what they see of a person, in words. The server sends the data (the
// basis: their organisation holds the record, a consent, or the care team; their roles on the care
// team; the categories they see); this writes the sentence, and the shorter words of a list's cell.
import { Alert, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { consentCategories, type Person } from '../api/types';

type Access = Person['access'];

const everything = (access: Access) => access.categories.length === consentCategories.length;

function words(t: TFunction, access: Access) {
  const categories =
    access.categories.length > 0
      ? access.categories.map((category) => t(`people.categories.${category}`)).join(', ')
      : t('people.access.nothing');
  const roles = access.careTeamRoles.map((role) => t(`people.careTeamRoles.${role}`)).join(', ');
  return { categories, roles, onTeam: access.careTeamRoles.length > 0 };
}

/** The sentence of a person's page: why the viewer sees what they see, and that the rest is left out. */
export function accessSentence(t: TFunction, access: Access): { title: string; text: string; complete: boolean } {
  const { categories, roles, onTeam } = words(t, access);
  const complete = access.basis === 'holder' && everything(access);
  const leftOut = complete ? '' : ` ${t('people.access.leftOut')}`;
  if (access.basis === 'care_team') {
    return {
      title: t('people.access.titleCareTeam'),
      text: t('people.access.careTeam', { roles, categories }) + leftOut,
      complete,
    };
  }
  if (access.basis === 'consent') {
    const text = onTeam ? t('people.access.consentOnTeam', { roles, categories }) : t('people.access.consent', { categories });
    return { title: t('people.access.titleConsent'), text: text + leftOut, complete };
  }
  const text = complete
    ? onTeam
      ? t('people.access.everythingOnTeam', { roles })
      : t('people.access.everything')
    : onTeam
      ? t('people.access.holderOnTeam', { roles, categories })
      : t('people.access.holder', { categories });
  return { title: t('people.access.titleHolder'), text: text + leftOut, complete };
}

/** The person page's note: a quiet line when the viewer sees everything, a notice when something is left out. */
export function AccessNote(props: { access: Access }) {
  const { t } = useTranslation();
  const sentence = accessSentence(t, props.access);
  if (sentence.complete) {
    return (
      <Text size="sm" c="dimmed">
        {sentence.text}
      </Text>
    );
  }
  return (
    <Alert color="yellow" variant="light" title={sentence.title}>
      {sentence.text}
    </Alert>
  );
}

/** A list's "What you may see" cell. */
export function accessCell(t: TFunction, access: Access): string {
  if (access.basis === 'holder' && everything(access)) return t('people.accessEverything');
  const { categories, roles } = words(t, access);
  return access.basis === 'care_team' ? t('people.accessCareTeam', { categories, roles }) : categories;
}
