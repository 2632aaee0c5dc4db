// Directory administration for network admins: the rules that map taxonomy terms onto need
// domains, the directory's taxonomy terms to pick from (the public HSDS API), and the link between
// a directory organisation and a network organisation. Shapes as sent by src/domains/directory
// and src/interop/hsds/api.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import { directoryKeys } from './directory';
import type { components } from './openapi.generated';

export type NeedDomainRule = components['schemas']['NeedDomainRule'];
export type NeedDomainRuleBody = components['schemas']['NeedDomainRuleBodyInput'];
export type PlaceholderOrganization = components['schemas']['PlaceholderOrganization'];

/** A taxonomy term as the HSDS API sends it (the standard's shape, not Kith's): fields without a value are left out. */
export interface TaxonomyTerm {
  id: string;
  name: string;
  code?: string;
  description?: string;
  taxonomy_detail?: { name?: string };
}

interface HsdsPage<Item> {
  total_items: number;
  contents: Item[];
}

export const directorySettingsKeys = {
  rules: ['directory', 'need-domain-rules'] as const,
  placeholders: ['directory', 'placeholder-organizations'] as const,
  taxonomyTerms: (search: string) => ['hsds', 'taxonomy-terms', search] as const,
};

export function useNeedDomainRules() {
  return useQuery({
    queryKey: directorySettingsKeys.rules,
    queryFn: ({ signal }) => apiFetch<{ items: NeedDomainRule[] }>('/api/directory/need-domain-rules', { signal }),
    select: (data) => data.items,
  });
}

/** Organisations imports named and did not have, kept as stand-ins for an admin to fix. */
export function usePlaceholderOrganizations() {
  return useQuery({
    queryKey: directorySettingsKeys.placeholders,
    queryFn: ({ signal }) =>
      apiFetch<{ items: PlaceholderOrganization[] }>('/api/directory/placeholder-organizations', { signal }),
    select: (data) => data.items,
  });
}

/** Terms whose name, code or description hold every word of `search`; nothing asked below two letters. */
export function useTaxonomyTerms(search: string) {
  return useQuery({
    queryKey: directorySettingsKeys.taxonomyTerms(search),
    queryFn: ({ signal }) =>
      apiFetch<HsdsPage<TaxonomyTerm>>('/hsds/taxonomy_terms', { query: { search, per_page: 20 }, signal }),
    enabled: search.length >= 2,
    select: (data) => data.contents,
    // The earlier matches stay in the list while the next letters are looked up.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

// A rule changes which services every search by need finds, and the need domains each service
// shows: everything the directory has cached is stale, the rules included.
export function useAddNeedDomainRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedDomainRuleBody) =>
      apiFetch<NeedDomainRule>('/api/directory/need-domain-rules', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}

export function useRemoveNeedDomainRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) =>
      apiFetch<void>(`/api/directory/need-domain-rules/${encodeURIComponent(ruleId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}

/** Links a directory organisation to a network organisation (null unlinks it). */
export function useLinkDirectoryOrganization(directoryOrganizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string | null) =>
      apiFetch<void>(`/api/directory/organizations/${encodeURIComponent(directoryOrganizationId)}/link`, {
        method: 'PUT',
        body: { organizationId },
      }),
    // Who may update the room of its services changes with the link, so its services reload too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: directoryKeys.organization(directoryOrganizationId) }),
        queryClient.invalidateQueries({ queryKey: ['directory', 'service'] }),
      ]),
  });
}
