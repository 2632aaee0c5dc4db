// Organisations, their units (departments, programs …) and their users; my own password and the
// API tokens of a user.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import { usePagedQuery } from './paged';
import type {
  ApiToken,
  ChangeOwnPasswordBody,
  CreatedApiToken,
  CreateOrganizationBody,
  CreateUnitBody,
  CreateUserBody,
  Organization,
  Unit,
  UpdateUserBody,
  User,
} from './types';

export const identityKeys = {
  organizations: ['organizations'] as const,
  organizationList: (search: string) => ['organizations', 'list', search] as const,
  organization: (id: string) => ['organizations', 'one', id] as const,
  units: (organizationId: string) => ['units', organizationId] as const,
  users: (organizationId: string) => ['users', organizationId] as const,
  tokens: ['tokens'] as const,
  myTokens: ['tokens', 'mine'] as const,
  userTokens: (userId: string) => ['tokens', 'user', userId] as const,
};

export function useOrganizations(search: string) {
  return usePagedQuery<Organization>({
    queryKey: identityKeys.organizationList(search),
    path: '/api/organizations',
    query: { q: search },
    limit: 25,
  });
}

export function useOrganization(organizationId: string | undefined) {
  return useQuery({
    queryKey: identityKeys.organization(organizationId ?? ''),
    queryFn: ({ signal }) => apiFetch<Organization>(`/api/organizations/${organizationId}`, { signal }),
    enabled: Boolean(organizationId),
  });
}

export function useUnits(organizationId: string) {
  return usePagedQuery<Unit>({
    queryKey: identityKeys.units(organizationId),
    path: `/api/organizations/${organizationId}/units`,
    limit: 200,
  });
}

export function useUsers(organizationId: string) {
  return usePagedQuery<User>({
    queryKey: identityKeys.users(organizationId),
    path: `/api/organizations/${organizationId}/users`,
    limit: 50,
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => apiFetch<Organization>('/api/organizations', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.organizations }),
  });
}

export function useCreateUnit(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUnitBody) => apiFetch<Unit>(`/api/organizations/${organizationId}/units`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.units(organizationId) }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => apiFetch<User>('/api/users', { method: 'POST', body }),
    onSuccess: (user) => queryClient.invalidateQueries({ queryKey: identityKeys.users(user.organizationId) }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateUserBody }) =>
      apiFetch<User>(`/api/users/${userId}`, { method: 'PATCH', body }),
    onSuccess: (user) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: identityKeys.users(user.organizationId) }),
        // Disabling a user or resetting their password revokes their API tokens.
        queryClient.invalidateQueries({ queryKey: identityKeys.userTokens(user.id) }),
      ]),
  });
}

export function useChangeOwnPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeOwnPasswordBody) => apiFetch<void>('/api/me/password', { method: 'POST', body }),
    onSuccess: (_answer, body) => {
      if (body.revokeApiTokens) return queryClient.invalidateQueries({ queryKey: identityKeys.tokens });
    },
  });
}

/** My own API tokens, newest first as the server sends them. */
export function useMyApiTokens() {
  return useQuery({
    queryKey: identityKeys.myTokens,
    queryFn: ({ signal }) => apiFetch<{ items: ApiToken[] }>('/api/tokens', { signal }),
    select: (data) => data.items,
  });
}

/** A user's API tokens, for that user or an admin of their organisation. */
export function useUserApiTokens(userId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: identityKeys.userTokens(userId),
    queryFn: ({ signal }) => apiFetch<{ items: ApiToken[] }>(`/api/users/${userId}/tokens`, { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => apiFetch<CreatedApiToken>('/api/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiFetch<ApiToken>(`/api/tokens/${tokenId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens }),
  });
}
