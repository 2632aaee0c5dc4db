// FHIR R4 under /fhir/R4: the metadata, and for each resource type of the registry its read,
// search and create. Authentication is the app's (a session cookie or an API token); every read
// goes through the people domain's use cases, so its access rule and audit rows hold here as on
// the web. Answers are application/fhir+json; every error is an OperationOutcome.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth/authenticate';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { toAppError } from '../../platform/http/problem';
import { capabilityStatement } from './capability-statement';
import { FHIR_JSON, sendOutcome } from './operation-outcome';
import { resources, type FhirResource, type FhirResourceType } from './registry';

export const FHIR_BASE_PATH = '/fhir/R4';

const Id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const Format = z.enum(['json', 'application/json', 'application/fhir+json']).optional();

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${FHIR_BASE_PATH}`;
}

function send(reply: FastifyReply, status: number, resource: unknown): FastifyReply {
  return reply.code(status).type(FHIR_JSON).header('cache-control', 'no-store').send(resource);
}

function searchQuery(resource: FhirResourceType) {
  const params = Object.fromEntries(
    (resource.search?.params ?? []).map((param) => [
      param.name,
      (param.repeats ? z.union([param.schema, z.array(param.schema).min(1).max(4)]) : param.schema).optional(),
    ]),
  );
  return z.strictObject({
    ...params,
    _count: z.coerce.number().int().min(1).max(100).default(20),
    _cursor: z.string().max(500).optional(),
    _format: Format,
  });
}

export interface FhirRouteOptions {
  db: Database;
  /** Writes the audit row of a refusal, as the app's problem handler does. */
  onDenied: (request: FastifyRequest, error: AppError) => Promise<void>;
}

export async function fhirRoutes(app: FastifyInstance, options: FhirRouteOptions): Promise<void> {
  const { db, onDenied } = options;
  await app.register(
    async (scope) => {
      scope.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (_request, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(
            new AppError('bad_request', 'The body is not valid JSON.', {
              errors: [{ field: 'body', message: 'is not valid JSON' }],
            }),
          );
        }
      });
      scope.setErrorHandler(async (error, request, reply) => {
        const appError = toAppError(error);
        if (appError.code === 'internal') request.log.error({ error: (error as Error).name }, 'unhandled FHIR error');
        if (appError.extra.denied) {
          await onDenied(request, appError).catch((auditError: unknown) =>
            request.log.error({ err: auditError }, 'could not write the audit row of a refusal'),
          );
        }
        return sendOutcome(reply, appError);
      });
      scope.setNotFoundHandler((request, reply) =>
        sendOutcome(reply, new AppError('not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}.`)),
      );

      const api = scope.withTypeProvider<ZodTypeProvider>();
      const tags = ['fhir'];
      api.get('/metadata', {
        schema: {
          tags,
          summary: 'The CapabilityStatement: what this FHIR server serves',
          security: [],
          querystring: z.strictObject({ _format: Format }),
        },
        config: { public: true },
        handler: async (request, reply) => send(reply, 200, capabilityStatement(baseUrl(request))),
      });

      for (const resource of resources) {
        const { type, idParam } = resource;
        const readId = resource.readId ?? uuid;
        if (resource.read) {
          const read = resource.read;
          api.get(`/${type}/:${idParam}`, {
            schema: {
              tags,
              summary: `Read a ${type}`,
              params: z.strictObject({ [idParam]: Id }),
              querystring: z.strictObject({ _format: Format }),
            },
            handler: async (request, reply) => {
              const id = (request.params as Record<string, string>)[idParam]!;
              // Kith's ids are UUIDs (or made of one): any other id names nothing (and never reaches SQL).
              if (!readId.test(id)) throw new AppError('not_found', `No ${type} with this id.`);
              return send(reply, 200, await read(contextOf(request, db), id.toLowerCase()));
            },
          });
        }
        if (resource.search) {
          const search = resource.search;
          const names = search.params.map((param) => param.name);
          api.get(`/${type}`, {
            schema: {
              tags,
              summary: `Search ${type} (${names.join(', ')}; _count, paging by link next)`,
              querystring: searchQuery(resource),
            },
            handler: async (request, reply) => {
              const query = request.query as Record<string, unknown> & { _count: number; _cursor?: string };
              const all = Object.fromEntries(
                names.map((name) => {
                  const value = query[name] as string | string[] | undefined;
                  return [name, value === undefined ? [] : Array.isArray(value) ? value : [value]];
                }),
              );
              const values = Object.fromEntries(names.map((name) => [name, all[name]![0]]));
              const page = await search.run(contextOf(request, db), values, { count: query._count, cursor: query._cursor }, all);
              return send(
                reply,
                200,
                searchset(baseUrl(request), type, all, query._count, query._cursor, page.resources, page.nextCursor),
              );
            },
          });
        }
        if (resource.create) {
          const create = resource.create;
          api.post(`/${type}`, {
            schema: { tags, summary: resource.createSummary ?? `Create a ${type}` },
            handler: async (request, reply) => {
              const created = await create(contextOf(request, db), request.body);
              reply.header('location', `${baseUrl(request)}/${type}/${created.id}`);
              return send(reply, 201, created);
            },
          });
        }
      }
    },
    { prefix: FHIR_BASE_PATH },
  );
}

/** A searchset Bundle: the page's resources, a self link, and a next link while there are more. */
function searchset(
  base: string,
  type: string,
  values: Record<string, string[]>,
  count: number,
  cursor: string | undefined,
  found: FhirResource[],
  nextCursor: string | null,
) {
  const link = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [name, list] of Object.entries(values)) for (const value of list) params.append(name, value);
    params.set('_count', String(count));
    for (const [name, value] of Object.entries(extra)) params.set(name, value);
    return `${base}/${type}?${params.toString()}`;
  };
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    link: [
      { relation: 'self', url: link(cursor ? { _cursor: cursor } : {}) },
      ...(nextCursor ? [{ relation: 'next', url: link({ _cursor: nextCursor }) }] : []),
    ],
    entry: found.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
