// Resolves the actor of each /api request from the session cookie or a Bearer API token, and
// checks the CSRF token on cookie-authenticated writes. Routes marked `config.public` skip it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import { AppError } from '../http/app-error';
import type { Actor } from './actor';
import { actorFromApiToken, actorFromSession, type SessionTiming } from './credentials.store';
import { sameSecret } from './secrets';

export const SESSION_COOKIE = 'kith_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** The route answers without a signed-in actor. */
    public?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(app: FastifyInstance, db: Database, timing: SessionTiming): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.actor = await resolveActor(request, db, timing);
    if (request.routeOptions.config?.public || request.url.startsWith('/api/docs')) return;
    if (!request.actor) throw new AppError('unauthenticated', 'Sign in, or send an API token as Authorization: Bearer.');
    if (request.actor.via === 'session' && !safeMethods.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, request.actor.csrfToken ?? '')) {
        throw new AppError('csrf_failed', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
      }
    }
  });
}

async function resolveActor(request: FastifyRequest, db: Database, timing: SessionTiming): Promise<Actor | undefined> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match ? await actorFromApiToken(db, match[1]!) : undefined;
    if (!actor) throw new AppError('unauthenticated', 'The API token is unknown or revoked.');
    return actor;
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  return sessionToken ? actorFromSession(db, sessionToken, timing) : undefined;
}

/** The signed-in actor of a route that requires one (every non-public /api route). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
