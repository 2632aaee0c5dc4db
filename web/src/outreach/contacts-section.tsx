// The contacts section of a person's page: each time the team reached out, newest first, in words
// ("Phone call — reached — 3 Dec 2026, 10:15 — by Cora"), and a form to record one (now, by phone,
// reached, unless changed). Shown only to those the server lets see the care plan: a 404 from the
// contacts route means they are not shared with this user, and the section is left out.
import { Button, Checkbox, Group, List, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useContacts, useRecordContact } from '../api/outreach';
import { itemsOf } from '../api/paged';
import { outreachMethods, type OutreachContact, type OutreachMethod } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';

export function ContactsSection(props: { personId: string; writes: boolean; myOrganizationId: string }) {
  const { t } = useTranslation();
  const contacts = useContacts(props.personId);
  const [recording, setRecording] = useState(false);
  const items = itemsOf(contacts.data);

  if (contacts.isError && contacts.error instanceof ApiError && contacts.error.status === 404) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('outreach.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('outreach.title')}
        </Title>
        {contacts.data && items.length === 0 && <Text c="dimmed">{t('outreach.none')}</Text>}
        {items.length > 0 && (
          <List aria-label={t('outreach.listLabel')} spacing={4}>
            {items.map((contact) => (
              <List.Item key={contact.id}>
                <ContactLine contact={contact} myOrganizationId={props.myOrganizationId} />
              </List.Item>
            ))}
          </List>
        )}
        {contacts.hasNextPage && (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => void contacts.fetchNextPage()}
              loading={contacts.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
        {props.writes &&
          (recording ? (
            <ContactForm personId={props.personId} onDone={() => setRecording(false)} />
          ) : (
            <Group>
              <Button variant="light" onClick={() => setRecording(true)}>
                {t('outreach.form.open')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

function ContactLine(props: { contact: OutreachContact; myOrganizationId: string }) {
  const { t } = useTranslation();
  const { contact } = props;
  const method = t(`outreach.methods.${contact.method}`);
  const outcome = contact.reached ? t('outreach.reached') : t('outreach.notReached');
  const when = formatDateTime(contact.contactedAt);
  const elsewhere = contact.organization && contact.organization.id !== props.myOrganizationId;
  const who = contact.recordedBy
    ? elsewhere
      ? t('outreach.whoElsewhere', { who: contact.recordedBy.name, organisation: contact.organization!.name })
      : contact.recordedBy.name
    : null;
  return (
    <>
      <Text>
        {who ? t('outreach.line', { method, outcome, when, who }) : t('outreach.lineNobody', { method, outcome, when })}
      </Text>
      {contact.note && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {contact.note}
        </Text>
      )}
    </>
  );
}

/** Now, as a `datetime-local` input writes it (local time, to the minute). */
function localNow(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

function ContactForm(props: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordContact(props.personId);
  const form = useServerForm({
    initialValues: { contactedAt: localNow(), method: 'phone' as OutreachMethod, reached: true, note: '' },
    serverError: record.error,
    validate: (values) => ({
      contactedAt:
        values.contactedAt && !Number.isNaN(new Date(values.contactedAt).getTime()) ? undefined : t('outreach.form.whenMissing'),
    }),
  });

  const submit = form.onSubmit((values) =>
    record.mutate(
      {
        // The local time the person typed, sent as a moment (the browser knows the offset).
        contactedAt: new Date(values.contactedAt).toISOString(),
        method: values.method,
        reached: values.reached,
        note: values.note.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('outreach.form.saved') });
          props.onDone();
        },
      },
    ),
  );

  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={submit} aria-labelledby="contact-form-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="contact-form-title">
            {t('outreach.form.title')}
          </Title>
          <FormAlert error={record.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('outreach.form.when')}
              required
              max={localNow()}
              {...form.text('contactedAt')}
            />
            <NativeSelect
              label={t('outreach.form.method')}
              required
              {...form.text('method')}
              data={outreachMethods.map((method) => ({ value: method, label: t(`outreach.methods.${method}`) }))}
            />
          </Group>
          <Checkbox
            label={t('outreach.form.reached')}
            checked={form.values.reached}
            onChange={(event) => form.set('reached', event.currentTarget.checked)}
            error={form.error('reached')}
          />
          <Textarea
            label={t('outreach.form.note')}
            description={t('outreach.form.noteHint')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.text('note')}
          />
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('outreach.form.save')}
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
