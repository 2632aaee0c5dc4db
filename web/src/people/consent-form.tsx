// Recording a consent, with the plain words the person hears first: who shares what with whom
// and why, for how long, that they may revoke it, that their care does not depend on it, and that
// an organisation outside HIPAA is not bound by it. The person reading it may switch the whole
// form (explanation, labels, buttons, the errors it shows) between the languages it is written in,
// as the screening form switches its questions; the rest of the page stays in the user's language.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useOrganizations } from '../api/identity';
import { itemsOf } from '../api/paged';
import { useRecordConsent } from '../api/people';
import { consentCategories, consentPurposes, type ConsentCategory, type ConsentPurpose } from '../api/types';
import appI18n, { resources } from '../i18n';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';

const today = () => new Date().toISOString().slice(0, 10);

/** The languages the consent form is written in: those whose catalogue has its words. */
export const consentLanguages = (Object.keys(resources) as (keyof typeof resources)[]).filter(
  (code) => 'consent' in resources[code].translation,
);

/** A language's name in that language, as a person reading it would look for it ("Español"). */
function ownName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

const instances = new Map<string, I18n>();
/** A translator fixed to one language, sharing the app's catalogues (the app's own language is left alone). */
function translatorFor(language: string): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = appI18n.cloneInstance({ lng: language });
    instances.set(language, instance);
  }
  return instance;
}

/** What the form starts with when a referral asks for a consent: the organisation, the purpose and the categories. */
export interface ConsentPreset {
  granteeOrganizationId: string;
  granteeName: string;
  purpose: ConsentPurpose;
  categories: ConsentCategory[];
}

interface ConsentFormProps {
  personId: string;
  personName: string;
  holderName: string;
  /** Called when the form closes: recorded or cancelled. */
  onDone: () => void;
  /** Called once the consent is recorded, before onDone. */
  onRecorded?: () => void;
  preset?: ConsentPreset;
}

export function ConsentForm(props: ConsentFormProps) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<string>(
    consentLanguages.includes(i18n.language as (typeof consentLanguages)[number]) ? i18n.language : 'en',
  );
  return (
    <Paper withBorder p="md" lang={language}>
      <Stack gap="md">
        {consentLanguages.length > 1 && (
          <SegmentedControl
            aria-label={t('consent.language')}
            value={language}
            onChange={setLanguage}
            data={consentLanguages.map((code) => ({ value: code, label: ownName(code) }))}
            style={{ alignSelf: 'flex-start' }}
          />
        )}
        <I18nextProvider i18n={translatorFor(language)}>
          <ConsentFormFields {...props} />
        </I18nextProvider>
      </Stack>
    </Paper>
  );
}

function ConsentFormFields(props: ConsentFormProps) {
  const { t } = useTranslation();
  const record = useRecordConsent(props.personId);
  const { preset } = props;
  const [search, setSearch] = useState(preset?.granteeName ?? '');
  const organizations = useOrganizations(search);
  const form = useServerForm({
    initialValues: {
      granteeOrganizationId: preset?.granteeOrganizationId ?? '',
      purpose: preset?.purpose ?? ('care_coordination' as ConsentPurpose),
      categories: preset?.categories ?? (['contact'] as ConsentCategory[]),
      startsOn: today(),
      endsOn: '',
      method: 'signed_form' as 'signed_form' | 'verbal',
      witnessName: '',
    },
    serverError: record.error,
    // The mistakes the form can see for itself, told in the form's language.
    validate: (values) => ({
      granteeOrganizationId: values.granteeOrganizationId ? undefined : t('form.chooseOne'),
      categories: values.categories.length > 0 ? undefined : t('consent.errors.categories'),
      startsOn: values.startsOn ? undefined : t('consent.errors.startsOn'),
      endsOn:
        values.endsOn && values.startsOn && values.endsOn < values.startsOn ? t('consent.errors.endsBeforeStart') : undefined,
      witnessName: values.method === 'verbal' && !values.witnessName.trim() ? t('consent.errors.witness') : undefined,
    }),
  });
  const found = itemsOf(organizations.data).map((organization) => ({ id: organization.id, name: organization.name }));
  // The organisation a referral asks for is offered even before the search finds it.
  const choices =
    preset && !found.some((organization) => organization.id === preset.granteeOrganizationId)
      ? [{ id: preset.granteeOrganizationId, name: preset.granteeName }, ...found]
      : found;
  const grantee = choices.find((organization) => organization.id === form.values.granteeOrganizationId);

  const submit = form.onSubmit((values) =>
    record.mutate(
      {
        granteeOrganizationId: values.granteeOrganizationId,
        purpose: values.purpose,
        categories: values.categories,
        startsOn: values.startsOn,
        endsOn: values.endsOn || null,
        method: values.method,
        witnessName: values.witnessName.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('consent.recorded') });
          props.onRecorded?.();
          props.onDone();
        },
      },
    ),
  );

  return (
    <form noValidate onSubmit={submit} aria-labelledby="consent-form-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="consent-form-title">
          {t('consent.title')}
        </Title>
        <Alert color="blue" variant="light" title={t('consent.explainTitle')}>
          <List spacing={4} size="sm">
            <List.Item>
              {t('consent.explainWho', {
                holder: props.holderName,
                grantee: grantee?.name ?? t('consent.theOrganisation'),
                person: props.personName,
              })}
            </List.Item>
            <List.Item>{t('consent.explainWhat')}</List.Item>
            <List.Item>{t('consent.explainWhy')}</List.Item>
            <List.Item>{t('consent.explainHowLong')}</List.Item>
            <List.Item>{t('consent.explainRevoke')}</List.Item>
            <List.Item>{t('consent.explainCare')}</List.Item>
            <List.Item>{t('consent.explainHipaa')}</List.Item>
          </List>
        </Alert>
        <FormAlert error={record.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
        <TextInput
          label={t('consent.findOrganisation')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('consent.grantee')}
          required
          {...form.text('granteeOrganizationId')}
          data={[
            { value: '', label: t('form.choose') },
            ...choices.map((organization) => ({ value: organization.id, label: organization.name })),
          ]}
        />
        <Radio.Group
          label={t('consent.purpose')}
          value={form.values.purpose}
          onChange={(value) => form.set('purpose', value as ConsentPurpose)}
          error={form.error('purpose')}
        >
          <Stack gap={4} mt={4}>
            {consentPurposes.map((purpose) => (
              <Radio key={purpose} value={purpose} label={t(`consent.purposes.${purpose}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox.Group
          label={t('consent.categories')}
          description={t('consent.categoriesHint')}
          value={form.values.categories}
          onChange={(value) => form.set('categories', value as ConsentCategory[])}
          error={form.error('categories')}
        >
          <Stack gap={4} mt={4}>
            {consentCategories.map((category) => (
              <Checkbox key={category} value={category} label={t(`people.categories.${category}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group grow>
          <TextInput type="date" label={t('consent.startsOn')} required {...form.text('startsOn')} />
          <TextInput type="date" label={t('consent.endsOn')} description={t('consent.endsOnHint')} {...form.text('endsOn')} />
        </Group>
        <Radio.Group
          label={t('consent.method')}
          value={form.values.method}
          onChange={(value) => form.set('method', value as 'signed_form' | 'verbal')}
        >
          <Group gap="lg" mt={4}>
            <Radio value="signed_form" label={t('consent.methods.signed_form')} />
            <Radio value="verbal" label={t('consent.methods.verbal')} />
          </Group>
        </Radio.Group>
        {form.values.method === 'verbal' && <TextInput label={t('consent.witnessName')} required {...form.text('witnessName')} />}
        <Text size="sm" c="dimmed">
          {t('form.requiredNote')}
        </Text>
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('consent.submit')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
