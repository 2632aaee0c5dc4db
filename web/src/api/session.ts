// The signed-in user: who they are, their organisation, roles and CSRF token.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, apiFetch } from './client';
import { meKey } from './query-client';
import type { Me, Role } from './types';

async function fetchMe(): Promise<Me | null> {
  try {
    return await apiFetch<Me>('/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function isAdmin(me: Me): boolean {
  return hasRole(me, 'admin');
}

export function hasRole(me: Me, role: Role): boolean {
  return me.user.roles.includes(role);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => apiFetch<Me>('/api/auth/sign-in', { method: 'POST', body }),
    onSuccess: (me) => {
      // Nothing cached for an earlier user may leak into this one's pages.
      queryClient.removeQueries();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/sign-out', { method: 'POST' }),
    onSettled: async () => {
      // Leave the signed-in pages first, so the session guard does not remember this page as
      // the place to come back to; then forget everything the session loaded.
      await navigate('/sign-in', { replace: true });
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}
