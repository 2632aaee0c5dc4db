// Organisations, their units (departments, programs …) and their users.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import { usePagedQuery } from './paged';
import type {
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
    mutationFn: (body: CreateUnitBody) =>
      apiFetch<Unit>(`/api/organizations/${organizationId}/units`, { method: 'POST', body }),
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
    onSuccess: (user) => queryClient.invalidateQueries({ queryKey: identityKeys.users(user.organizationId) }),
  });
}
