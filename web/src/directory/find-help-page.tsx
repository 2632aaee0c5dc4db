// Find help: search the directory by words (typos are fine), place, need and filters. The search
// lives in the page address, so a result list can be shared and the back button undoes a change.
import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { searchCsvHref, useDirectorySearch, useNeedDomains, type DirectoryQuery } from '../api/directory';
import { useNetworkSettings } from '../api/network-settings';
import type { DistanceUnit, NetworkSettings } from '../api/types';
import { Page } from '../ui/page';
import { Loading, QueryError } from '../ui/status';
import { CorrectionNotice } from './correction-notice';
import { NearestHint } from './nearest-hint';
import { OrganizationResults } from './organization-results';
import { ResultCard } from './result-card';
import { ResultsMap, ResultsWithMap } from './results-map';
import { SearchFilters } from './search-filters';
import { SearchForm, type SearchFormValues } from './search-form';
import { defaultRadiusKm, defaultRadiusKmOf, paramsFromQuery, queryFromParams, requestQueryOf } from './search-query';
import { referContextOf, referContextSearch, withReferContext } from '../referrals/refer-context';
import { ReferBanner } from '../referrals/refer-banner';

function formValuesOf(query: DirectoryQuery, unit: DistanceUnit): SearchFormValues {
  return { q: query.q ?? '', near: query.near ?? '', radiusKm: String(query.radiusKm ?? defaultRadiusKmOf(unit)) };
}

function fieldsKey(values: SearchFormValues): string {
  return [values.q.trim(), values.near.trim(), values.radiusKm].join('\n');
}

// Distances and the choice of radius follow the network's unit: the page waits for it.
export default function FindHelpPage() {
  const settings = useNetworkSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <FindHelp settings={settings.data} />;
}

function FindHelp({ settings }: { settings: NetworkSettings }) {
  const { t } = useTranslation();
  const unit = settings.distanceUnit;
  const [searchParams, setSearchParams] = useSearchParams();
  const address = searchParams.toString();
  const query = useMemo(() => queryFromParams(new URLSearchParams(address)), [address]);
  const sent = useMemo(() => requestQueryOf(query, unit), [query, unit]);
  const search = useDirectorySearch(sent);
  const [selectedEntry, setSelectedEntry] = useState<string | null>(null);
  const needDomains = useNeedDomains();
  const refused = search.error instanceof ApiError && search.error.status === 400;

  // The form keeps what the person typed while they search; it starts over only when the address
  // changes under it (back button, a shared link, the "Find help" menu item).
  const urlFields = fieldsKey(formValuesOf(query, unit));
  const [form, setForm] = useState({ key: 0, fields: urlFields });
  if (form.fields !== urlFields) setForm({ key: form.key + 1, fields: urlFields });

  // A search for someone's need keeps the person and the need in the address as it changes.
  const referFor = useMemo(() => referContextOf(new URLSearchParams(address)), [address]);
  const go = (next: DirectoryQuery) => setSearchParams(withReferContext(paramsFromQuery(next), referFor));
  // After a search, focus moves to the count of results: the next Tab reaches the first one.
  const resultCount = useRef<HTMLParagraphElement>(null);
  const [focusCount, setFocusCount] = useState(false);
  const searchAndFocus = (next: DirectoryQuery) => {
    setFocusCount(true);
    go(next);
  };
  useEffect(() => {
    if (focusCount && search.isSuccess && !search.isPlaceholderData && !search.isFetching) {
      resultCount.current?.focus();
      setFocusCount(false);
    }
  }, [focusCount, search.isSuccess, search.isPlaceholderData, search.isFetching]);
  const onSearch = (values: SearchFormValues) => {
    const near = values.near.trim() || undefined;
    // A typed place replaces a point from a shared link.
    const lat = near ? undefined : query.lat;
    const lon = near ? undefined : query.lon;
    const radiusKm = Number(values.radiusKm);
    const hasPlace = near !== undefined || lat !== undefined;
    const next: DirectoryQuery = {
      ...query,
      q: values.q.trim() || undefined,
      // New words are searched as usual again, typos corrected.
      verbatim: undefined,
      near,
      lat,
      lon,
      // A distance means something only from a place; the server's own default is left out.
      radiusKm: hasPlace && Number.isFinite(radiusKm) && radiusKm !== defaultRadiusKmOf(unit) ? radiusKm : undefined,
    };
    setForm({ key: form.key, fields: fieldsKey(formValuesOf(next, unit)) });
    searchAndFocus(next);
  };
  const clearFilters = () => go({ q: query.q, near: query.near, radiusKm: query.radiusKm, lat: query.lat, lon: query.lon });

  const results = search.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = search.data?.pages[0];
  // After "Load more", keyboard and screen reader users go on where the new results start.
  const nameLinks = useRef<(HTMLAnchorElement | null)[]>([]);
  const [focusNext, setFocusNext] = useState<{ index: number; address: string } | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    if (focusNext.address !== address) setFocusNext(null);
    else if (results.length > focusNext.index) {
      nameLinks.current[focusNext.index]?.focus();
      setFocusNext(null);
    }
  }, [focusNext, address, results.length]);
  const loadMore = () => {
    setFocusNext({ index: results.length, address });
    void search.fetchNextPage();
  };
  const hasFilters = Boolean(query.need || query.openNow || query.language || query.acceptingReferrals || query.hasCapacity);
  const backTo = address ? `/directory?${address}` : '/directory';
  // A marker picked on the map: its result is marked in the list, scrolled to and focused.
  const pickOnMap = (index: number) => {
    setSelectedEntry(results[index]?.entryId ?? null);
    nameLinks.current[index]?.focus({ preventScroll: true });
    nameLinks.current[index]?.closest('article')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  return (
    <Page title={t('directory.search.title')} description={t('directory.search.intro')}>
      {referFor && <ReferBanner context={referFor} />}
      <Paper withBorder p="md">
        <Stack gap="md">
          <SearchForm
            key={form.key}
            values={formValuesOf(query, unit)}
            unit={unit}
            onSearch={onSearch}
            serverError={refused ? search.error : null}
            searching={search.isFetching && !search.isFetchingNextPage}
            nearPoint={query.lat !== undefined && !query.near}
            onUsePoint={(point) =>
              go({
                ...query,
                near: undefined,
                lat: point?.latitude,
                lon: point?.longitude,
                radiusKm: point ? query.radiusKm : undefined,
              })
            }
          />
          <SearchFilters query={query} needDomains={needDomains.data} onChange={go} />
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="directory-results">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h3" id="directory-results">
            {t('directory.results.title')}
          </Title>
          {results.length > 0 && (
            <Button component="a" href={searchCsvHref(sent)} download variant="default" size="sm">
              {t('directory.results.downloadCsv')}
            </Button>
          )}
        </Group>
        <div role="status">
          {search.isSuccess && (
            <Stack gap={4}>
              {firstPage && <CorrectionNotice page={firstPage} query={query} onSearch={searchAndFocus} />}
              <Text ref={resultCount} tabIndex={-1} size="sm" c="dimmed" className="focus-target">
                {results.length === 0
                  ? t('directory.results.noneFound')
                  : search.hasNextPage
                    ? t('directory.results.shownMore', { count: results.length })
                    : t('directory.results.shown', { count: results.length })}
                {firstPage?.origin &&
                  ` ${
                    query.near
                      ? t('directory.results.distancesFrom', { place: firstPage.origin.label })
                      : t('directory.results.distancesFromPoint')
                  }`}
              </Text>
            </Stack>
          )}
        </div>
        {firstPage && <OrganizationResults organizations={firstPage.organizations} backTo={backTo} />}
        {search.isPending && <Loading label={t('directory.results.searching')} />}
        {search.isError && !refused && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
        {search.isSuccess && results.length === 0 && (
          <Paper withBorder p="lg">
            <Stack gap="xs">
              {firstPage?.nearest && (
                <NearestHint
                  radiusKm={sent.radiusKm ?? defaultRadiusKm}
                  nearest={firstPage.nearest}
                  unit={unit}
                  onWiden={(radiusKm) => go({ ...query, radiusKm })}
                />
              )}
              <Text fw={600}>{t('directory.results.noneTitle')}</Text>
              <List size="sm" spacing={4}>
                {query.q && <List.Item>{t('directory.results.tryOtherWords')}</List.Item>}
                {hasFilters && (
                  <List.Item>
                    {t('directory.results.tryFewerFilters')}{' '}
                    <Anchor component="button" type="button" size="sm" onClick={clearFilters}>
                      {t('directory.results.clearFilters')}
                    </Anchor>
                  </List.Item>
                )}
                {(query.near || query.lat !== undefined) && <List.Item>{t('directory.results.tryFarther')}</List.Item>}
                <List.Item>{t('directory.results.askTeam')}</List.Item>
              </List>
            </Stack>
          </Paper>
        )}
        {results.length > 0 && (
          <ResultsWithMap
            list={
              <Stack
                component="ul"
                className="plain-list"
                gap="sm"
                aria-labelledby="directory-results"
                aria-busy={search.isPlaceholderData}
                style={{ opacity: search.isPlaceholderData ? 0.6 : 1 }}
              >
                {results.map((result, index) => (
                  <li key={`${result.entryId}-${index}`}>
                    <ResultCard
                      result={result}
                      backTo={backTo}
                      serviceSearch={referContextSearch(referFor)}
                      number={index + 1}
                      selected={result.entryId === selectedEntry}
                      unit={unit}
                      nameRef={(element) => {
                        nameLinks.current[index] = element;
                      }}
                    />
                  </li>
                ))}
              </Stack>
            }
            map={
              <ResultsMap
                results={results}
                origin={firstPage?.origin ?? null}
                radiusKm={firstPage?.origin ? (sent.radiusKm ?? defaultRadiusKm) : null}
                tiles={settings.mapTiles}
                selectedEntryId={selectedEntry}
                onSelect={pickOnMap}
              />
            }
          />
        )}
        {search.hasNextPage && !search.isPlaceholderData && (
          <Button variant="default" loading={search.isFetchingNextPage} onClick={loadMore}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    </Page>
  );
}
