// The edge: every error leaving Kith is RFC 9457 application/problem+json that names the field.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConnectionError } from '../db/database';
import { z } from 'zod';
import { AppError, errorStatus, errorTitle, type ErrorCode, type FieldError } from './app-error';

/** RFC 9457 problem+json as every Kith error is sent; named in the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    errors: z.array(z.object({ field: z.string(), message: z.string() }).meta({ id: 'FieldError' })).optional(),
    /** A conflict with records that may be the same (a possible duplicate person): their ids only. */
    candidateIds: z.array(z.string()).optional(),
    /** The record asked for was merged into this one (a duplicate person record): read that one instead. */
    mergedInto: z.string().optional(),
    /** What the client needs to put the request right (what consent is missing, the allowed next states, the record as it is now). */
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema> & { errors?: FieldError[] };

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const problem: Problem = {
    type: `https://kith.example/problems/${error.code.replaceAll('_', '-')}`,
    title: errorTitle[error.code],
    status: error.status,
    detail: error.message,
    instance: request.url.split('?')[0],
    code: error.code,
  };
  if (error.extra.errors?.length) problem.errors = error.extra.errors;
  if (error.extra.candidateIds) problem.candidateIds = error.extra.candidateIds;
  if (error.extra.mergedInto) problem.mergedInto = error.extra.mergedInto;
  if (error.extra.data) problem.data = error.extra.data;
  if (error.extra.retryAfterSeconds) reply.header('retry-after', String(error.extra.retryAfterSeconds));
  return reply.code(error.status).type('application/problem+json').send(problem);
}

const contextNames: Record<string, string> = { body: '', querystring: 'query', params: 'path', headers: 'header' };

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: { keys?: string[] };
}

function fieldErrorsFromValidation(issues: ValidationIssue[], context: string | undefined): FieldError[] {
  const prefix = context ? (contextNames[context] ?? context) : '';
  const name = (instancePath: string, extra?: string) =>
    [prefix, ...instancePath.split('/').filter(Boolean), extra].filter(Boolean).join('.') || prefix || 'body';
  return issues.flatMap((issue) =>
    issue.keyword === 'unrecognized_keys' && issue.params.keys
      ? issue.params.keys.map((key) => ({ field: name(issue.instancePath, key), message: 'is not a known field' }))
      : [{ field: name(issue.instancePath), message: issue.message }],
  );
}

/** Translates any thrown value into an AppError; unknown errors become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isConnectionError(error)) return new AppError('unavailable');
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const errors = fieldErrorsFromValidation(
      fastifyError.validation as unknown as ValidationIssue[],
      fastifyError.validationContext,
    );
    return new AppError('validation_failed', errors.map((entry) => `${entry.field}: ${entry.message}`).join('; '), { errors });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', `body: ${fastifyError.message}`, {
        errors: [{ field: 'body', message: 'is not valid JSON' }],
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    default:
      break;
  }
  if (fastifyError.statusCode === 429) return new AppError('too_many_requests', fastifyError.message);
  if (fastifyError.statusCode === 404) return new AppError('not_found');
  if (fastifyError.statusCode === 403) return new AppError('forbidden');
  if (fastifyError.statusCode === 400 && fastifyError.message) {
    return new AppError('bad_request', fastifyError.message);
  }
  if ((error as { code?: string }).code === '23505') return new AppError('conflict');
  return new AppError('internal');
}

export function registerProblemHandler(
  app: FastifyInstance,
  onDenied: (request: FastifyRequest, error: AppError) => Promise<void>,
): void {
  app.setErrorHandler(async (error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ error: loggableError(error) }, 'unhandled error');
    else if (appError.code === 'unavailable') request.log.warn('database unavailable');
    if (appError.extra.denied) {
      await onDenied(request, appError).catch((auditError: unknown) =>
        request.log.error({ err: auditError }, 'could not write the audit row of a refusal'),
      );
    }
    return sendProblem(reply, request, appError);
  });
}

/**
 * What of an unexpected error may reach the log: its kind, code, message and stack. PostgreSQL
 * errors also carry `detail` and `where`, which can quote the values of a row (an email, a name);
 * those stay out.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { type: error.name, code: (error as { code?: string }).code, message: error.message, stack: error.stack };
}
