// One service: its room and how to refer first (what a coordinator needs to act), then what it
// offers, where and when, and how its room changed. Staff of the organisation that runs it can
// update its room here.
import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useService, type ServiceDetail, type ServiceLocation } from '../api/directory';
import { formatList } from '../i18n/format';
import { Page } from '../ui/page';
import { Loading, QueryError } from '../ui/status';
import { CapacityHistory } from './capacity-history';
import { BackToResults, ContactLines, Field, isNotFound, NotInDirectory, PhoneLink, useBackTo } from './common';
import { hoursLine, languageNames } from './format';
import { HowToRefer } from './how-to-refer';
import { ClockIcon, PlaceIcon } from './icons';
import { RoomCard } from './room-card';
import { UpdateRoomPanel } from './update-room-panel';
import { DirectionsLink } from './directions-link';
import { EditServiceDetailsModal } from './edit-details';
import { canWritePeople } from '../people/people-words';
import { ReferBanner } from '../referrals/refer-banner';
import { referContextOf, referFormHref } from '../referrals/refer-context';
import { useSignedInUser } from '../ui/session-guard';

export default function ServicePage() {
  const { t } = useTranslation();
  const { serviceId } = useParams();
  const service = useService(serviceId);

  if (service.isPending) return <Loading />;
  if (service.isError) {
    return (
      <Page title={t('directory.service.fallbackTitle')}>
        <BackToResults />
        {isNotFound(service.error) ? (
          <NotInDirectory text={t('directory.service.notFound')} />
        ) : (
          <QueryError error={service.error} onRetry={() => void service.refetch()} />
        )}
      </Page>
    );
  }
  return <ServiceView service={service.data} />;
}

function ServiceView(props: { service: ServiceDetail }) {
  const { t } = useTranslation();
  const { service } = props;
  const backTo = useBackTo();
  const { intake } = service;
  const [editing, editModal] = useDisclosure(false);
  const me = useSignedInUser();
  const [searchParams] = useSearchParams();
  const referFor = referContextOf(searchParams);
  // Those who may write people's records refer them in Kith, to a service of another organisation.
  const mayRefer =
    canWritePeople(me) && intake.howToRefer.includes('kith') && intake.acceptingReferrals && !service.canUpdateCapacity;

  return (
    <Page
      title={service.name}
      description={
        service.organization && (
          <>
            {t('directory.service.runBy')}{' '}
            <Anchor component={Link} to={`/directory/organizations/${service.organization.id}`} state={{ backTo }}>
              {service.organization.name}
            </Anchor>
          </>
        )
      }
    >
      {referFor && <ReferBanner context={referFor} />}
      <Stack gap="xs">
        <BackToResults />
        {service.alternateName && <Text c="dimmed">{t('directory.service.alsoCalled', { name: service.alternateName })}</Text>}
        {service.status !== 'active' && (
          <Badge color="orange" variant="light">
            {t('directory.service.notActive')}
          </Badge>
        )}
        {service.needDomains.length > 0 && (
          <Group gap={4} role="list" aria-label={t('directory.result.needs')}>
            {service.needDomains.map((domain) => (
              <Badge key={domain.code} role="listitem" variant="outline" color="gray">
                {domain.name}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <RoomCard intake={intake} />
        <Paper withBorder p="md" component="section" aria-labelledby="refer-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="refer-heading">
              {t('directory.refer.title')}
            </Title>
            <HowToRefer
              methods={intake.howToRefer}
              contact={{ email: intake.referralEmail, phone: intake.referralPhone, fax: intake.referralFax }}
              acceptingReferrals={intake.acceptingReferrals}
              labelledBy="refer-heading"
              referHref={mayRefer ? referFormHref(service.id, referFor) : undefined}
            />
            <ServiceContacts service={service} />
          </Stack>
        </Paper>
      </SimpleGrid>

      {service.canUpdateCapacity && <UpdateRoomPanel serviceId={service.id} intake={intake} />}

      <Paper withBorder p="md" component="section" aria-labelledby="about-heading">
        <Stack gap="md">
          <Group justify="space-between" gap="sm">
            <Title order={2} size="h3" id="about-heading">
              {t('directory.service.about')}
            </Title>
            {service.canEditDetails && (
              <Button variant="light" size="sm" onClick={editModal.open}>
                {t('directory.details.edit')}
              </Button>
            )}
          </Group>
          {service.localEdits.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('directory.details.someChangedHere')}
            </Text>
          )}
          {service.description ? (
            <Text style={{ whiteSpace: 'pre-line' }}>{service.description}</Text>
          ) : (
            <Text c="dimmed">{t('directory.service.noDescription')}</Text>
          )}
          <Field label={t('directory.service.eligibility')}>{service.eligibility}</Field>
          <Field label={t('directory.service.applicationProcess')}>{service.applicationProcess}</Field>
          <Field label={t('directory.service.fees')}>{service.fees}</Field>
          {service.languages.length > 0 && (
            <Field label={t('directory.service.languages')}>
              <Text>{formatList(languageNames(service.languages))}</Text>
            </Field>
          )}
        </Stack>
      </Paper>

      <section aria-labelledby="locations-heading">
        <Title order={2} size="h3" id="locations-heading" mb="sm">
          {t('directory.service.locations', { count: service.locations.length })}
        </Title>
        {service.locations.length === 0 ? (
          <Text c="dimmed">{t('directory.service.noLocations')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" className="plain-list">
            {service.locations.map((location) => (
              <li key={location.id}>
                <LocationCard location={location} />
              </li>
            ))}
          </SimpleGrid>
        )}
      </section>

      <CapacityHistory history={service.capacityHistory} />
      {service.canEditDetails && (
        <EditServiceDetailsModal serviceId={service.id} serviceName={service.name} opened={editing} onClose={editModal.close} />
      )}
    </Page>
  );
}

function ServiceContacts(props: { service: ServiceDetail }) {
  const { t } = useTranslation();
  const { service } = props;
  const phones = service.phones.length > 0 ? service.phones : (service.organization?.phones ?? []);
  const email = service.email ?? service.organization?.email ?? null;
  const website = service.url ?? service.organization?.website ?? null;
  if (phones.length === 0 && !email && !website) return null;
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {t('directory.service.contact')}
      </Title>
      <ContactLines phones={phones} email={email} website={website} />
    </div>
  );
}

function LocationCard(props: { location: ServiceLocation }) {
  const { t } = useTranslation();
  const { location } = props;
  const hours = location.hours.map((entry) => hoursLine(entry, t)).filter(Boolean);
  return (
    <Paper withBorder p="md" h="100%">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {location.name ?? location.address ?? t('directory.service.unnamedLocation')}
        </Title>
        {location.address && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <PlaceIcon />
            <Text size="sm">{location.address}</Text>
          </Group>
        )}
        {location.coordinatesApproximate && (
          <Text size="sm" c="dimmed">
            {t('directory.service.approximateLocation')}
          </Text>
        )}
        <DirectionsLink
          name={location.name ?? location.address ?? t('directory.service.unnamedLocation')}
          latitude={location.latitude}
          longitude={location.longitude}
          address={location.address}
        />
        {location.phones.map((phone) => (
          <PhoneLink key={phone} phone={phone} />
        ))}
        <Group gap={6} wrap="nowrap" align="flex-start">
          <ClockIcon />
          {hours.length > 0 ? (
            <List size="sm" spacing={0} listStyleType="none" aria-label={t('directory.service.hours')}>
              {hours.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('directory.open.unknown')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
