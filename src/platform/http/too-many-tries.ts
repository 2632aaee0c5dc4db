// The one answer to "too many tries": 429 problem+json, Retry-After in whole seconds, and plain
// words in whole minutes (rounded up, so never too early). Every rate limit of the app and the
// sign-in throttle answer with it.
import { AppError, type ErrorCode } from './app-error';

export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

export function tooManyTriesMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many tries. Wait ${minutes === 1 ? '1 minute' : `${minutes} minutes`}, then try again.`;
}

export function tooManyTries(
  waitMs: number,
  code: Extract<ErrorCode, 'too_many_requests' | 'sign_in_throttled'> = 'too_many_requests',
): AppError {
  const seconds = retryAfterSeconds(waitMs);
  return new AppError(code, tooManyTriesMessage(seconds), { retryAfterSeconds: seconds });
}
