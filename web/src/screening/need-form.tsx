// Recording a need by hand (not from a screening): the need in words from the directory's list,
// how severe, where it stands, the person's own priority, who addresses it, and a note. The
// server's errors are shown beside the field they name.
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNeedDomains } from '../api/directory';
import { useOrganizations } from '../api/identity';
import { itemsOf } from '../api/paged';
import { useAddNeed } from '../api/screening';
import { needSeverities, needStatuses, type NeedSeverity, type NeedStatus } from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';

export function NeedForm(props: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddNeed(props.personId);
  const domains = useNeedDomains();
  const [search, setSearch] = useState('');
  const organizations = useOrganizations(search);
  const form = useServerForm({
    initialValues: {
      needDomain: '',
      severity: 'medium' as NeedSeverity,
      status: 'identified' as NeedStatus,
      priority: '',
      addressedByOrganizationId: '',
      note: '',
    },
    serverError: add.error,
    validate: (values) => ({
      needDomain: values.needDomain ? undefined : t('form.chooseOne'),
      priority:
        values.priority.trim() === '' || /^\d+$/.test(values.priority.trim()) ? undefined : t('screening.addNeed.priorityWhole'),
    }),
  });

  const submit = form.onSubmit((values) =>
    add.mutate(
      {
        needDomain: values.needDomain,
        severity: values.severity,
        status: values.status,
        priority: values.priority.trim() === '' ? null : Number(values.priority.trim()),
        addressedByOrganizationId: values.addressedByOrganizationId || null,
        note: values.note.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('screening.addNeed.added') });
          props.onDone();
        },
      },
    ),
  );

  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={submit} aria-labelledby="need-form-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="need-form-title">
            {t('screening.addNeed.title')}
          </Title>
          <FormAlert error={add.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
          <NativeSelect
            label={t('screening.addNeed.needDomain')}
            required
            {...form.text('needDomain')}
            data={[
              { value: '', label: t('form.choose') },
              ...(domains.data ?? []).map((domain) => ({ value: domain.code, label: domain.name })),
            ]}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('screening.needs.status')}
              {...form.text('status')}
              data={needStatuses.map((status) => ({ value: status, label: t(`screening.needs.statuses.${status}`) }))}
            />
            <NativeSelect
              label={t('screening.addNeed.severity')}
              {...form.text('severity')}
              data={needSeverities.map((severity) => ({ value: severity, label: t(`screening.needs.severities.${severity}`) }))}
            />
          </Group>
          <TextInput
            label={t('screening.addNeed.priority')}
            description={t('screening.addNeed.priorityHint')}
            inputMode="numeric"
            {...form.text('priority')}
          />
          <TextInput
            label={t('screening.addNeed.findOrganisation')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('screening.addNeed.addressedBy')}
            {...form.text('addressedByOrganizationId')}
            data={[
              { value: '', label: t('screening.addNeed.nobodyYet') },
              ...itemsOf(organizations.data).map((organization) => ({ value: organization.id, label: organization.name })),
            ]}
          />
          <Textarea label={t('screening.addNeed.note')} autosize minRows={2} {...form.text('note')} />
          <Text size="sm" c="dimmed">
            {t('form.requiredNote')}
          </Text>
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('screening.addNeed.submit')}
            </Button>
            <Button variant="default" onClick={props.onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
