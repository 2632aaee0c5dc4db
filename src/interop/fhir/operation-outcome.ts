// Errors at the FHIR edge: every AppError becomes an OperationOutcome (application/fhir+json) with
// the HTTP status of the error vocabulary; a field error names its element as a FHIRPath
// expression (Patient.birthDate), possible duplicates are named as Patient references.
import type { FastifyReply } from 'fastify';
import type { AppError, ErrorCode } from '../../platform/http/app-error';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** The OperationOutcome issue type of each error code (http://hl7.org/fhir/issue-type). */
const issueType: Record<ErrorCode, string> = {
  bad_request: 'structure',
  validation_failed: 'invalid',
  unauthenticated: 'login',
  sign_in_failed: 'login',
  forbidden: 'forbidden',
  csrf_failed: 'security',
  not_found: 'not-found',
  conflict: 'conflict',
  precondition_failed: 'conflict',
  payload_too_large: 'too-costly',
  unsupported_media_type: 'not-supported',
  unprocessable: 'business-rule',
  consent_required: 'security',
  precondition_required: 'required',
  too_many_requests: 'throttled',
  sign_in_throttled: 'throttled',
  internal: 'exception',
  unavailable: 'transient',
};

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: {
    severity: 'fatal' | 'error' | 'warning' | 'information';
    code: string;
    diagnostics?: string;
    details?: { text: string };
    expression?: string[];
  }[];
}

/** A field as the FHIR edge names it: a FHIRPath (`Patient.birthDate`) stays; a query field stays as sent. */
const isFhirPath = (field: string) => /^[A-Z][A-Za-z]+(\.|$)/.test(field);

export function operationOutcome(error: AppError): OperationOutcome {
  const code = issueType[error.code];
  const fieldErrors = error.extra.errors ?? [];
  const issues: OperationOutcome['issue'] = fieldErrors.map((fieldError) => ({
    severity: 'error',
    code,
    diagnostics: `${fieldError.field}: ${fieldError.message}`,
    ...(isFhirPath(fieldError.field) && { expression: [fieldError.field] }),
  }));
  for (const id of error.extra.candidateIds ?? []) {
    issues.push({
      severity: 'error',
      code: 'duplicate',
      diagnostics: `Patient/${id} may be the same person; check that record before adding this one.`,
      details: { text: `Patient/${id}` },
    });
  }
  if (issues.length === 0 || error.extra.candidateIds?.length) {
    issues.unshift({ severity: error.status >= 500 ? 'fatal' : 'error', code, diagnostics: error.message });
  }
  return { resourceType: 'OperationOutcome', issue: issues };
}

export function sendOutcome(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.extra.retryAfterSeconds) reply.header('retry-after', String(error.extra.retryAfterSeconds));
  return reply.code(error.status).type(FHIR_JSON).header('cache-control', 'no-store').send(operationOutcome(error));
}
