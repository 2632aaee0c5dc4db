// Screening, needs and goals: the questionnaires, a person's screenings, needs and goals, and their history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import type {
  AddGoalBody,
  AddNeedBody,
  ChangeGoalBody,
  ChangeNeedBody,
  Goal,
  Need,
  NeedChange,
  QuestionnaireDetail,
  QuestionnaireSummary,
  RecordScreeningBody,
  ReplaceRulesBody,
  ScoringRule,
  Screening,
  ScreeningResult,
} from './types';

export const screeningKeys = {
  questionnaires: ['questionnaires'] as const,
  questionnaire: (id: string) => ['questionnaires', id] as const,
  needs: (personId: string) => ['needs', personId] as const,
  history: (personId: string) => ['needs', personId, 'history'] as const,
  screenings: (personId: string) => ['screenings', personId] as const,
  goals: (personId: string) => ['goals', personId] as const,
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

/** A person's screenings, newest first (only where the viewer sees their needs). */
export function useScreenings(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: screeningKeys.screenings(personId),
    queryFn: ({ signal }) => apiFetch<{ items: Screening[] }>(`/api/people/${personId}/screenings`, { signal }),
    select: (data) => data.items,
    retry: false,
    enabled,
  });
}

export function useRecordScreening(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordScreeningBody) =>
      apiFetch<ScreeningResult>(`/api/people/${personId}/screenings`, { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: screeningKeys.needs(personId) }),
        queryClient.invalidateQueries({ queryKey: screeningKeys.screenings(personId) }),
      ]),
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

export function useAddNeed(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddNeedBody) => apiFetch<Need>(`/api/people/${personId}/needs`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningKeys.needs(personId) }),
  });
}

/** A person's goals; a 404 (no consent naming the care plan) is an answer, not an error to retry. */
export function useGoals(personId: string) {
  return useQuery({
    queryKey: screeningKeys.goals(personId),
    queryFn: ({ signal }) => apiFetch<{ items: Goal[] }>(`/api/people/${personId}/goals`, { signal }),
    select: (data) => data.items,
    retry: false,
  });
}

export function useAddGoal(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddGoalBody) => apiFetch<Goal>(`/api/people/${personId}/goals`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningKeys.goals(personId) }),
  });
}

export function useChangeGoal(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ goalId, body }: { goalId: string; body: ChangeGoalBody }) =>
      apiFetch<Goal>(`/api/people/${personId}/goals/${goalId}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningKeys.goals(personId) }),
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
