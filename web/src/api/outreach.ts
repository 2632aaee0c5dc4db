// Outreach: a person's contacts with the team, and recording one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import { usePagedQuery } from './paged';
import type { OutreachContact, RecordContactBody } from './types';

export const outreachKeys = {
  contacts: (personId: string) => ['contacts', personId] as const,
};

/** A person's contacts, newest first, a page at a time; a 404 (not shared with this user) is an answer, not retried. */
export function useContacts(personId: string, enabled = true) {
  return usePagedQuery<OutreachContact>({
    queryKey: outreachKeys.contacts(personId),
    path: `/api/people/${personId}/contacts`,
    limit: 20,
    enabled,
  });
}

export function useRecordContact(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordContactBody) =>
      apiFetch<OutreachContact>(`/api/people/${personId}/contacts`, { method: 'POST', body }),
    onSuccess: async () => {
      // The population list's "last reached" changes too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: outreachKeys.contacts(personId) }),
        queryClient.invalidateQueries({ queryKey: ['people', 'list'] }),
      ]);
    },
  });
}
