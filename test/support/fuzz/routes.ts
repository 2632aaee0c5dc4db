// The routes the fuzzer walks: every route the app registered (`app.kithRoutes`), each with what
// the OpenAPI document says of its parameters and body. A route the document hides (/healthz,
// /hsds/*, the documentation's static files) is still walked, with only what its URL tells.
import type { RouteEntry } from '../../../src/platform/auth/authenticate';

/** The part of JSON Schema (as the OpenAPI document holds it) the generators read. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
}

export type FieldLocation = 'path' | 'query' | 'body';

export interface Field {
  name: string;
  location: FieldLocation;
  schema: JsonSchema;
  required: boolean;
}

export interface RouteModel {
  method: string;
  /** Fastify's spelling: `/api/users/:userId`, `/hsds/*`. */
  url: string;
  /** `METHOD url`, how failures and the tables of the fixture name a route. */
  key: string;
  public: boolean;
  /** Described by the OpenAPI document (HEAD routes borrow their GET's description). */
  documented: boolean;
  /** Names of the path parameters, in order; `*` for a wildcard. */
  pathParams: string[];
  /** Schemas of the path parameters the document gives. */
  pathSchemas: Record<string, JsonSchema>;
  query: Field[];
  /** Top-level fields of the JSON body; undefined when the document gives no body. */
  body?: Field[];
  bodyRequired: boolean;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isWrite = (method: string) => writeMethods.has(method);

/** `/api/users/{userId}` (OpenAPI) → `/api/users/:userId` (Fastify). */
const toFastifyUrl = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/** The path parameters of a Fastify URL: `:name` (an optional regexp after it) and `*`. */
export function pathParamsOf(url: string): string[] {
  const names: string[] = [];
  for (const match of url.matchAll(/:([A-Za-z0-9_]+)|\*/g)) names.push(match[1] ?? '*');
  return names;
}

function resolve(document: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (schema.$ref?.startsWith('#/components/schemas/')) {
    const target = document.components?.schemas?.[schema.$ref.slice('#/components/schemas/'.length)];
    if (!target) throw new Error(`the OpenAPI document has no ${schema.$ref}`);
    return resolve(document, target);
  }
  return schema;
}

/**
 * Joins the app's routes with the document. Returns the routes to walk and the operations the
 * document lists that the app does not serve (a document that promises a route nobody answers).
 */
export function routeModels(
  document: OpenApiDocument,
  served: readonly RouteEntry[],
): { routes: RouteModel[]; unserved: string[] } {
  const operations = new Map<string, OpenApiOperation>();
  for (const [path, byMethod] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(byMethod)) {
      if (['get', 'put', 'post', 'patch', 'delete', 'head', 'options'].includes(method)) {
        operations.set(`${method.toUpperCase()} ${toFastifyUrl(path)}`, operation);
      }
    }
  }
  const routes: RouteModel[] = [];
  const seen = new Set<string>();
  for (const entry of served) {
    const key = `${entry.method} ${entry.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // HEAD is GET without the body: it answers from the GET route's handler and schema.
    const operation = operations.get(key) ?? (entry.method === 'HEAD' ? operations.get(`GET ${entry.url}`) : undefined);
    const parameters = (operation?.parameters ?? []).map((parameter) => ({
      ...parameter,
      schema: resolve(document, parameter.schema),
    }));
    const bodySchema = resolve(document, operation?.requestBody?.content?.['application/json']?.schema);
    const hasBody = operation?.requestBody !== undefined && entry.method !== 'HEAD';
    const required = new Set(bodySchema.required ?? []);
    routes.push({
      method: entry.method,
      url: entry.url,
      key,
      public: entry.public,
      documented: operation !== undefined,
      pathParams: pathParamsOf(entry.url),
      pathSchemas: Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.schema])),
      query: parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, location: 'query' as const, schema: p.schema, required: p.required === true })),
      body: hasBody
        ? Object.entries(bodySchema.properties ?? {}).map(([name, schema]) => ({
            name,
            location: 'body' as const,
            schema: resolve(document, schema),
            required: required.has(name),
          }))
        : undefined,
      bodyRequired: hasBody && operation?.requestBody?.required === true,
    });
  }
  const unserved = [...operations.keys()].filter((key) => !seen.has(key));
  return { routes, unserved };
}
