// Add an organisation to the network (network admins only; the server checks it too).
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateOrganization } from '../api/identity';
import { organizationKinds, type Organization, type OrganizationKind } from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';

export function AddOrganizationModal(props: {
  opened: boolean;
  onClose: () => void;
  onAdded: (organization: Organization) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('organizations.addTitle')} size="lg">
      {/* Mounted only while open, so every opening starts with an empty form. */}
      {props.opened && <AddOrganizationForm onClose={props.onClose} onAdded={props.onAdded} />}
    </Modal>
  );
}

function AddOrganizationForm(props: { onClose: () => void; onAdded: (organization: Organization) => void }) {
  const { t } = useTranslation();
  const create = useCreateOrganization();
  const form = useServerForm({
    initialValues: { name: '', kind: '' as OrganizationKind | '', description: '', website: '', phone: '' },
    serverError: create.error,
    // The server checks every field; only the missing choice is caught here, in plainer words.
    validate: (values) => ({ kind: values.kind ? undefined : t('form.chooseOne') }),
  });

  const submit = form.onSubmit((values) => {
    if (!values.kind) return;
    create.mutate(
      {
        name: values.name.trim(),
        kind: values.kind,
        description: values.description.trim() || undefined,
        website: values.website.trim() || null,
        phone: values.phone.trim() || null,
      },
      {
        onSuccess: (organization) => {
          notifications.show({ color: 'teal', message: t('organizations.added', { name: organization.name }) });
          props.onAdded(organization);
          props.onClose();
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('form.requiredNote')}
        </Text>
        <FormAlert error={create.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
        <TextInput label={t('organizations.fields.name')} required data-autofocus {...form.text('name')} />
        <NativeSelect
          label={t('organizations.fields.kind')}
          required
          data={[
            { value: '', label: t('form.choose') },
            ...organizationKinds.map((kind) => ({ value: kind, label: t(`organizationKinds.${kind}`) })),
          ]}
          {...form.text('kind')}
        />
        <Textarea
          label={t('organizations.fields.description')}
          description={t('organizations.fields.descriptionHelp')}
          autosize
          minRows={2}
          {...form.text('description')}
        />
        <TextInput
          label={t('organizations.fields.website')}
          description={t('organizations.fields.websiteHelp')}
          type="url"
          inputMode="url"
          {...form.text('website')}
        />
        <TextInput label={t('organizations.fields.phone')} type="tel" autoComplete="off" {...form.text('phone')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('organizations.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
