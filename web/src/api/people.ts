// The people the program serves: the population list, a person's page, enrolling, consents.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from './client';
import { usePagedQuery } from './paged';
import type {
  CareProgram,
  CreatePersonBody,
  LastReachedFilter,
  PeopleSort,
  Person,
  PersonDetail,
  PersonListItem,
  RecordConsentBody,
} from './types';

export interface PeopleFilters {
  q: string;
  programId: string;
  mine: boolean;
  sort: PeopleSort;
  /** People with a need of this domain (a code), and in this status ('' for any open one). */
  needDomain?: string;
  needStatus?: string;
  /** People by when they were last reached ('' for anyone). */
  lastReached?: LastReachedFilter | '';
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (filters: PeopleFilters) => ['people', 'list', filters] as const,
  one: (id: string) => ['people', 'one', id] as const,
  mine: ['people', 'mine'] as const,
  programs: ['care-programs'] as const,
};

const filterQuery = (filters: PeopleFilters) => ({
  q: filters.q.trim() || undefined,
  programId: filters.programId || undefined,
  careTeamUserId: filters.mine ? 'me' : undefined,
  needDomain: filters.needDomain || undefined,
  needStatus: filters.needDomain || filters.needStatus ? filters.needStatus || 'open' : undefined,
  lastReached: filters.lastReached || undefined,
  sort: filters.sort,
});

export function usePeople(filters: PeopleFilters) {
  return usePagedQuery<PersonListItem>({
    queryKey: peopleKeys.list(filters),
    path: '/api/people',
    query: filterQuery(filters),
    limit: 50,
  });
}

/** The address of the CSV of the same list. */
export function peopleCsvUrl(filters: PeopleFilters): string {
  return withQuery('/api/people.csv', filterQuery(filters));
}

export function useMyPeople() {
  return useQuery({
    queryKey: peopleKeys.mine,
    queryFn: ({ signal }) =>
      apiFetch<{ items: { person: Person; onMyTeam: boolean }[] }>('/api/people/mine', { signal, query: { limit: 8 } }),
    select: (data) => data.items,
  });
}

export function usePerson(personId: string) {
  return useQuery({
    queryKey: peopleKeys.one(personId),
    queryFn: ({ signal }) => apiFetch<PersonDetail>(`/api/people/${personId}`, { signal }),
    retry: false,
  });
}

export function useCarePrograms(enabled = true) {
  return useQuery({
    queryKey: peopleKeys.programs,
    queryFn: ({ signal }) => apiFetch<{ items: CareProgram[] }>('/api/care-programs', { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonBody) => apiFetch<PersonDetail>('/api/people', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useEnrol(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { programId: string; reason?: string }) =>
      apiFetch<PersonDetail>(`/api/people/${personId}/enrolments`, { method: 'POST', body }),
    onSuccess: (detail) => queryClient.setQueryData(peopleKeys.one(personId), detail),
  });
}

export function useRecordConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordConsentBody) => apiFetch<PersonDetail>(`/api/people/${personId}/consents`, { method: 'POST', body }),
    onSuccess: (detail) => queryClient.setQueryData(peopleKeys.one(personId), detail),
  });
}

export function useRevokeConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string) =>
      apiFetch<PersonDetail>(`/api/people/${personId}/consents/${consentId}/revoke`, { method: 'POST', body: {} }),
    onSuccess: (detail) => queryClient.setQueryData(peopleKeys.one(personId), detail),
  });
}
