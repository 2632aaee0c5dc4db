// Enrolling someone: their record (or one already on file, when the server finds people who may be
// them) and the program. A possible duplicate is shown by link before anyone is added twice.
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useCarePrograms, useCreatePerson } from '../api/people';
import { FormAlert } from '../ui/form-alert';
import { Page } from '../ui/page';
import { useServerForm } from '../ui/use-server-form';

export default function EnrolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const programs = useCarePrograms();
  const activePrograms = (programs.data ?? []).filter((program) => program.active);
  const form = useServerForm({
    initialValues: {
      givenName: '',
      familyName: '',
      usedName: '',
      birthDate: '',
      preferredLanguage: 'en',
      interpreterNeeded: false,
      phone: '',
      email: '',
      addressLine: '',
      city: '',
      state: '',
      postalCode: '',
      mrn: '',
      programId: '',
      reason: '',
      whatMatters: '',
    },
    serverError: create.error,
  });
  const problem = create.error instanceof ApiError ? create.error.problem : undefined;
  const candidates = problem?.status === 409 ? ((problem as { candidateIds?: string[] }).candidateIds ?? []) : [];

  const send = (confirmNotDuplicate: boolean) => {
    const v = form.values;
    const optional = (value: string) => value.trim() || null;
    create.mutate(
      {
        givenName: v.givenName,
        familyName: v.familyName,
        usedName: optional(v.usedName),
        birthDate: v.birthDate,
        preferredLanguage: optional(v.preferredLanguage),
        interpreterNeeded: v.interpreterNeeded,
        phone: optional(v.phone),
        email: optional(v.email),
        addressLine: optional(v.addressLine),
        city: optional(v.city),
        state: optional(v.state),
        postalCode: optional(v.postalCode),
        whatMatters: optional(v.whatMatters),
        identifiers: v.mrn.trim() ? [{ kind: 'mrn', value: v.mrn }] : [],
        enrolment: v.programId ? { programId: v.programId, reason: v.reason.trim() || undefined } : undefined,
        confirmNotDuplicate,
      },
      {
        onSuccess: (detail) => {
          notifications.show({ color: 'teal', message: t('enrol.done') });
          void navigate(`/people/${detail.person.id}`);
        },
      },
    );
  };

  return (
    <Page title={t('enrol.title')} description={t('enrol.intro')}>
      <Paper withBorder p="md">
        <form noValidate onSubmit={form.onSubmit(() => send(false))} aria-label={t('enrol.title')}>
          <Stack gap="md">
            {candidates.length > 0 ? (
              <Alert color="orange" variant="light" title={t('enrol.duplicateTitle')}>
                <Text size="sm">{t('enrol.duplicateText', { count: candidates.length })}</Text>
                <List size="sm" my="xs">
                  {candidates.map((id, index) => (
                    <List.Item key={id}>
                      <Anchor component={Link} to={`/people/${id}`}>
                        {t('enrol.openCandidate', { number: index + 1 })}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
                <Button size="xs" variant="default" onClick={() => send(true)}>
                  {t('enrol.confirmNew')}
                </Button>
              </Alert>
            ) : (
              <FormAlert error={create.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('people.fields.givenName')} required {...form.text('givenName')} />
              <TextInput label={t('people.fields.familyName')} required {...form.text('familyName')} />
              <TextInput label={t('people.fields.usedName')} {...form.text('usedName')} />
              <TextInput type="date" label={t('people.fields.birthDate')} required {...form.text('birthDate')} />
              <TextInput
                label={t('people.fields.language')}
                description={t('enrol.languageHint')}
                {...form.text('preferredLanguage')}
              />
              <TextInput label={t('people.fields.mrn')} {...form.text('mrn')} />
              <TextInput label={t('people.fields.phone')} type="tel" {...form.text('phone')} />
              <TextInput label={t('people.fields.email')} type="email" {...form.text('email')} />
              <TextInput label={t('people.fields.addressLine')} {...form.text('addressLine')} />
              <TextInput label={t('people.fields.city')} {...form.text('city')} />
              <TextInput label={t('people.fields.state')} {...form.text('state')} />
              <TextInput label={t('people.fields.postalCode')} {...form.text('postalCode')} />
            </SimpleGrid>
            <Checkbox
              label={t('people.fields.interpreter')}
              checked={form.values.interpreterNeeded}
              onChange={(event) => form.set('interpreterNeeded', event.currentTarget.checked)}
            />
            <Textarea
              label={t('people.fields.whatMatters')}
              description={t('enrol.whatMattersHint')}
              autosize
              minRows={2}
              {...form.text('whatMatters')}
            />
            <Group grow align="flex-start">
              <NativeSelect
                label={t('people.program')}
                {...form.text('programId')}
                data={[
                  { value: '', label: t('enrol.noProgram') },
                  ...activePrograms.map((program) => ({ value: program.id, label: program.name })),
                ]}
              />
              <TextInput label={t('enrol.reason')} {...form.text('reason')} />
            </Group>
            <Text size="sm" c="dimmed">
              {t('form.requiredNote')}
            </Text>
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('enrol.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
