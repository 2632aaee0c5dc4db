// The people the program serves: the population list, a person's page, enrolling, consents.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from './client';
import { usePagedQuery } from './paged';
import type {
  CareProgram,
  CreatePersonBody,
  LastReachedFilter,
  MergePeopleBody,
  MyPerson,
  PeopleSort,
  Person,
  PersonDetail,
  PersonListItem,
  PersonTimeline,
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
  duplicates: (id: string) => ['people', 'duplicates', id] as const,
  timeline: (id: string) => ['people', 'timeline', id] as const,
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
    queryFn: ({ signal }) => apiFetch<{ items: MyPerson[] }>('/api/people/mine', { signal, query: { limit: 8 } }),
    select: (data) => data.items,
  });
}

export function usePerson(personId: string, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.one(personId),
    queryFn: ({ signal }) => apiFetch<PersonDetail>(`/api/people/${personId}`, { signal }),
    retry: false,
    enabled,
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

/** The people who may be this same person (the holder's staff who may merge them only). */
export function usePossibleDuplicates(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.duplicates(personId),
    queryFn: ({ signal }) => apiFetch<{ items: Person[] }>(`/api/people/${personId}/duplicates`, { signal }),
    select: (data) => data.items,
    enabled,
    retry: false,
  });
}

export function usePersonTimeline(personId: string) {
  return useQuery({
    queryKey: peopleKeys.timeline(personId),
    queryFn: ({ signal }) => apiFetch<PersonTimeline>(`/api/people/${personId}/timeline`, { signal }),
    retry: false,
  });
}

/** Merges a duplicate into the record kept (`personId`); both records' pages and lists are read again. */
export function useMergePeople(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MergePeopleBody) => apiFetch<PersonDetail>(`/api/people/${personId}/merge`, { method: 'POST', body }),
    onSuccess: (detail, body) => {
      queryClient.setQueryData(peopleKeys.one(personId), detail);
      // Both records' pages are not read again while the merge page still shows them: the kept
      // one is the answer, and the duplicate's is read when its address is next opened (it then
      // leads to the kept record). Lists, timelines, duplicates and needs are read again now.
      const page = (id: string) => (query: { queryKey: readonly unknown[] }) =>
        query.queryKey[1] === 'one' && query.queryKey[2] === id;
      void queryClient.invalidateQueries({ queryKey: peopleKeys.one(body.duplicateId), refetchType: 'none' });
      // What the kept record's page showed before the merge is not shown again, even for a moment.
      queryClient.removeQueries({ queryKey: peopleKeys.duplicates(personId) });
      queryClient.removeQueries({ queryKey: peopleKeys.timeline(personId) });
      void queryClient.invalidateQueries({
        queryKey: peopleKeys.all,
        predicate: (query) => !page(personId)(query) && !page(body.duplicateId)(query),
      });
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
    },
  });
}
