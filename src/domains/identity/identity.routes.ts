// Table of contents of the identity domain's HTTP API: one entry per endpoint. Each route hands
// its use case a context with its actor (anonymous on sign-in) and shapes the answer with a presenter.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coalescedAudit } from '../../platform/audit/audit';
import type { SessionTiming } from '../../platform/auth/actor-resolver';
import { actorOf, contextOf, SESSION_COOKIE } from '../../platform/auth/authenticate';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { changeOwnPassword } from './change-own-password';
import { createApiToken } from './create-api-token';
import { createOrganization } from './create-organization';
import { createUnit } from './create-unit';
import { createUser } from './create-user';
import * as present from './identity.presenter';
import * as schema from './identity.schema';
import type { NetworkDefaults } from './network-settings';
import { readMe } from './read-me';
import { readNetworkSettings } from './read-network-settings';
import { readOrganization } from './read-organization';
import { readOrganizations } from './read-organizations';
import { readUnits } from './read-units';
import { readUser } from './read-user';
import { readUserApiTokens } from './read-user-api-tokens';
import { readUsers } from './read-users';
import { revokeApiToken } from './revoke-api-token';
import { signIn } from './sign-in';
import { DEVICE_DAYS } from './sign-in-throttle.store';
import { signOut } from './sign-out';
import { updateOrganization } from './update-organization';
import { updateNetworkSettings } from './update-network-settings';
import { updateUnit } from './update-unit';
import { updateUser } from './update-user';

export interface IdentityRouteOptions {
  db: Database;
  timing: SessionTiming;
  secureCookies: boolean;
  demoMode: () => boolean;
  signInAttemptsPerMinute: number;
  /** The deployment's country and map tiles, before the settings the network stored. */
  network: NetworkDefaults;
}

const NoContent = z.null().describe('No content');
/** The device cookie: set at a successful sign-in, it spares this browser a stranger's throttling. */
const DEVICE_COOKIE = 'kith_device';

export function identityRoutes(app: FastifyInstance, options: IdentityRouteOptions): void {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];
  const auditRateLimited = coalescedAudit();

  api.post('/api/auth/sign-in', {
    schema: {
      tags,
      summary: 'Sign in with email and password; sets the session cookie',
      body: schema.SignInBody,
      response: { 200: schema.Me },
    },
    config: {
      public: true,
      // Per address; answered in plain words (app.ts) and audited in onError below.
      rateLimit: { max: options.signInAttemptsPerMinute, timeWindow: '1 minute' },
    },
    onError: async (request, _reply, error) => {
      // Only the address limit above refuses sign-in with too_many_requests (the throttle of the
      // use case answers sign_in_throttled and audits itself). The body is not read yet: no user.
      if (!(error instanceof AppError) || error.code !== 'too_many_requests') return;
      await auditRateLimited(
        db,
        request.ip,
        { ip: request.ip, fallbackKind: 'anonymous' },
        {
          action: 'session.sign_in',
          outcome: 'failure',
          details: { reason: 'rate_limited' },
        },
      ).catch((auditError: unknown) => request.log.error({ err: auditError }, 'could not write the audit row of a refusal'));
    },
    handler: async (request, reply) => {
      const signedIn = await signIn(contextOf(request, db), {
        body: request.body,
        userAgent: request.headers['user-agent'],
        timing: options.timing,
        deviceToken: request.cookies[DEVICE_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, signedIn.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        path: '/',
        maxAge: options.timing.maxHours * 3600,
      });
      // Marks this browser as one the account signed in from (sign-in-throttle.ts); sent back
      // only to this route.
      reply.setCookie(DEVICE_COOKIE, signedIn.deviceToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        path: '/api/auth/sign-in',
        maxAge: DEVICE_DAYS * 24 * 3600,
      });
      return present.presentSignedIn(signedIn, options.demoMode());
    },
  });

  api.post('/api/auth/sign-out', {
    schema: { tags, summary: 'End the current session', response: { 204: NoContent } },
    handler: async (request, reply) => {
      await signOut(contextOf(request, db));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  api.get('/api/me', {
    schema: { tags, summary: 'The signed-in user, their organisation and roles', response: { 200: schema.Me } },
    handler: async (request) => present.presentMe(await readMe(contextOf(request, db)), options.demoMode()),
  });

  api.get('/api/network-settings', {
    schema: {
      tags,
      summary: "The network's settings: the unit of distances, the map tiles",
      response: { 200: schema.NetworkSettings },
    },
    handler: async (request) =>
      present.presentNetworkSettings(await readNetworkSettings(contextOf(request, db), { defaults: options.network })),
  });

  api.patch('/api/network-settings', {
    schema: {
      tags,
      summary: "Change the network's settings (network admins)",
      body: schema.UpdateNetworkSettingsBody,
      response: { 200: schema.NetworkSettings },
    },
    handler: async (request) =>
      present.presentNetworkSettings(
        await updateNetworkSettings(contextOf(request, db), { body: request.body, defaults: options.network }),
      ),
  });

  api.get('/api/organizations', {
    schema: {
      tags,
      summary: "The network's organisations",
      querystring: schema.ListQuery,
      response: { 200: schema.OrganizationPage },
    },
    handler: async (request) =>
      present.presentPage(await readOrganizations(contextOf(request, db), { page: request.query }), present.presentOrganization),
  });

  api.post('/api/organizations', {
    schema: {
      tags,
      summary: 'Add an organisation to the network',
      body: schema.CreateOrganizationBody,
      response: { 201: schema.Organization },
    },
    handler: async (request, reply) => {
      const organization = await createOrganization(contextOf(request, db), { body: request.body });
      return reply.code(201).send(present.presentOrganization(organization));
    },
  });

  api.get('/api/organizations/:organizationId', {
    schema: { tags, summary: 'One organisation', params: schema.OrganizationIdParams, response: { 200: schema.Organization } },
    handler: async (request) =>
      present.presentOrganization(
        await readOrganization(contextOf(request, db), { organizationId: request.params.organizationId }),
      ),
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
      present.presentOrganization(
        await updateOrganization(contextOf(request, db), { organizationId: request.params.organizationId, body: request.body }),
      ),
  });

  api.get('/api/organizations/:organizationId/units', {
    schema: {
      tags,
      summary: "An organisation's departments and programs",
      params: schema.OrganizationIdParams,
      querystring: schema.ListQuery,
      response: { 200: schema.UnitPage },
    },
    handler: async (request) =>
      present.presentPage(
        await readUnits(contextOf(request, db), { organizationId: request.params.organizationId, page: request.query }),
        present.presentUnit,
      ),
  });

  api.post('/api/organizations/:organizationId/units', {
    schema: {
      tags,
      summary: 'Add a department or program',
      params: schema.OrganizationIdParams,
      body: schema.CreateUnitBody,
      response: { 201: schema.Unit },
    },
    handler: async (request, reply) => {
      const unit = await createUnit(contextOf(request, db), {
        organizationId: request.params.organizationId,
        body: request.body,
      });
      return reply.code(201).send(present.presentUnit(unit));
    },
  });

  api.patch('/api/units/:unitId', {
    schema: {
      tags,
      summary: 'Change a department or program',
      params: schema.UnitIdParams,
      body: schema.UpdateUnitBody,
      response: { 200: schema.Unit },
    },
    handler: async (request) =>
      present.presentUnit(await updateUnit(contextOf(request, db), { unitId: request.params.unitId, body: request.body })),
  });

  api.get('/api/organizations/:organizationId/users', {
    schema: {
      tags,
      summary: "An organisation's users",
      params: schema.OrganizationIdParams,
      querystring: schema.ListQuery,
      response: { 200: schema.UserPage },
    },
    handler: async (request) =>
      present.presentPage(
        await readUsers(contextOf(request, db), { organizationId: request.params.organizationId, page: request.query }),
        present.presentUser,
      ),
  });

  api.post('/api/users', {
    schema: { tags, summary: 'Add a user to an organisation', body: schema.CreateUserBody, response: { 201: schema.User } },
    handler: async (request, reply) =>
      reply.code(201).send(present.presentUser(await createUser(contextOf(request, db), { body: request.body }))),
  });

  api.get('/api/users/:userId', {
    schema: { tags, summary: 'One user', params: schema.UserIdParams, response: { 200: schema.User } },
    handler: async (request) => present.presentUser(await readUser(contextOf(request, db), { userId: request.params.userId })),
  });

  api.patch('/api/users/:userId', {
    schema: {
      tags,
      summary: "Change a user's name, roles, units or password, or disable them",
      params: schema.UserIdParams,
      body: schema.UpdateUserBody,
      response: { 200: schema.User },
    },
    handler: async (request) =>
      present.presentUser(await updateUser(contextOf(request, db), { userId: request.params.userId, body: request.body })),
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
      await changeOwnPassword(contextOf(request, db), { body: request.body });
      return reply.code(204).send(null);
    },
  });

  api.get('/api/users/:userId/tokens', {
    schema: {
      tags,
      summary: "A user's API tokens (the user, or an admin of their organisation)",
      params: schema.UserIdParams,
      response: { 200: schema.ApiTokenList },
    },
    handler: async (request) => ({
      items: (await readUserApiTokens(contextOf(request, db), { userId: request.params.userId })).map(present.presentApiToken),
    }),
  });

  api.get('/api/tokens', {
    schema: { tags, summary: 'My API tokens (never their secret)', response: { 200: schema.ApiTokenList } },
    handler: async (request) => ({
      items: (await readUserApiTokens(contextOf(request, db), { userId: actorOf(request).userId })).map(present.presentApiToken),
    }),
  });

  api.post('/api/tokens', {
    schema: {
      tags,
      summary: 'Make an API token; its secret is shown only in this answer',
      body: schema.CreateApiTokenBody,
      response: { 201: schema.CreatedApiToken },
    },
    handler: async (request, reply) => {
      const created = await createApiToken(contextOf(request, db), { userId: actorOf(request).userId, name: request.body.name });
      return reply.code(201).send(present.presentCreatedApiToken(created));
    },
  });

  api.delete('/api/tokens/:tokenId', {
    schema: {
      tags,
      summary: 'Revoke an API token (its user, or an admin of their organisation)',
      params: schema.TokenIdParams,
      response: { 200: schema.ApiToken },
    },
    handler: async (request) =>
      present.presentApiToken(await revokeApiToken(contextOf(request, db), { tokenId: request.params.tokenId })),
  });
}
