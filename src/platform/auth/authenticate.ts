// Who may call a route is declared on the route, and enforced here from the route the router
// matched — never from the text of the URL (`/%61pi/…` and `/api/…` are the same route).
// A route answers anyone only when it says `config: { public: true }`; every other route needs
// a signed-in actor (a session cookie, or an API token as Bearer), and a cookie-authenticated
// write must also carry the session's CSRF token. Refusals are written to the audit log. Which
// actor a cookie or a token stands for is asked of the resolver the identity domain registered
// (actor-resolver.ts): the platform reads no table of a domain.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { coalescedAudit } from '../audit/audit';
import type { Database } from '../db/database';
import { AppError } from '../http/app-error';
import type { UseCaseContext } from '../context';
import type { Actor } from './actor';
import { actorResolver, type ActorResolver, type SessionTiming } from './actor-resolver';
import { sameSecret } from './secrets';

export const SESSION_COOKIE = 'kith_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** The route answers without a signed-in actor. Absent: a signed-in actor is required. */
    public?: boolean;
    /**
     * A public route that answers a caller with an API token more (the whole HSDS directory in
     * one stream): a Bearer token, when sent, is resolved, and refused when it is wrong.
     */
    optionalActor?: boolean;
  }
}

/** One route as the app registered it, with who may call it: what the route fuzzer walks. */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Marks every route registered inside `scope` public: for third-party plugins that serve only
 * public files (the built web app, the API's documentation page).
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
}

export function registerAuthentication(app: FastifyInstance, db: Database, timing: SessionTiming): RouteEntry[] {
  // Asked now, so that an app nobody could sign in to fails at start rather than at each request.
  const resolver = actorResolver();
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read when asked, not now: a scope's own onRoute hook (markRoutesPublic) runs after this one.
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        get public() {
          return route.config?.public === true;
        },
      });
    }
  });
  app.decorateRequest('actor', undefined);
  const auditRefusal = coalescedAudit();
  app.addHook('onRequest', async (request) => {
    // No route matched: the not-found handler answers, and a 404 tells nothing.
    if (request.is404) return;
    const config = request.routeOptions.config;
    if (config?.public === true) {
      // Only a token counts here: a browser's stale cookie must not turn a public page into a 401.
      if (!config.optionalActor || !request.headers.authorization) return;
      const resolved = await resolveActor(request, db, resolver, timing);
      if (!resolved.actor)
        throw new AppError('unauthenticated', 'The credentials sent are unknown or expired; send none to read as a guest.');
      request.actor = resolved.actor;
      return;
    }
    const refusal = async (reason: string, actor?: Actor) => {
      const action = reason === 'csrf_failed' ? 'request.csrf_refused' : 'request.unauthenticated';
      const route = request.routeOptions.url ?? null;
      await auditRefusal(
        db,
        `${request.ip}|${action}|${request.method}|${route}`,
        actor ? { actor, ip: request.ip } : { ip: request.ip, fallbackKind: 'anonymous' },
        {
          action,
          outcome: 'denied',
          details: { method: request.method, route, reason },
        },
      ).catch((error: unknown) => request.log.error({ err: error }, 'could not write the audit row of a refusal'));
    };
    const resolved = await resolveActor(request, db, resolver, timing);
    if (!resolved.actor) {
      await refusal(resolved.reason);
      throw new AppError(
        'unauthenticated',
        resolved.reason === 'unknown_token'
          ? 'The API token is unknown or revoked.'
          : 'Sign in, or send an API token as Authorization: Bearer.',
      );
    }
    request.actor = resolved.actor;
    if (resolved.actor.via === 'session' && !safeMethods.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, resolved.actor.csrfToken ?? '')) {
        await refusal('csrf_failed', resolved.actor);
        throw new AppError('csrf_failed', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
      }
    }
  });
  return routes;
}

type Resolved =
  { actor: Actor; reason?: undefined } | { actor?: undefined; reason: 'no_credentials' | 'unknown_token' | 'expired_session' };

async function resolveActor(
  request: FastifyRequest,
  db: Database,
  resolver: ActorResolver,
  timing: SessionTiming,
): Promise<Resolved> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match ? await resolver.fromApiToken(db, match[1]!) : undefined;
    return actor ? { actor } : { reason: 'unknown_token' };
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (!sessionToken) return { reason: 'no_credentials' };
  const actor = await resolver.fromSession(db, sessionToken, timing);
  return actor ? { actor } : { reason: 'expired_session' };
}

/** The signed-in actor of a route that requires one; fails closed when there is none. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/**
 * The context a route hands its use case: the signed-in actor, or `anonymous` on a public route
 * that nobody signed in to. A route that requires an actor and has none fails closed.
 */
export function contextOf(request: FastifyRequest, db: Database): UseCaseContext {
  const actor = request.actor ?? (request.routeOptions.config?.public === true ? 'anonymous' : actorOf(request));
  return { db, actor, ip: request.ip };
}
