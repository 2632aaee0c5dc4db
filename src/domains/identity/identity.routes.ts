// Table of contents of the identity domain's HTTP API: one entry per endpoint.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coalescedAudit } from '../../platform/audit/audit';
import { actorOf, SESSION_COOKIE } from '../../platform/auth/authenticate';
import { isNetworkAdmin } from '../../platform/auth/actor';
import type { UseCaseContext } from '../../platform/context';
import type { Database } from '../../platform/db/database';
import type { SessionTiming } from '../../platform/auth/credentials.store';
import { AppError } from '../../platform/http/app-error';
import { createOrganization } from './create-organization';
import { createUser } from './create-user';
import * as schema from './identity.schema';
import { presentApiToken, presentOrganization, presentUnit, presentUser } from './identity.presenter';
import { findOrganization, findUser, listApiTokens } from './identity.store';
import { createApiToken, revokeApiToken } from './manage-api-tokens';
import { createUnit, updateUnit } from './manage-units';
import { readOrganization, readOrganizations, readUnits, readUser, readUsers } from './read-identity';
import { signIn } from './sign-in';
import { DEVICE_DAYS } from './sign-in-throttle.store';
import { signOut } from './sign-out';
import { changeOwnPassword } from './change-own-password';
import { readUserApiTokens } from './read-user-api-tokens';
import { updateOrganization } from './update-organization';
import { updateUser } from './update-user';

export interface IdentityRouteOptions {
  db: Database;
  timing: SessionTiming;
  secureCookies: boolean;
  demoMode: () => boolean;
  signInAttemptsPerMinute: number;
}

const NoContent = z.null().describe('No content');
/** The device cookie: set at a successful sign-in, it spares this browser a stranger's throttling. */
const DEVICE_COOKIE = 'kith_device';

export function identityRoutes(app: FastifyInstance, options: IdentityRouteOptions): void {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest): UseCaseContext => ({ db, actor: actorOf(request), ip: request.ip });
  const tags = ['identity'];
  const auditRateLimited = coalescedAudit();

  api.post('/api/auth/sign-in', {
    schema: { tags, summary: 'Sign in with email and password; sets the session cookie', body: schema.SignInBody, response: { 200: schema.Me } },
    config: {
      public: true,
      // Per address; answered in plain words (app.ts) and audited in onError below.
      rateLimit: { max: options.signInAttemptsPerMinute, timeWindow: '1 minute' },
    },
    onError: async (request, _reply, error) => {
      // Only the address limit above refuses sign-in with too_many_requests (the throttle of the
      // use case answers sign_in_throttled and audits itself). The body is not read yet: no user.
      if (!(error instanceof AppError) || error.code !== 'too_many_requests') return;
      await auditRateLimited(db, request.ip, { ip: request.ip, fallbackKind: 'anonymous' }, {
        action: 'session.sign_in',
        outcome: 'failure',
        details: { reason: 'rate_limited' },
      }).catch((auditError: unknown) => request.log.error({ err: auditError }, 'could not write the audit row of a refusal'));
    },
    handler: async (request, reply) => {
      const session = await signIn({
        db,
        body: request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        timing: options.timing,
        deviceToken: request.cookies[DEVICE_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        path: '/',
        maxAge: options.timing.maxHours * 3600,
      });
      // Marks this browser as one the account signed in from (sign-in-throttle.ts); sent back
      // only to this route.
      reply.setCookie(DEVICE_COOKIE, session.deviceToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        path: '/api/auth/sign-in',
        maxAge: DEVICE_DAYS * 24 * 3600,
      });
      const user = (await findUser(db, session.userId))!;
      const organization = (await findOrganization(db, user.organization_id))!;
      return {
        user: { id: user.id, email: user.email, displayName: user.display_name, roles: user.roles, unitIds: user.unit_ids },
        organization: { id: organization.id, name: organization.name, isHost: organization.is_host },
        networkAdmin: organization.is_host && user.roles.includes('admin'),
        csrfToken: session.csrfToken,
        demoMode: options.demoMode(),
      };
    },
  });

  api.post('/api/auth/sign-out', {
    schema: { tags, summary: 'End the current session', response: { 204: NoContent } },
    handler: async (request, reply) => {
      await signOut({ db, actor: actorOf(request), ip: request.ip });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  api.get('/api/me', {
    schema: { tags, summary: 'The signed-in user, their organisation and roles', response: { 200: schema.Me } },
    handler: async (request) => {
      const actor = actorOf(request);
      return {
        user: { id: actor.userId, email: actor.email, displayName: actor.displayName, roles: actor.roles, unitIds: actor.unitIds },
        organization: { id: actor.organizationId, name: actor.organizationName, isHost: actor.organizationIsHost },
        networkAdmin: isNetworkAdmin(actor),
        csrfToken: actor.csrfToken ?? null,
        demoMode: options.demoMode(),
      };
    },
  });

  api.get('/api/organizations', {
    schema: { tags, summary: "The network's organisations", querystring: schema.ListQuery, response: { 200: schema.OrganizationPage } },
    handler: async (request) => {
      const page = await readOrganizations(context(request), request.query);
      return { ...page, items: page.items.map(presentOrganization) };
    },
  });

  api.post('/api/organizations', {
    schema: { tags, summary: 'Add an organisation to the network', body: schema.CreateOrganizationBody, response: { 201: schema.Organization } },
    handler: async (request, reply) => {
      const organization = await createOrganization(context(request), { body: request.body });
      return reply.code(201).send(presentOrganization(organization));
    },
  });

  api.get('/api/organizations/:organizationId', {
    schema: { tags, summary: 'One organisation', params: schema.OrganizationIdParams, response: { 200: schema.Organization } },
    handler: async (request) => readOrganization(context(request), request.params.organizationId),
  });

  api.patch('/api/organizations/:organizationId', {
    schema: {
      tags,
      summary: "Change an organisation's details",
      params: schema.OrganizationIdParams,
      body: schema.UpdateOrganizationBody,
      response: { 200: schema.Organization },
    },
    handler: async (request) =>
      presentOrganization(await updateOrganization(context(request), { organizationId: request.params.organizationId, body: request.body })),
  });

  api.get('/api/organizations/:organizationId/units', {
    schema: { tags, summary: "An organisation's departments and programs", params: schema.OrganizationIdParams, querystring: schema.ListQuery, response: { 200: schema.UnitPage } },
    handler: async (request) => readUnits(context(request), request.params.organizationId, request.query),
  });

  api.post('/api/organizations/:organizationId/units', {
    schema: { tags, summary: 'Add a department or program', params: schema.OrganizationIdParams, body: schema.CreateUnitBody, response: { 201: schema.Unit } },
    handler: async (request, reply) => {
      const unit = await createUnit(context(request), { organizationId: request.params.organizationId, body: request.body });
      return reply.code(201).send(presentUnit(unit));
    },
  });

  api.patch('/api/units/:unitId', {
    schema: { tags, summary: 'Change a department or program', params: schema.UnitIdParams, body: schema.UpdateUnitBody, response: { 200: schema.Unit } },
    handler: async (request) => presentUnit(await updateUnit(context(request), { unitId: request.params.unitId, body: request.body })),
  });

  api.get('/api/organizations/:organizationId/users', {
    schema: { tags, summary: "An organisation's users", params: schema.OrganizationIdParams, querystring: schema.ListQuery, response: { 200: schema.UserPage } },
    handler: async (request) => readUsers(context(request), request.params.organizationId, request.query),
  });

  api.post('/api/users', {
    schema: { tags, summary: 'Add a user to an organisation', body: schema.CreateUserBody, response: { 201: schema.User } },
    handler: async (request, reply) => reply.code(201).send(presentUser(await createUser(context(request), { body: request.body }))),
  });

  api.get('/api/users/:userId', {
    schema: { tags, summary: 'One user', params: schema.UserIdParams, response: { 200: schema.User } },
    handler: async (request) => readUser(context(request), request.params.userId),
  });

  api.patch('/api/users/:userId', {
    schema: { tags, summary: "Change a user's name, roles, units or password, or disable them", params: schema.UserIdParams, body: schema.UpdateUserBody, response: { 200: schema.User } },
    handler: async (request) => presentUser(await updateUser(context(request), { userId: request.params.userId, body: request.body })),
  });

  api.post('/api/me/password', {
    schema: {
      tags,
      summary: 'Change my password (needs the current one); ends my other sessions',
      body: schema.ChangeOwnPasswordBody,
      response: { 204: NoContent },
    },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      await changeOwnPassword(context(request), { body: request.body });
      return reply.code(204).send(null);
    },
  });

  api.get('/api/users/:userId/tokens', {
    schema: {
      tags,
      summary: "A user's API tokens (the user, or an admin of their organisation)",
      params: schema.UserIdParams,
      response: { 200: z.object({ items: z.array(schema.ApiToken) }) },
    },
    handler: async (request) => ({
      items: (await readUserApiTokens(context(request), { userId: request.params.userId })).map(presentApiToken),
    }),
  });

  api.get('/api/tokens', {
    schema: { tags, summary: 'My API tokens (never their secret)', response: { 200: z.object({ items: z.array(schema.ApiToken) }) } },
    handler: async (request) => ({ items: (await listApiTokens(db, actorOf(request).userId)).map(presentApiToken) }),
  });

  api.post('/api/tokens', {
    schema: { tags, summary: 'Make an API token; its secret is shown only in this answer', body: schema.CreateApiTokenBody, response: { 201: schema.CreatedApiToken } },
    handler: async (request, reply) => {
      const created = await createApiToken(context(request), { userId: actorOf(request).userId, name: request.body.name });
      return reply.code(201).send({ ...presentApiToken(created.row), token: created.token });
    },
  });

  api.delete('/api/tokens/:tokenId', {
    schema: { tags, summary: 'Revoke an API token (its user, or an admin of their organisation)', params: schema.TokenIdParams, response: { 200: schema.ApiToken } },
    handler: async (request) => presentApiToken(await revokeApiToken(context(request), { tokenId: request.params.tokenId })),
  });
}
