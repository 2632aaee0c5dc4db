// The directory of services and organisations (Open Referral HSDS) with Kith's capacity and
// referral intake: need domains, search, a service, an organisation, and updating a service's room.
// Shapes as sent by src/domains/directory (directory.schema.ts holds the server's side of each).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';

export const capacityStatuses = ['available', 'waitlist', 'no_capacity', 'assessment_required'] as const;
export type CapacityStatus = (typeof capacityStatuses)[number];

export const referralMethods = ['kith', 'email', 'phone', 'fax', 'walk_in'] as const;
export type ReferralMethod = (typeof referralMethods)[number];

export interface NeedDomain {
  code: string;
  name: string;
  description: string;
}

export interface NeedDomainRef {
  code: string;
  name: string;
}

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

/**
 * One schedule's opening hours as data (the page writes them in the reader's language): weekly
 * days and times when the schedule has them (`days` null: every day; times 'HH:MM', local to the
 * network, '24:00' for midnight at the end of the day), and the schedule's own words.
 */
export interface OpeningHours {
  days: WeekdayCode[] | null;
  opens: string | null;
  closes: string | null;
  description: string | null;
  notes: string | null;
}

export interface SearchCapacity {
  status: CapacityStatus;
  openSlots: number | null;
  waitlistLength: number | null;
  daysToFirstContact: number | null;
  updatedAt: string | null;
  note: string | null;
}

export interface SearchResult {
  entryId: string;
  serviceId: string;
  serviceName: string;
  /** null for a service the directory lists without an organisation. */
  organizationId: string | null;
  organizationName: string | null;
  locationName: string | null;
  /** The start of the service's description ('' when it has none). */
  summary: string;
  address: string | null;
  postalCode: string | null;
  distanceKm: number | null;
  /** null: the hours are not known. */
  openNow: boolean | null;
  hours: OpeningHours[];
  needDomains: NeedDomainRef[];
  languages: string[];
  acceptingReferrals: boolean;
  howToRefer: ReferralMethod[];
  referralContact: { email: string | null; phone: string | null; fax: string | null };
  capacity: SearchCapacity | null;
}

export interface SearchPage {
  items: SearchResult[];
  nextCursor: string | null;
  origin: { latitude: number; longitude: number; label: string } | null;
  correctedQuery: string | null;
}

/** What a search asks for, as the page address keeps it. */
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
}

export interface Intake {
  acceptingReferrals: boolean;
  howToRefer: ReferralMethod[];
  referralEmail: string | null;
  referralPhone: string | null;
  referralFax: string | null;
  capacityStatus: CapacityStatus | null;
  openSlots: number | null;
  waitlistLength: number | null;
  daysToFirstContact: number | null;
  capacityNote: string | null;
  capacityUpdatedAt: string | null;
  capacityUpdatedBy: string | null;
}

export interface CapacityHistoryEntry {
  recordedAt: string;
  capacityStatus: CapacityStatus | null;
  openSlots: number | null;
  waitlistLength: number | null;
  acceptingReferrals: boolean;
}

export interface ServiceLocation {
  id: string;
  name: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  phones: string[];
  /** One entry per schedule that applies there. */
  hours: OpeningHours[];
}

export interface ServiceDetail {
  id: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  status: string;
  eligibility: string | null;
  applicationProcess: string | null;
  fees: string | null;
  url: string | null;
  email: string | null;
  /** null for a service the directory lists without an organisation. */
  organization: {
    id: string;
    name: string;
    description: string | null;
    website: string | null;
    email: string | null;
    phones: string[];
  } | null;
  locations: ServiceLocation[];
  phones: string[];
  languages: string[];
  needDomains: NeedDomainRef[];
  intake: Intake;
  capacityHistory: CapacityHistoryEntry[];
  canUpdateCapacity: boolean;
}

export interface DirectoryOrganization {
  id: string;
  name: string;
  description: string | null;
  website: string | null;
  email: string | null;
  phones: string[];
  services: {
    id: string;
    name: string;
    summary: string;
    acceptingReferrals: boolean;
    capacityStatus: CapacityStatus | null;
    capacityUpdatedAt: string | null;
  }[];
  networkOrganizationId: string | null;
}

/** The fields a partner may change; every one is optional. */
export interface IntakeChange {
  acceptingReferrals?: boolean;
  capacityStatus?: CapacityStatus;
  openSlots?: number | null;
  waitlistLength?: number | null;
  daysToFirstContact?: number | null;
  capacityNote?: string | null;
  howToRefer?: ReferralMethod[];
  referralEmail?: string | null;
  referralPhone?: string | null;
  referralFax?: string | null;
}

export const directoryKeys = {
  all: ['directory'] as const,
  needDomains: ['directory', 'need-domains'] as const,
  searches: ['directory', 'search'] as const,
  search: (query: DirectoryQuery) => ['directory', 'search', query] as const,
  service: (id: string) => ['directory', 'service', id] as const,
  organization: (id: string) => ['directory', 'organization', id] as const,
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
      ]);
    },
  });
}
