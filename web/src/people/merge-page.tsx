// Merging two records of one person, side by side: the record kept (this page's first id) and the
// duplicate. For each field the coordinator picks whose value stays (an empty field takes the
// other's value by default); what is recorded on the duplicate and moves is listed; a tick says
// they checked it is the same person, and the merge is one request. Afterwards the kept record's
// page opens, its timeline showing the merge; the duplicate's address leads there from then on.
import { Alert, Anchor, Button, Checkbox, Group, List, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMergePeople, usePerson } from '../api/people';
import { mergeFields, type MergeField, type MergeSide, type PersonDetail } from '../api/types';
import { Page } from '../ui/page';
import { problemMessage, sentence } from '../ui/problem';
import { Loading, QueryError } from '../ui/status';
import { personName } from './people-words';

type Words = (detail: PersonDetail) => string;

export default function MergePage() {
  const { t } = useTranslation();
  const { personId = '', duplicateId = '' } = useParams();
  const kept = usePerson(personId);
  const duplicate = usePerson(duplicateId);
  if (kept.isPending || duplicate.isPending) return <Loading />;
  if (kept.isError) return <QueryError error={kept.error} onRetry={() => void kept.refetch()} />;
  if (duplicate.isError) return <QueryError error={duplicate.error} onRetry={() => void duplicate.refetch()} />;
  if (kept.data.person.id === duplicate.data.person.id) {
    return (
      <Page title={t('people.merge.title')}>
        <Text>{t('people.merge.sameRecord')}</Text>
      </Page>
    );
  }
  // Keyed by the pair: swapping which record is kept starts the choices afresh.
  return <MergeView key={`${kept.data.person.id}:${duplicate.data.person.id}`} kept={kept.data} duplicate={duplicate.data} />;
}

function useFieldWords(): Record<MergeField, Words> {
  const { t, i18n } = useTranslation();
  const language = (tag: string | null | undefined) => {
    if (!tag) return '';
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
  return {
    givenName: (d) => d.person.givenName,
    familyName: (d) => d.person.familyName,
    usedName: (d) => d.person.usedName ?? '',
    birthDate: (d) => d.person.demographics?.birthDate ?? '',
    sex: (d) =>
      d.person.demographics?.sex ?? (d.person.demographics?.sexCode ? t(`people.sexCodes.${d.person.demographics.sexCode}`) : ''),
    genderIdentity: (d) =>
      d.person.demographics?.genderIdentity ??
      (d.person.demographics?.genderIdentityCode
        ? t(`people.genderIdentityCodes.${d.person.demographics.genderIdentityCode}`)
        : ''),
    pronouns: (d) => d.person.demographics?.pronouns ?? '',
    preferredLanguage: (d) => language(d.person.demographics?.preferredLanguage),
    interpreterNeeded: (d) =>
      d.person.demographics ? (d.person.demographics.interpreterNeeded ? t('people.yes') : t('people.no')) : '',
    phone: (d) => d.person.contact?.phone ?? '',
    email: (d) => d.person.contact?.email ?? '',
    contactMethod: (d) => (d.person.contact?.contactMethod ? t(`people.contactMethods.${d.person.contact.contactMethod}`) : ''),
    contactTimes: (d) => d.person.contact?.contactTimes ?? '',
    address: (d) =>
      d.person.contact
        ? [d.person.contact.addressLine, d.person.contact.city, d.person.contact.state, d.person.contact.postalCode]
            .filter(Boolean)
            .join(', ')
        : '',
    whatMatters: (d) => d.person.whatMatters ?? '',
  };
}

function MergeView(props: { kept: PersonDetail; duplicate: PersonDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { kept, duplicate } = props;
  const words = useFieldWords();
  const merge = useMergePeople(kept.person.id);
  const [sure, setSure] = useState(false);
  // An empty field takes the other record's value unless the coordinator says otherwise.
  const [choices, setChoices] = useState<Record<MergeField, MergeSide>>(() => {
    const initial = {} as Record<MergeField, MergeSide>;
    for (const field of mergeFields) {
      initial[field] = words[field](kept) === '' && words[field](duplicate) !== '' ? 'duplicate' : 'survivor';
    }
    return initial;
  });
  const keptName = personName(kept.person);
  const duplicateName = personName(duplicate.person);
  const fieldLabel: Record<MergeField, string> = {
    givenName: t('people.fields.givenName'),
    familyName: t('people.fields.familyName'),
    usedName: t('people.fields.usedName'),
    birthDate: t('people.fields.birthDate'),
    sex: t('people.fields.sex'),
    genderIdentity: t('people.fields.genderIdentity'),
    pronouns: t('people.fields.pronouns'),
    preferredLanguage: t('people.fields.language'),
    interpreterNeeded: t('people.fields.interpreter'),
    phone: t('people.fields.phone'),
    email: t('people.fields.email'),
    contactMethod: t('people.fields.contactMethod'),
    contactTimes: t('people.fields.contactTimes'),
    address: t('people.fields.address'),
    whatMatters: t('people.fields.whatMatters'),
  };
  const errorField: Record<string, string> = {
    duplicateId: t('people.merge.theDuplicate'),
    duplicateVersion: t('people.merge.theDuplicate'),
    survivorVersion: t('people.merge.theKept'),
  };

  const submit = () =>
    merge.mutate(
      {
        duplicateId: duplicate.person.id,
        fields: choices,
        survivorVersion: kept.person.version,
        duplicateVersion: duplicate.person.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('people.merge.done') });
          void navigate(`/people/${kept.person.id}`, { replace: true });
        },
      },
    );

  const moving = [
    duplicate.identifiers.length > 0 &&
      t('people.merge.movesIdentifiers', {
        list: duplicate.identifiers
          .map((identifier) => `${t(`people.identifierKinds.${identifier.kind}`)} ${identifier.value}`)
          .join(', '),
      }),
    duplicate.enrolments.length > 0 && t('people.merge.movesEnrolments', { count: duplicate.enrolments.length }),
    duplicate.primaryCare &&
      (kept.primaryCare
        ? t('people.merge.keepsPrimaryCare')
        : t('people.merge.movesPrimaryCare', { name: duplicate.primaryCare.practiceName })),
    duplicate.careTeam.length > 0 && t('people.merge.movesCareTeam', { count: duplicate.careTeam.length }),
    duplicate.consents.length > 0 && t('people.merge.movesConsents', { count: duplicate.consents.length }),
    t('people.merge.movesNeeds'),
  ].filter((line): line is string => Boolean(line));

  return (
    <Page title={t('people.merge.title')} description={t('people.merge.intro', { kept: keptName, duplicate: duplicateName })}>
      <Group gap="md">
        <Anchor component={Link} to={`/people/${kept.person.id}`}>
          {t('people.merge.backTo', { name: keptName })}
        </Anchor>
        <Anchor component={Link} to={`/people/${duplicate.person.id}/merge/${kept.person.id}`} replace>
          {t('people.merge.swap')}
        </Anchor>
      </Group>
      <Paper withBorder p="md" component="section" aria-labelledby="merge-fields-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="merge-fields-title">
            {t('people.merge.fieldsTitle')}
          </Title>
          <SimpleGrid cols={2} visibleFrom="sm">
            <Text fw={600}>{t('people.merge.keptColumn', { name: keptName })}</Text>
            <Text fw={600}>{t('people.merge.duplicateColumn', { name: duplicateName })}</Text>
          </SimpleGrid>
          {mergeFields.map((field) => {
            const ours = words[field](kept);
            const theirs = words[field](duplicate);
            return (
              <Radio.Group
                key={field}
                label={fieldLabel[field]}
                value={choices[field]}
                onChange={(value) => setChoices({ ...choices, [field]: value as MergeSide })}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
                  <Radio value="survivor" label={ours || t('people.merge.empty')} description={t('people.merge.fromKept')} />
                  <Radio
                    value="duplicate"
                    label={theirs || t('people.merge.empty')}
                    description={t('people.merge.fromDuplicate')}
                  />
                </SimpleGrid>
              </Radio.Group>
            );
          })}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="merge-moves-title">
        <Stack gap="xs">
          <Title order={2} size="h4" id="merge-moves-title">
            {t('people.merge.movesTitle')}
          </Title>
          <List size="sm">
            {moving.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t('people.merge.afterwards', { duplicate: duplicateName })}
          </Text>
        </Stack>
      </Paper>
      {merge.error && (
        <Alert color="red" variant="light" title={t('errors.formTitle')}>
          {merge.error instanceof ApiError && merge.error.problem.errors?.length ? (
            <List size="sm">
              {merge.error.problem.errors.map((entry) => (
                <List.Item key={`${entry.field}:${entry.message}`}>
                  {t('errors.fieldLine', { field: errorField[entry.field] ?? entry.field, message: sentence(entry.message) })}
                </List.Item>
              ))}
            </List>
          ) : (
            problemMessage(merge.error, t)
          )}
        </Alert>
      )}
      <Checkbox
        checked={sure}
        onChange={(event) => setSure(event.currentTarget.checked)}
        label={t('people.merge.confirm', { kept: keptName, duplicate: duplicateName })}
      />
      <Group>
        <Button onClick={submit} disabled={!sure} loading={merge.isPending}>
          {t('people.merge.submit')}
        </Button>
        <Button variant="default" component={Link} to={`/people/${kept.person.id}`}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Page>
  );
}
