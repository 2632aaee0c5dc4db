// One error vocabulary: domain code throws AppError(code, …); the edge handler turns it into
// RFC 9457 problem+json with the status from this one table.

export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  sign_in_failed: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  consent_required: 422,
  precondition_required: 428,
  too_many_requests: 429,
  sign_in_throttled: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorTitle: Record<ErrorCode, string> = {
  bad_request: 'The request could not be read',
  validation_failed: 'Some fields are not valid',
  unauthenticated: 'Please sign in',
  sign_in_failed: 'The email or password is not right',
  forbidden: 'You are not allowed to do this',
  csrf_failed: 'The form has expired; reload the page and try again',
  not_found: 'Not found',
  conflict: 'This conflicts with something that already exists',
  precondition_failed: 'This was changed since you read it; here is how it is now',
  payload_too_large: 'The request is too large',
  unsupported_media_type: 'This content type is not accepted',
  unprocessable: 'This cannot be done as asked',
  consent_required: 'The person has not given consent to share this with that organisation',
  precondition_required: 'Send If-Match with the ETag of what you read, so that a change made since is not overwritten',
  too_many_requests: 'Too many requests; wait a moment and try again',
  sign_in_throttled: 'Too many sign-in tries; wait, then try again',
  internal: 'Something went wrong on our side',
  unavailable: 'Kith cannot reach its database right now; try again shortly',
};

/** One field's problem, named by its path (`email`, `units.0`, `query.limit`). */
export interface FieldError {
  field: string;
  message: string;
}

/** What the audit log should record when this error refuses an actor. */
export interface DeniedAccess {
  action: string;
  recordType: string;
  recordId?: string;
  recordOrganizationId?: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly extra: {
      errors?: FieldError[];
      denied?: DeniedAccess;
      retryAfterSeconds?: number;
      /** The ids of the existing records a conflict is with (possible duplicates), never their data. */
      candidateIds?: string[];
      /** The record this one was merged into (a duplicate person record): the id to read instead. */
      mergedInto?: string;
      /**
       * What the client needs to put the request right, already shaped for the answer (a presenter's
       * output, never a row): what consent is missing, the states a record may go to, the record
       * as it is now after a stale If-Match.
       */
      data?: Record<string, unknown>;
    } = {},
  ) {
    super(message ?? errorTitle[code]);
  }

  get status(): number {
    return errorStatus[this.code];
  }

  static field(field: string, message: string, code: ErrorCode = 'validation_failed'): AppError {
    return new AppError(code, `${field}: ${message}`, { errors: [{ field, message }] });
  }
}
