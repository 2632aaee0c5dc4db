// Screening and needs: the questionnaires, a person's screenings, needs and their history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import type {
  ChangeNeedBody,
  Need,
  NeedChange,
  QuestionnaireDetail,
  QuestionnaireSummary,
  RecordScreeningBody,
  ReplaceRulesBody,
  ScoringRule,
  ScreeningResult,
} from './types';

export const screeningKeys = {
  questionnaires: ['questionnaires'] as const,
  questionnaire: (id: string) => ['questionnaires', id] as const,
  needs: (personId: string) => ['needs', personId] as const,
  history: (personId: string) => ['needs', personId, 'history'] as const,
};

export function useQuestionnaires() {
  return useQuery({
    queryKey: screeningKeys.questionnaires,
    queryFn: ({ signal }) => apiFetch<{ items: QuestionnaireSummary[] }>('/api/questionnaires', { signal }),
    select: (data) => data.items,
  });
}

export function useQuestionnaire(id: string | null) {
  return useQuery({
    queryKey: screeningKeys.questionnaire(id ?? ''),
    queryFn: ({ signal }) => apiFetch<QuestionnaireDetail>(`/api/questionnaires/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** A person's needs; a 404 (no consent naming needs) is an answer, not an error to retry. */
export function useNeeds(personId: string, enabled = true) {
  return useQuery({
    queryKey: screeningKeys.needs(personId),
    queryFn: ({ signal }) => apiFetch<{ items: Need[] }>(`/api/people/${personId}/needs`, { signal }),
    select: (data) => data.items,
    retry: false,
    enabled,
  });
}

export function useNeedHistory(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: screeningKeys.history(personId),
    queryFn: ({ signal }) => apiFetch<{ items: NeedChange[] }>(`/api/people/${personId}/needs/history`, { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useRecordScreening(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordScreeningBody) =>
      apiFetch<ScreeningResult>(`/api/people/${personId}/screenings`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningKeys.needs(personId) }),
  });
}

export function useChangeNeed(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ needId, body }: { needId: string; body: ChangeNeedBody }) =>
      apiFetch<Need>(`/api/people/${personId}/needs/${needId}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningKeys.needs(personId) }),
  });
}

export function useReplaceRules(questionnaireId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReplaceRulesBody) =>
      apiFetch<{ items: ScoringRule[] }>(`/api/questionnaires/${questionnaireId}/rules`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningKeys.questionnaires }),
  });
}
