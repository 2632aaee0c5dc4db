// Add a department, program, clinic or team to an organisation.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUnit } from '../api/identity';
import { unitKinds, type UnitKind } from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';

export function AddUnitForm(props: { organizationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUnit(props.organizationId);
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);
  const form = useServerForm({
    initialValues: { name: '', kind: '' as UnitKind | '', description: '' },
    serverError: create.error,
    validate: (values) => ({ kind: values.kind ? undefined : t('form.chooseOne') }),
  });

  const submit = form.onSubmit((values) => {
    if (!values.kind) return;
    create.mutate(
      { name: values.name.trim(), kind: values.kind, description: values.description.trim() || undefined },
      {
        onSuccess: (unit) => {
          notifications.show({ color: 'teal', message: t('units.added', { name: unit.name }) });
          form.reset();
          props.onDone();
        },
      },
    );
  });

  return (
    <Paper bg="gray.0" p="md" mb="sm">
      <form noValidate onSubmit={submit} aria-label={t('units.addTitle')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('form.requiredNote')}
          </Text>
          <FormAlert error={create.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput ref={nameInput} label={t('units.fields.name')} required {...form.text('name')} />
            <NativeSelect
              label={t('units.fields.kind')}
              required
              data={[
                { value: '', label: t('form.choose') },
                ...unitKinds.map((kind) => ({ value: kind, label: t(`unitKinds.${kind}`) })),
              ]}
              {...form.text('kind')}
            />
          </SimpleGrid>
          <Textarea label={t('units.fields.description')} autosize minRows={2} {...form.text('description')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('units.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
