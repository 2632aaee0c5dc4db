// Referrals: making one (a draft, or sent; one Idempotency-Key per form, so a second click makes
// no second referral), the inbox and the outbox, their counts, one referral and its moves (each
// with If-Match: the version the page showed).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from './client';
import { usePagedQuery } from './paged';
import { screeningKeys } from './screening';
import type {
  CreateReferralBody,
  Referral,
  ReferralBox,
  ReferralCounts,
  ReferralListItem,
  ReferralTransitionBody,
} from './types';

export interface ReferralFilters {
  box: ReferralBox;
  /** States to show (none: every state). */
  status?: string[];
  /** The outbox of one person alone. */
  personId?: string;
}

export const referralKeys = {
  all: ['referrals'] as const,
  list: (filters: ReferralFilters) => ['referrals', 'list', filters] as const,
  counts: ['referrals', 'counts'] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
};

export function useReferrals(filters: ReferralFilters, enabled = true) {
  return usePagedQuery<ReferralListItem>({
    queryKey: referralKeys.list(filters),
    path: '/api/referrals',
    query: { box: filters.box, status: filters.status?.join(',') || undefined, personId: filters.personId },
    limit: 50,
    enabled,
  });
}

export function useReferralCounts(enabled = true) {
  return useQuery({
    queryKey: referralKeys.counts,
    queryFn: ({ signal }) => apiFetch<ReferralCounts>('/api/referrals/counts', { signal }),
    enabled,
    staleTime: 15_000,
  });
}

export function useReferral(referralId: string) {
  return useQuery({
    queryKey: referralKeys.one(referralId),
    queryFn: ({ signal }) => apiFetch<Referral>(`/api/referrals/${referralId}`, { signal }),
    retry: false,
  });
}

/** Lists, counts and the person's needs follow a referral made or moved. */
function referralChanged(queryClient: ReturnType<typeof useQueryClient>, referral: Referral) {
  queryClient.setQueryData(referralKeys.one(referral.id), referral);
  void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
  void queryClient.invalidateQueries({ queryKey: referralKeys.counts });
  if (referral.person) void queryClient.invalidateQueries({ queryKey: screeningKeys.needs(referral.person.id) });
}

export function useCreateReferral(idempotencyKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReferralBody) =>
      apiFetch<Referral>('/api/referrals', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: (referral) => referralChanged(queryClient, referral),
  });
}

export interface ReferralMove {
  referralId: string;
  /** The version the move is made at (the one the page showed). */
  version: number;
  body: ReferralTransitionBody;
}

export function useMoveReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: ReferralMove) =>
      apiFetch<Referral>(`/api/referrals/${move.referralId}/transitions`, {
        method: 'POST',
        body: move.body,
        headers: { 'if-match': `W/"${move.version}"` },
      }),
    onSuccess: (referral) => referralChanged(queryClient, referral),
    onError: (error, move) => {
      // 412: someone else changed it first; the answer carries it as it is now, which the page then shows.
      const current = error instanceof ApiError && error.status === 412 ? error.problem.data?.current : undefined;
      if (current && typeof current === 'object') queryClient.setQueryData(referralKeys.one(move.referralId), current);
      void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
    },
  });
}
