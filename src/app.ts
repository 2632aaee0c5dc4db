// Builds the Fastify app: platform plugins first, then each domain's routes, then the web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { audit } from './platform/audit/audit';
import { auditRoutes } from './platform/audit/audit.routes';
import { markRoutesPublic, registerAuthentication, type RouteEntry } from './platform/auth/authenticate';
import type { SessionTiming } from './platform/auth/actor-resolver';
import type { Database } from './platform/db/database';
import { AppError } from './platform/http/app-error';
import { registerProblemHandler, sendProblem } from './platform/http/problem';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerRequestTextCheck } from './platform/http/request-text';
import { tooManyTries } from './platform/http/too-many-tries';
import { DEFAULT_MAP_TILES } from './config';
import { identityRoutes, isDemoMode, type NetworkDefaults } from './domains/identity';
import { directoryRoutes } from './domains/directory';
import { peopleRoutes } from './domains/people';
import { screeningRoutes } from './domains/screening';
import { outreachRoutes } from './domains/outreach';
import { referralsRoutes } from './domains/referrals';
import { hsdsRoutes } from './interop/hsds/api/hsds.routes';
import { fhirRoutes } from './interop/fhir/fhir.routes';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppOptions {
  db: Database;
  timing?: SessionTiming;
  secureCookies?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Log a line for each request (off by default on a terminal: see requestLogging in serve.ts). */
  logRequests?: boolean;
  /** Serve the built web app from web/dist (off in API-only tests). */
  serveWeb?: boolean;
  /** Sign-in attempts one address may make per minute (on top of the sign-in throttling). */
  signInAttemptsPerMinute?: number;
  /** The network's time zone: directory opening hours are local times. */
  timeZone?: string;
  /** The network's country and map tiles (default: the US, OpenStreetMap's tiles). */
  network?: NetworkDefaults;
}

/** The origin a tile URL template's images come from, as CSP writes it ({s} subdomains: any subdomain). */
export function tileOrigin(urlTemplate: string): string {
  const origin = /^(https?:\/\/[^/]+)/.exec(urlTemplate)?.[1] ?? urlTemplate;
  return origin.replace(/\{s\}/g, '*');
}

export const defaultTiming: SessionTiming = { idleMinutes: 12 * 60, maxHours: 7 * 24 };

/** Logs carry the method, the path without its query string, and the status: never personal data. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const timing = options.timing ?? defaultTiming;
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: options.logRequests === false }),
    trustProxy: false,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const auditDenied = async (request: FastifyRequest, error: AppError) => {
    const denied = error.extra.denied!;
    await audit(
      db,
      { actor: request.actor, ip: request.ip },
      {
        action: denied.action,
        outcome: 'denied',
        recordType: denied.recordType,
        recordId: denied.recordId,
        recordOrganizationId: denied.recordOrganizationId,
        hiddenFromActorOrganization: error.code === 'not_found',
      },
    );
  };
  registerProblemHandler(app, auditDenied);

  registerRequestTextCheck(app);
  const network: NetworkDefaults = options.network ?? { country: 'US', mapTiles: DEFAULT_MAP_TILES };
  await registerSecurityHeaders(app, {
    secure: options.secureCookies ?? false,
    imageOrigins: network.mapTiles ? [tileOrigin(network.mapTiles.urlTemplate)] : [],
  });
  await app.register(fastifyCookie);
  // Limits are set per route; every one answers in the same plain words, with Retry-After.
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: (_request, limit) => tooManyTries(limit.ttl) });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kith API',
        version: '0.1.0',
        description:
          'The HTTP API of Kith. Sign in for a session cookie (and send its CSRF token in x-csrf-token on writes), or send an API token as Authorization: Bearer. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kith_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (z.globalRegistry) become components.schemas, referenced by $ref.
    transformObject: jsonSchemaTransformObject,
  });
  const routes = registerAuthentication(app, db, timing);
  app.decorate('kithRoutes', routes);
  await app.register(async (scope) => {
    markRoutesPublic(scope);
    await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  });

  let demoMode = await isDemoMode(db).catch(() => false);
  app.decorate('refreshDemoMode', async () => {
    demoMode = await isDemoMode(db);
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true }, config: { public: true } }, async () => ({ status: 'ok' }));
  // Anonymous callers (load balancers) learn only whether Kith can serve, not what it runs on.
  app.get('/readyz', { schema: { hide: true }, config: { public: true } }, async (_request, reply) =>
    (await db.ping())
      ? { status: 'ready' }
      : reply.code(503).type('application/problem+json').send({
          type: 'https://kith.example/problems/unavailable',
          title: 'The database is unreachable',
          status: 503,
          code: 'unavailable',
        }),
  );

  identityRoutes(app, {
    db,
    timing,
    secureCookies: options.secureCookies ?? false,
    demoMode: () => demoMode,
    signInAttemptsPerMinute: options.signInAttemptsPerMinute ?? 30,
    network,
  });
  auditRoutes(app, db);
  hsdsRoutes(app, db);
  directoryRoutes(app, { db, timeZone: options.timeZone ?? 'America/New_York' });
  peopleRoutes(app, { db, timeZone: options.timeZone ?? 'America/New_York' });
  screeningRoutes(app, { db });
  outreachRoutes(app, { db });
  referralsRoutes(app, { db, timeZone: options.timeZone ?? 'America/New_York' });
  await fhirRoutes(app, { db, onDenied: auditDenied });

  const serveWeb = options.serveWeb ?? true;
  if (serveWeb && fs.existsSync(path.join(webDistDir, 'index.html'))) {
    await app.register(async (scope) => {
      markRoutesPublic(scope);
      // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
      // preCompressed: the .br/.gz files written at build time; hashed names under assets/ never change.
      await scope.register(fastifyStatic, {
        root: webDistDir,
        wildcard: true,
        index: ['index.html'],
        preCompressed: true,
        cacheControl: false,
        setHeaders: (res, filePath) => {
          const immutable = path.relative(webDistDir, filePath).startsWith(`assets${path.sep}`);
          res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
          res.setHeader('vary', 'accept-encoding');
        },
      });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    const isApi = pathname.startsWith('/api/') || pathname === '/api';
    const isAsset = pathname.startsWith('/assets/');
    if (!isApi && !isAsset && request.method === 'GET' && serveWeb && fs.existsSync(path.join(webDistDir, 'index.html'))) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(fs.createReadStream(path.join(webDistDir, 'index.html')));
    }
    return sendProblem(reply, request, new AppError('not_found', `Nothing at ${request.method} ${pathname}.`));
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    refreshDemoMode: () => Promise<void>;
    /** Every route with who may call it (the route fuzzer walks them). */
    kithRoutes: RouteEntry[];
  }
}
