// Refer someone to a service: the person (found among those the user may see) and their open
// need, and before sending what the partner offers now (its room and how old that figure is, its
// opening hours, languages, how far from the person and how it takes referrals); a note to the
// partner and a priority. Sent, or kept as a draft, with one Idempotency-Key for the whole form,
// so a second click makes no second referral. When the person has not agreed to share their
// information with the partner, the page says so and records that consent on the spot, then sends.
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useNeedDomains, useService, type ServiceDetail } from '../api/directory';
import { useDistanceUnit } from '../api/network-settings';
import { itemsOf } from '../api/paged';
import { usePeople, usePerson } from '../api/people';
import { useCreateReferral } from '../api/referrals';
import { useNeeds } from '../api/screening';
import type { Need, NeedStatus, ReferralPriority } from '../api/types';
import { isNotFound, NotInDirectory } from '../directory/common';
import { formatDistance, hoursLine, languageNames } from '../directory/format';
import { HowToRefer } from '../directory/how-to-refer';
import { RoomCard } from '../directory/room-card';
import { formatList } from '../i18n/format';
import { ConsentForm } from '../people/consent-form';
import { canWritePeople, personName } from '../people/people-words';
import { FormAlert } from '../ui/form-alert';
import { Page } from '../ui/page';
import { splitFieldErrors } from '../ui/problem';
import { SearchSelect } from '../ui/search-select';
import { useSignedInUser } from '../ui/session-guard';
import { Loading, NoAccessAlert, QueryError } from '../ui/status';
import { consentCategoriesFor, missingConsentOf, nearestPlace, newIdempotencyKey } from './referral-rules';

const openNeedStatuses: readonly NeedStatus[] = ['identified', 'in_scope', 'out_of_scope', 'being_addressed'];
const formFields = ['personId', 'needId', 'serviceId', 'note', 'priority'] as const;

export default function ReferPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params] = useSearchParams();
  const serviceId = params.get('serviceId') ?? '';
  const service = useService(serviceId || undefined);

  if (!canWritePeople(me)) {
    return (
      <Page title={t('referrals.refer.title')}>
        <NoAccessAlert />
      </Page>
    );
  }
  if (!serviceId) {
    return (
      <Page title={t('referrals.refer.title')}>
        <Text>{t('referrals.refer.chooseServiceFirst')}</Text>
        <Group>
          <Button component={Link} to="/directory">
            {t('referrals.refer.toDirectory')}
          </Button>
        </Group>
      </Page>
    );
  }
  if (service.isPending) return <Loading />;
  if (service.isError) {
    return (
      <Page title={t('referrals.refer.title')}>
        {isNotFound(service.error) ? (
          <NotInDirectory text={t('directory.service.notFound')} />
        ) : (
          <QueryError error={service.error} onRetry={() => void service.refetch()} />
        )}
      </Page>
    );
  }
  return (
    <ReferForm service={service.data} initialPersonId={params.get('personId') ?? ''} initialNeedId={params.get('needId') ?? ''} />
  );
}

function ReferForm(props: { service: ServiceDetail; initialPersonId: string; initialNeedId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const { service } = props;
  // One key for this form: a retry, or a second click, answers with the referral the first made.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateReferral(idempotencyKey);
  const [personId, setPersonId] = useState(props.initialPersonId);
  const [needId, setNeedId] = useState(props.initialNeedId);
  const [note, setNote] = useState('');
  const [priority, setPriority] = useState<ReferralPriority>('routine');
  const [recordingConsent, setRecordingConsent] = useState(false);
  const [personError, setPersonError] = useState<string | null>(null);
  const person = usePerson(personId, Boolean(personId));
  const needs = useNeeds(personId, Boolean(personId));
  const domains = useNeedDomains();
  const domainName = (code: string) => domains.data?.find((domain) => domain.code === code)?.name ?? code;
  const openNeeds = (needs.data ?? []).filter((need) => openNeedStatuses.includes(need.status));
  const missing = missingConsentOf(create.error);
  const problem = splitFieldErrors(create.error, formFields);
  const name = person.data ? personName(person.data.person) : '';

  const send = (asDraft: boolean) => {
    if (!personId) {
      setPersonError(t('referrals.refer.choosePerson'));
      return;
    }
    create.mutate(
      {
        personId,
        needId: needId || null,
        serviceId: service.id,
        priority,
        note: note.trim() || null,
        send: !asDraft,
      },
      {
        onSuccess: (referral) => {
          notifications.show({
            color: 'teal',
            message: asDraft
              ? t('referrals.refer.savedDraft')
              : t('referrals.refer.sent', { organisation: referral.recipient.name }),
          });
          void navigate(`/referrals/${referral.id}`);
        },
      },
    );
  };

  return (
    <Page title={t('referrals.refer.titleTo', { service: service.name })} description={service.organization?.name}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="refer-who-heading">
          <Stack gap="md">
            <Title order={2} size="h3" id="refer-who-heading">
              {t('referrals.refer.who')}
            </Title>
            {personId && person.data ? (
              <Group justify="space-between" gap="sm">
                <Anchor component={Link} to={`/people/${personId}`} fw={600}>
                  {name}
                </Anchor>
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => {
                    setPersonId('');
                    setNeedId('');
                    create.reset();
                  }}
                >
                  {t('referrals.refer.someoneElse')}
                </Button>
              </Group>
            ) : personId && person.isPending ? (
              <Loading />
            ) : (
              <PersonPicker
                error={personError ?? problem.byField.personId}
                onPick={(id) => {
                  setPersonId(id);
                  setNeedId('');
                  setPersonError(null);
                  create.reset();
                }}
              />
            )}
            {personId && needs.isSuccess && (
              <Select
                label={t('referrals.refer.need')}
                description={t('referrals.refer.needHint')}
                value={needId}
                allowDeselect={false}
                onChange={(value) => setNeedId(value ?? '')}
                error={problem.byField.needId}
                data={[
                  ...openNeeds.map((need: Need) => ({
                    value: need.id,
                    label: `${domainName(need.needDomain)} · ${t(`screening.needs.statuses.${need.status}`)}`,
                  })),
                  { value: '', label: t('referrals.refer.noNeed') },
                ]}
              />
            )}
            <Textarea
              label={t('referrals.refer.note')}
              description={t('referrals.refer.noteHint', { organisation: service.organization?.name ?? service.name })}
              autosize
              minRows={3}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={problem.byField.note}
            />
            <Radio.Group
              label={t('referrals.refer.priority')}
              value={priority}
              onChange={(value) => setPriority(value as ReferralPriority)}
            >
              <Group gap="lg" mt={4}>
                <Radio value="routine" label={t('referrals.priorities.routine')} />
                <Radio value="urgent" label={t('referrals.priorities.urgent')} />
              </Group>
            </Radio.Group>
          </Stack>
        </Paper>
        <ServiceFacts service={service} from={person.data?.person.contact?.location ?? null} />
      </SimpleGrid>

      {missing ? (
        <Alert
          color="orange"
          variant="light"
          title={t('referrals.refer.consentMissing', {
            person: name || t('referrals.aPerson'),
            organisation: missing.granteeName,
          })}
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {t('referrals.consentNeeded', { organisation: missing.granteeName })}
              {missing.categories.includes('sud') ? ` ${t('referrals.refer.consentSud')}` : ''}
            </Text>
            {!recordingConsent && (
              <Button onClick={() => setRecordingConsent(true)}>
                {t('referrals.refer.recordConsent', { organisation: missing.granteeName })}
              </Button>
            )}
          </Stack>
        </Alert>
      ) : (
        !create.isPending && <FormAlert error={create.error} problem={problem} />
      )}
      {missing && recordingConsent && (
        <ConsentForm
          personId={missing.personId}
          personName={name}
          holderName={me.organization.name}
          preset={{
            granteeOrganizationId: missing.granteeOrganizationId,
            granteeName: missing.granteeName,
            purpose: 'referral',
            categories: consentCategoriesFor(missing),
          }}
          onRecorded={() => send(false)}
          onDone={() => setRecordingConsent(false)}
        />
      )}

      {!recordingConsent && (
        <Group>
          <Button loading={create.isPending && create.variables.send} disabled={create.isPending} onClick={() => send(false)}>
            {t('referrals.refer.send')}
          </Button>
          <Button
            variant="default"
            loading={create.isPending && !create.variables.send}
            disabled={create.isPending}
            onClick={() => send(true)}
          >
            {t('referrals.refer.saveDraft')}
          </Button>
        </Group>
      )}
    </Page>
  );
}

function PersonPicker(props: { onPick: (personId: string) => void; error?: string | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const people = usePeople({ q: search, programId: '', mine: false, sort: 'name' });
  const options = itemsOf(people.data).map((person) => ({
    value: person.id,
    label: person.demographics ? `${personName(person)} · ${person.demographics.birthDate}` : personName(person),
  }));
  return (
    <SearchSelect
      label={t('referrals.refer.person')}
      description={t('referrals.refer.personHint')}
      required
      value={null}
      options={options}
      search={search}
      onSearchChange={setSearch}
      onChange={(value) => value && props.onPick(value)}
      searching={people.isFetching}
      failed={people.isError}
      minimumSearch={2}
      error={props.error ?? undefined}
    />
  );
}

/** What the partner offers now, read before sending. */
function ServiceFacts(props: { service: ServiceDetail; from: { latitude: number; longitude: number } | null }) {
  const { t } = useTranslation();
  const unit = useDistanceUnit();
  const { service } = props;
  const { intake } = service;
  const nearest = nearestPlace(props.from, service.locations);
  const hours = service.locations.flatMap((location) =>
    location.hours
      .map((entry) => hoursLine(entry, t))
      .filter(Boolean)
      .map((line) => (service.locations.length > 1 && location.name ? `${location.name}: ${line}` : line)),
  );
  return (
    <Stack gap="md">
      <RoomCard intake={intake} />
      <Paper withBorder p="md" component="section" aria-labelledby="refer-service-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="refer-service-heading">
            {t('referrals.refer.aboutService')}
          </Title>
          <div>
            <Title order={3} size="h5">
              {t('directory.service.hours')}
            </Title>
            {hours.length > 0 ? (
              <List size="sm" spacing={0} listStyleType="none">
                {hours.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('directory.open.unknown')}
              </Text>
            )}
          </div>
          <div>
            <Title order={3} size="h5">
              {t('directory.service.languages')}
            </Title>
            <Text size="sm">
              {service.languages.length > 0 ? formatList(languageNames(service.languages)) : t('referrals.refer.noLanguages')}
            </Text>
          </div>
          {nearest && (
            <div>
              <Title order={3} size="h5">
                {t('referrals.refer.distance')}
              </Title>
              <Text size="sm">
                {t('referrals.refer.distanceFrom', {
                  distance: formatDistance(nearest.km, unit),
                  place: nearest.place.name ?? nearest.place.address ?? service.name,
                })}
              </Text>
            </div>
          )}
          <div>
            <Title order={3} size="h5" id="refer-how-heading">
              {t('directory.refer.title')}
            </Title>
            <HowToRefer
              methods={intake.howToRefer}
              contact={{ email: intake.referralEmail, phone: intake.referralPhone, fax: intake.referralFax }}
              acceptingReferrals={intake.acceptingReferrals}
              labelledBy="refer-how-heading"
            />
          </div>
          <Anchor component={Link} to={`/directory/services/${service.id}`} size="sm">
            {t('referrals.refer.serviceDetails')}
          </Anchor>
        </Stack>
      </Paper>
    </Stack>
  );
}
