// The directory of services and organisations (Open Referral HSDS) with Kith's capacity and
// referral intake: need domains, search, a service, an organisation, and updating a service's room.
// Types generated from the server's schemas (types.ts says how); the hooks below fetch them.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';

import type { components } from './openapi.generated';
import { allOf } from './types';

type Schemas = components['schemas'];

export type CapacityStatus = Schemas['CapacityStatus'];
/** In the order the room is offered to a partner: room first, none last. */
export const capacityStatuses = allOf<CapacityStatus>()(['available', 'waitlist', 'no_capacity', 'assessment_required']);

export type ReferralChannel = Schemas['ReferralChannel'];
export const referralChannels = allOf<ReferralChannel>()(['kith', 'email', 'phone', 'fax', 'walk_in']);

export type NeedDomain = Schemas['NeedDomain'];
/**
 * One schedule's opening hours as data (the page writes them in the reader's language): weekly
 * days and times when the schedule has them (`days` null: every day; times 'HH:MM', local to the
 * network, '24:00' for midnight at the end of the day), and the schedule's own words.
 */
export type OpeningHours = Schemas['OpeningHours'];
export type WeekdayCode = NonNullable<OpeningHours['days']>[number];
export const weekdayCodes = allOf<WeekdayCode>()(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);

export type SearchResult = Schemas['SearchResult'];
export type NeedDomainRef = SearchResult['needDomains'][number];
export type SearchCapacity = NonNullable<SearchResult['capacity']>;
export type SearchPage = Schemas['SearchAnswer'];
export type FoundOrganization = Schemas['FoundOrganization'];

/** What a search asks for, as the page address keeps it (the request sends flags as 'true'). */
export interface DirectoryQuery {
  q?: string;
  need?: string[];
  near?: string;
  lat?: number;
  lon?: number;
  radiusKm?: number;
  openNow?: boolean;
  language?: string;
  acceptingReferrals?: boolean;
  hasCapacity?: boolean;
  serviceArea?: string;
  /** Search the words as typed: none corrected, no language's name taken as the language filter. */
  verbatim?: boolean;
}

export type Intake = Schemas['Intake'];
export type ServiceDetail = Schemas['ServiceDetail'];
export type CapacityHistoryEntry = ServiceDetail['capacityHistory'][number];
export type ServiceLocation = ServiceDetail['locations'][number];
export type DirectoryOrganization = Schemas['DirectoryOrganization'];
/** A directory organisation's name and how to reach it (a service's page, its own page, a partner's home). */
export type OrganizationContact = NonNullable<ServiceDetail['organization']>;
/** The directory organisations the signed-in user's organisation keeps, with each service's room. */
export type KeptOrganization = Schemas['KeptOrganizations']['items'][number];
export type KeptService = KeptOrganization['services'][number];
/** A field a partner changed in Kith, with what the directory's source says of it. */
export type LocalEdit = Schemas['LocalEdit'];
export type ServiceDetailsChange = Schemas['UpdateServiceDetailsBodyInput'];
export type OrganizationDetailsChange = Schemas['UpdateOrganizationDetailsBodyInput'];
/** The fields a partner may change; every one is optional. */
export type IntakeChange = Schemas['UpdateIntakeBodyInput'];

export const directoryKeys = {
  all: ['directory'] as const,
  needDomains: ['directory', 'need-domains'] as const,
  searches: ['directory', 'search'] as const,
  search: (query: DirectoryQuery) => ['directory', 'search', query] as const,
  service: (id: string) => ['directory', 'service', id] as const,
  organization: (id: string) => ['directory', 'organization', id] as const,
  kept: ['directory', 'kept-organizations'] as const,
};

/** The query string of a search (no page size or cursor), with `need` repeated once per domain. */
export function searchParamsOf(query: DirectoryQuery): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | boolean | undefined) => {
    if (value === undefined || value === '' || value === false) return;
    params.append(key, String(value));
  };
  put('q', query.q?.trim());
  for (const code of query.need ?? []) put('need', code);
  put('near', query.near?.trim());
  put('lat', query.lat);
  put('lon', query.lon);
  put('radiusKm', query.radiusKm);
  put('openNow', query.openNow);
  put('language', query.language);
  put('acceptingReferrals', query.acceptingReferrals);
  put('hasCapacity', query.hasCapacity);
  put('serviceArea', query.serviceArea?.trim());
  put('verbatim', query.verbatim);
  return params;
}

/** The address of the CSV file of a search's results. */
export function searchCsvHref(query: DirectoryQuery): string {
  const search = searchParamsOf(query).toString();
  return search ? `/api/directory/search.csv?${search}` : '/api/directory/search.csv';
}

export function useNeedDomains() {
  return useQuery({
    queryKey: directoryKeys.needDomains,
    queryFn: ({ signal }) => apiFetch<{ items: NeedDomain[] }>('/api/directory/need-domains', { signal }),
    staleTime: 60 * 60_000,
    select: (data) => data.items,
  });
}

export function useDirectorySearch(query: DirectoryQuery, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: directoryKeys.search(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const params = searchParamsOf(query);
      params.set('limit', String(pageSize));
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch<SearchPage>(`/api/directory/search?${params.toString()}`, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // While a new search loads, the last results stay (dimmed) instead of a blank list.
    placeholderData: keepPreviousData,
  });
}

export function useService(serviceId: string | undefined) {
  return useQuery({
    queryKey: directoryKeys.service(serviceId ?? ''),
    queryFn: ({ signal }) => apiFetch<ServiceDetail>(`/api/directory/services/${encodeURIComponent(serviceId!)}`, { signal }),
    enabled: Boolean(serviceId),
  });
}

export function useDirectoryOrganization(organizationId: string | undefined) {
  return useQuery({
    queryKey: directoryKeys.organization(organizationId ?? ''),
    queryFn: ({ signal }) =>
      apiFetch<DirectoryOrganization>(`/api/directory/organizations/${encodeURIComponent(organizationId!)}`, { signal }),
    enabled: Boolean(organizationId),
  });
}

export function useKeptOrganizations() {
  return useQuery({
    queryKey: directoryKeys.kept,
    queryFn: ({ signal }) => apiFetch<{ items: KeptOrganization[] }>('/api/directory/kept-organizations', { signal }),
    select: (data) => data.items,
  });
}

export function useUpdateIntake(serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntakeChange) =>
      apiFetch<Intake>(`/api/directory/services/${encodeURIComponent(serviceId)}/intake`, { method: 'PATCH', body }),
    onSuccess: async (intake) => {
      // The page shows the new room at once; the history, searches and the organisation reload.
      queryClient.setQueryData<ServiceDetail>(directoryKeys.service(serviceId), (service) =>
        service ? { ...service, intake } : service,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: directoryKeys.service(serviceId) }),
        queryClient.invalidateQueries({ queryKey: directoryKeys.searches }),
        queryClient.invalidateQueries({ queryKey: ['directory', 'organization'] }),
        queryClient.invalidateQueries({ queryKey: directoryKeys.kept }),
      ]);
    },
  });
}

/** Invalidates what shows a directory record's details: its pages, searches and the partner's home. */
async function detailsChanged(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['directory', 'service'] }),
    queryClient.invalidateQueries({ queryKey: ['directory', 'organization'] }),
    queryClient.invalidateQueries({ queryKey: directoryKeys.searches }),
    queryClient.invalidateQueries({ queryKey: directoryKeys.kept }),
  ]);
}

export function useUpdateServiceDetails(serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceDetailsChange) =>
      apiFetch<ServiceDetail>(`/api/directory/services/${encodeURIComponent(serviceId)}/details`, { method: 'PATCH', body }),
    onSuccess: async (service) => {
      queryClient.setQueryData<ServiceDetail>(directoryKeys.service(serviceId), service);
      await detailsChanged(queryClient);
    },
  });
}

export function useUpdateOrganizationDetails(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationDetailsChange) =>
      apiFetch<DirectoryOrganization>(`/api/directory/organizations/${encodeURIComponent(organizationId)}/details`, {
        method: 'PATCH',
        body,
      }),
    onSuccess: async (organization) => {
      queryClient.setQueryData<DirectoryOrganization>(directoryKeys.organization(organizationId), organization);
      await detailsChanged(queryClient);
    },
  });
}
