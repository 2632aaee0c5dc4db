// A partner corrects its own directory record in Kith: a service's description, how to apply, who
// it is for, fees, web address and email, or its organisation's description, web site and email.
// Each field a partner changed says so, with what the directory's source says, and can go back to
// the source's text. The server keeps the edit through later imports and decides who may.
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  useService,
  useUpdateOrganizationDetails,
  useUpdateServiceDetails,
  type LocalEdit,
  type OrganizationContact,
  type ServiceDetail,
} from '../api/directory';
import { formatDateTime } from '../i18n/format';
import { FormAlert } from '../ui/form-alert';
import { Loading, QueryError } from '../ui/status';
import { useServerForm } from '../ui/use-server-form';

type FieldKind = 'prose' | 'url' | 'email';
interface FieldSpec<F extends string> {
  name: F;
  kind: FieldKind;
  maxLength: number;
}

const serviceFields = [
  { name: 'description', kind: 'prose', maxLength: 4000 },
  { name: 'applicationProcess', kind: 'prose', maxLength: 2000 },
  { name: 'eligibility', kind: 'prose', maxLength: 2000 },
  { name: 'fees', kind: 'prose', maxLength: 1000 },
  { name: 'url', kind: 'url', maxLength: 500 },
  { name: 'email', kind: 'email', maxLength: 254 },
] as const satisfies readonly FieldSpec<string>[];
type ServiceField = (typeof serviceFields)[number]['name'];

const organizationFields = [
  { name: 'description', kind: 'prose', maxLength: 4000 },
  { name: 'website', kind: 'url', maxLength: 500 },
  { name: 'email', kind: 'email', maxLength: 254 },
] as const satisfies readonly FieldSpec<string>[];
type OrganizationField = (typeof organizationFields)[number]['name'];

export function EditServiceDetailsModal(props: { serviceId: string; serviceName: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('directory.details.serviceTitle', { name: props.serviceName })}
      size="lg"
    >
      {props.opened && <ServiceDetailsLoader serviceId={props.serviceId} onClose={props.onClose} />}
    </Modal>
  );
}

function ServiceDetailsLoader(props: { serviceId: string; onClose: () => void }) {
  const service = useService(props.serviceId);
  if (service.isPending) return <Loading />;
  if (service.isError) return <QueryError error={service.error} onRetry={() => void service.refetch()} />;
  return <ServiceDetailsForm service={service.data} onClose={props.onClose} />;
}

function ServiceDetailsForm(props: { service: ServiceDetail; onClose: () => void }) {
  const { service } = props;
  const update = useUpdateServiceDetails(service.id);
  const current: Record<ServiceField, string | null> = {
    description: service.description,
    applicationProcess: service.applicationProcess,
    eligibility: service.eligibility,
    fees: service.fees,
    url: service.url,
    email: service.email,
  };
  return (
    <DetailsForm
      fields={serviceFields}
      current={current}
      localEdits={service.localEdits}
      labels="directory.details.service"
      error={update.error}
      pending={update.isPending}
      onSave={(body, done) => update.mutate(body, { onSuccess: done })}
      onClose={props.onClose}
    />
  );
}

export function EditOrganizationDetailsModal(props: { organization: OrganizationContact; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('directory.details.organizationTitle', { name: props.organization.name })}
      size="lg"
    >
      {props.opened && <OrganizationDetailsForm organization={props.organization} onClose={props.onClose} />}
    </Modal>
  );
}

function OrganizationDetailsForm(props: { organization: OrganizationContact; onClose: () => void }) {
  const { organization } = props;
  const update = useUpdateOrganizationDetails(organization.id);
  const current: Record<OrganizationField, string | null> = {
    description: organization.description,
    website: organization.website,
    email: organization.email,
  };
  return (
    <DetailsForm
      fields={organizationFields}
      current={current}
      localEdits={organization.localEdits}
      labels="directory.details.organization"
      error={update.error}
      pending={update.isPending}
      onSave={(body, done) => update.mutate(body, { onSuccess: done })}
      onClose={props.onClose}
    />
  );
}

function DetailsForm<F extends string>(props: {
  fields: readonly FieldSpec<F>[];
  current: Record<F, string | null>;
  localEdits: LocalEdit[];
  labels: 'directory.details.service' | 'directory.details.organization';
  error: unknown;
  pending: boolean;
  onSave: (body: Partial<Record<F, string | null>>, done: () => void) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const initialValues = Object.fromEntries(props.fields.map((field) => [field.name, props.current[field.name] ?? ''])) as Record<
    F,
    string
  >;
  const form = useServerForm<Record<F, string>>({ initialValues, serverError: props.error });
  const edits = new Map(props.localEdits.map((edit) => [edit.field, edit]));

  const submit = form.onSubmit((values) => {
    // Only what changed is sent: a field left alone stays the source's.
    const body: Partial<Record<F, string | null>> = {};
    for (const field of props.fields) {
      const value = values[field.name].trim();
      if (value !== (props.current[field.name] ?? '')) body[field.name] = value === '' ? null : value;
    }
    if (Object.keys(body).length === 0) return props.onClose();
    props.onSave(body, () => {
      notifications.show({ color: 'teal', message: t('directory.details.saved') });
      props.onClose();
    });
  });

  return (
    <form noValidate onSubmit={submit} aria-label={t(`${props.labels}.form`)}>
      <Stack gap="md">
        <Text size="sm">{t('directory.details.intro')}</Text>
        <FormAlert error={props.error} problem={form.problem} />
        {props.fields.map((field) => {
          const label = t(`${props.labels}.fields.${field.name}` as never);
          const edit = edits.get(field.name);
          const note = edit ? (
            <EditNote edit={edit} onUseSource={() => form.set(field.name, edit.sourceValue ?? '')} />
          ) : undefined;
          return field.kind === 'prose' ? (
            <Textarea
              key={field.name}
              label={label}
              description={note}
              autosize
              minRows={2}
              maxRows={10}
              maxLength={field.maxLength}
              {...form.text(field.name)}
            />
          ) : (
            <TextInput
              key={field.name}
              type={field.kind === 'email' ? 'email' : 'url'}
              inputMode={field.kind === 'email' ? 'email' : 'url'}
              label={label}
              description={note}
              maxLength={field.maxLength}
              {...form.text(field.name)}
            />
          );
        })}
        <Group gap="sm">
          <Button type="submit" loading={props.pending}>
            {t('directory.details.save')}
          </Button>
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditNote(props: { edit: LocalEdit; onUseSource: () => void }) {
  const { t } = useTranslation();
  const { edit } = props;
  return (
    <span>
      {t('directory.details.changedHere', { date: formatDateTime(edit.editedAt) })}{' '}
      {edit.sourceValue
        ? t('directory.details.sourceSays', {
            text: edit.sourceValue.length > 160 ? `${edit.sourceValue.slice(0, 160)}…` : edit.sourceValue,
          })
        : t('directory.details.sourceSaysNothing')}
      {edit.sourceChangedSinceEdit && ` ${t('directory.details.sourceChanged')}`}{' '}
      <Button variant="subtle" size="compact-xs" onClick={props.onUseSource}>
        {t('directory.details.useSource')}
      </Button>
    </span>
  );
}
