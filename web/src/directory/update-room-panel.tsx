// For the staff of the organisation that runs a service: say how much room it has in two clicks
// (what is true today, then Save), with optional numbers and a note; and, less often, change how
// people refer to it. The server decides who may; this panel shows only when it says so.
import {
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  capacityStatuses,
  referralChannels,
  useUpdateIntake,
  type CapacityStatus,
  type Intake,
  type ReferralChannel,
} from '../api/directory';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';

type RoomValues = {
  capacityStatus: CapacityStatus | '';
  openSlots: string;
  waitlistLength: string;
  daysToFirstContact: string;
  capacityNote: string;
  acceptingReferrals: boolean;
};

const text = (value: number | null) => (value === null ? '' : String(value));
const wholeNumber = /^\d+$/;

function numberOrNull(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

export function UpdateRoomPanel(props: { serviceId: string; intake: Intake }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="update-room-heading" bg="teal.0">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="update-room-heading">
            {t('directory.update.title')}
          </Title>
          <Text size="sm">{t('directory.update.intro')}</Text>
        </div>
        <RoomForm serviceId={props.serviceId} intake={props.intake} />
        <ReferralSettings serviceId={props.serviceId} intake={props.intake} />
      </Stack>
    </Paper>
  );
}

function RoomForm(props: { serviceId: string; intake: Intake }) {
  const { t } = useTranslation();
  const update = useUpdateIntake(props.serviceId);
  const { intake } = props;
  const checkNumber = (value: string) =>
    value.trim() === '' || wholeNumber.test(value.trim()) ? undefined : t('directory.update.wholeNumber');
  const form = useServerForm<RoomValues>({
    initialValues: {
      capacityStatus: intake.capacityStatus ?? '',
      openSlots: text(intake.openSlots),
      waitlistLength: text(intake.waitlistLength),
      daysToFirstContact: text(intake.daysToFirstContact),
      capacityNote: intake.capacityNote ?? '',
      acceptingReferrals: intake.acceptingReferrals,
    },
    serverError: update.error,
    validate: (values) => ({
      capacityStatus: values.capacityStatus ? undefined : t('directory.update.chooseRoom'),
      openSlots: values.capacityStatus === 'available' ? checkNumber(values.openSlots) : undefined,
      waitlistLength: values.capacityStatus === 'waitlist' ? checkNumber(values.waitlistLength) : undefined,
      daysToFirstContact: checkNumber(values.daysToFirstContact),
    }),
  });
  const status = form.values.capacityStatus;
  const statusError = form.error('capacityStatus');

  const submit = form.onSubmit((values) => {
    if (!values.capacityStatus) return;
    update.mutate(
      {
        capacityStatus: values.capacityStatus,
        acceptingReferrals: values.acceptingReferrals,
        // Numbers that do not fit the new state are cleared, so an old count never lingers.
        openSlots: values.capacityStatus === 'available' ? numberOrNull(values.openSlots) : null,
        waitlistLength: values.capacityStatus === 'waitlist' ? numberOrNull(values.waitlistLength) : null,
        daysToFirstContact: numberOrNull(values.daysToFirstContact),
        capacityNote: values.capacityNote.trim() || null,
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('directory.update.saved') }) },
    );
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="update-room-heading">
      <Stack gap="md">
        <FormAlert error={update.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
        <div role="group" aria-labelledby="room-question" aria-describedby={statusError ? 'room-question-error' : undefined}>
          <Text id="room-question" fw={600} mb={6}>
            {t('directory.update.question')}
          </Text>
          <Group gap="xs">
            {capacityStatuses.map((choice) => {
              const chosen = status === choice;
              return (
                <Button
                  key={choice}
                  size="md"
                  variant={chosen ? 'filled' : 'default'}
                  aria-pressed={chosen}
                  aria-invalid={statusError && !status ? true : undefined}
                  onClick={() => form.set('capacityStatus', choice)}
                >
                  {t(`directory.update.choices.${choice}`)}
                </Button>
              );
            })}
          </Group>
          {statusError && (
            <Text id="room-question-error" size="sm" c="red.9" mt={4}>
              {statusError}
            </Text>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {status === 'available' && (
            <TextInput
              type="number"
              inputMode="numeric"
              min={0}
              label={t('directory.update.openSlots')}
              description={t('directory.update.optional')}
              {...form.text('openSlots')}
            />
          )}
          {status === 'waitlist' && (
            <TextInput
              type="number"
              inputMode="numeric"
              min={0}
              label={t('directory.update.waitlistLength')}
              description={t('directory.update.optional')}
              {...form.text('waitlistLength')}
            />
          )}
          <TextInput
            type="number"
            inputMode="numeric"
            min={0}
            label={t('directory.update.daysToFirstContact')}
            description={t('directory.update.optional')}
            {...form.text('daysToFirstContact')}
          />
        </SimpleGrid>
        <Textarea
          label={t('directory.update.note')}
          description={t('directory.update.noteHelp')}
          autosize
          minRows={2}
          maxLength={500}
          {...form.text('capacityNote')}
        />
        <Switch
          label={t('directory.update.acceptingReferrals')}
          checked={form.values.acceptingReferrals}
          onChange={(event) => form.set('acceptingReferrals', event.currentTarget.checked)}
          error={form.error('acceptingReferrals')}
        />
        <Group gap="sm">
          <Button type="submit" size="md" loading={update.isPending}>
            {t('directory.update.save')}
          </Button>
          <Button variant="default" size="md" onClick={() => form.reset()} disabled={update.isPending}>
            {t('directory.update.undo')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type ReferralValues = {
  howToRefer: ReferralChannel[];
  referralEmail: string;
  referralPhone: string;
  referralFax: string;
};

function ReferralSettings(props: { serviceId: string; intake: Intake }) {
  const { t } = useTranslation();
  const [opened, toggle] = useDisclosure(false);
  return (
    <div>
      <Button variant="subtle" px={0} onClick={toggle.toggle} aria-expanded={opened} aria-controls="referral-settings">
        {opened ? t('directory.update.hideReferralSettings') : t('directory.update.showReferralSettings')}
      </Button>
      <Collapse in={opened} id="referral-settings">
        {opened && <ReferralForm serviceId={props.serviceId} intake={props.intake} onDone={toggle.close} />}
      </Collapse>
    </div>
  );
}

function ReferralForm(props: { serviceId: string; intake: Intake; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateIntake(props.serviceId);
  const { intake } = props;
  const form = useServerForm<ReferralValues>({
    initialValues: {
      howToRefer: intake.howToRefer,
      referralEmail: intake.referralEmail ?? '',
      referralPhone: intake.referralPhone ?? '',
      referralFax: intake.referralFax ?? '',
    },
    serverError: update.error,
  });

  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        howToRefer: referralChannels.filter((method) => values.howToRefer.includes(method)),
        referralEmail: values.referralEmail.trim() || null,
        referralPhone: values.referralPhone.trim() || null,
        referralFax: values.referralFax.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('directory.update.referralSaved') });
          props.onDone();
        },
      },
    ),
  );

  return (
    <form noValidate onSubmit={submit} aria-label={t('directory.update.referralTitle')}>
      <Stack gap="sm" pt="xs">
        <FormAlert error={update.error} problem={form.problem} />
        <Checkbox.Group
          label={t('directory.update.howToRefer')}
          value={form.values.howToRefer}
          onChange={(value) => form.set('howToRefer', value as ReferralChannel[])}
          error={form.error('howToRefer')}
        >
          <Group gap="md" mt="xs">
            {referralChannels.map((method) => (
              <Checkbox key={method} value={method} label={t(`directory.update.methods.${method}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput type="email" inputMode="email" label={t('directory.update.referralEmail')} {...form.text('referralEmail')} />
          <TextInput type="tel" label={t('directory.update.referralPhone')} {...form.text('referralPhone')} />
          <TextInput type="tel" label={t('directory.update.referralFax')} {...form.text('referralFax')} />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={update.isPending}>
            {t('directory.update.saveReferral')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
