// The app's one QueryClient. The signed-in user (with the CSRF token) lives in its cache under
// `meKey`; when the server says the session is gone, that entry becomes null and the session
// guard sends the user to the sign-in page.
import { QueryClient } from '@tanstack/react-query';
import i18n from '../i18n';
import { ApiError, configureApiClient } from './client';
import type { Me } from './types';

export const meKey = ['me'] as const;

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx answer will not change by asking again.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

configureApiClient({
  csrfToken: () => queryClient.getQueryData<Me | null>(meKey)?.csrfToken ?? null,
  language: () => i18n.resolvedLanguage ?? 'en',
  onUnauthenticated: () => {
    if (queryClient.getQueryData(meKey)) queryClient.setQueryData(meKey, null);
  },
});
