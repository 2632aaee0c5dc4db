// One service in the search results: what it is, who runs it, how far, open or not, its room,
// how to refer and the languages spoken.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchResult } from '../api/directory';
import { formatList } from '../i18n/format';
import type { DistanceUnit } from '../api/types';
import { CapacityBadge } from './capacity-badge';
import { DirectionsLink } from './directions-link';
import { formatDistance, languageNames } from './format';
import { HowToRefer } from './how-to-refer';
import { PlaceIcon, SpeechIcon } from './icons';
import { OpenStatus } from './open-status';

export function ResultCard(props: {
  result: SearchResult;
  /** The search's address, for the "back to results" link of the pages this card opens. */
  backTo: string;
  /** A query string for the service's page (the person and need a referral is for). */
  serviceSearch?: string;
  nameRef?: Ref<HTMLAnchorElement>;
  /** Its number on the map (the list's order). */
  number?: number;
  /** Picked on the map. */
  selected?: boolean;
  /** The distance's unit of the network. */
  unit?: DistanceUnit;
}) {
  const { result, backTo } = props;
  const { t } = useTranslation();
  const headingId = `result-${result.entryId}`;
  const referId = `result-refer-${result.entryId}`;
  const place = [result.locationName, result.address].filter(Boolean).join(' · ');

  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={headingId}
      className={props.selected ? 'result-card-selected' : undefined}
      data-entry-id={result.entryId}
    >
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h4" id={headingId}>
              {props.number !== undefined && (
                <span className="result-number" aria-hidden="true" data-testid="result-number">
                  {props.number}
                </span>
              )}
              <Anchor
                ref={props.nameRef}
                component={Link}
                to={`/directory/services/${result.serviceId}${props.serviceSearch ?? ''}`}
                state={{ backTo }}
                inherit
              >
                {result.serviceName}
              </Anchor>
            </Title>
            {result.organizationId && result.organizationName && (
              <Anchor component={Link} to={`/directory/organizations/${result.organizationId}`} state={{ backTo }} size="sm">
                {result.organizationName}
              </Anchor>
            )}
          </div>
          {result.distanceKm !== null && (
            <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('directory.result.away', { distance: formatDistance(result.distanceKm, props.unit) })}
            </Text>
          )}
        </Group>
        {result.summary && (
          <Text size="sm" lineClamp={2}>
            {result.summary}
          </Text>
        )}
        <Group gap="sm" wrap="wrap">
          <CapacityBadge
            status={result.capacity?.status}
            openSlots={result.capacity?.openSlots}
            waitlistLength={result.capacity?.waitlistLength}
            updatedAt={result.capacity?.updatedAt}
          />
          <OpenStatus openNow={result.openNow} hours={result.hours} />
        </Group>
        {place && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <PlaceIcon />
            <Text size="sm">{place}</Text>
            <DirectionsLink
              name={result.serviceName}
              latitude={result.latitude}
              longitude={result.longitude}
              address={result.address}
            />
          </Group>
        )}
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" fw={600} id={referId} style={{ whiteSpace: 'nowrap' }}>
            {t('directory.refer.title')}
          </Text>
          <HowToRefer
            methods={result.howToRefer}
            contact={result.referralContact}
            acceptingReferrals={result.acceptingReferrals}
            labelledBy={referId}
          />
        </Group>
        {(result.languages.length > 0 || result.needDomains.length > 0) && (
          <Group gap="md" wrap="wrap" align="center">
            {result.languages.length > 0 && (
              <Group gap={6} wrap="nowrap" align="flex-start">
                <SpeechIcon />
                <Text size="sm">{t('directory.result.speaks', { languages: formatList(languageNames(result.languages)) })}</Text>
              </Group>
            )}
            {result.needDomains.length > 0 && (
              <Group gap={4} aria-label={t('directory.result.needs')} role="list">
                {result.needDomains.map((domain) => (
                  <Badge key={domain.code} role="listitem" variant="outline" color="gray" size="sm">
                    {domain.name}
                  </Badge>
                ))}
              </Group>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
