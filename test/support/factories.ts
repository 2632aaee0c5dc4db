// Factories: each test builds the organisations and users it needs, never relying on seed rows.
import { randomBytes } from 'node:crypto';
import type { Actor, Role } from '../../src/platform/auth/actor';
import type { Database } from '../../src/platform/db/database';
import {
  createOrganization,
  createUnit,
  createUser,
  findHostOrganization,
  type OrganizationKind,
} from '../../src/domains/identity';

export const TEST_PASSWORD = 'a-test-password-that-is-long';

const unique = () => randomBytes(4).toString('hex');

export async function buildOrganization(
  db: Database,
  overrides: { name?: string; kind?: OrganizationKind; isHost?: boolean } = {},
) {
  return createOrganization(
    { db, actor: 'system' },
    {
      body: { name: overrides.name ?? `Organisation ${unique()}`, kind: overrides.kind ?? 'community_organization' },
      isHost: overrides.isHost,
    },
  );
}

/** The network's host organisation, made once per database. */
export async function buildHost(db: Database) {
  const host = await findHostOrganization(db);
  if (host) return { id: host.id };
  return buildOrganization(db, { name: `Host Health ${unique()}`, kind: 'health_system', isHost: true });
}

export async function buildUnit(db: Database, organizationId: string, name = `Unit ${unique()}`) {
  return createUnit({ db, actor: 'system' }, { organizationId, body: { name, kind: 'program' } });
}

export async function buildUser(
  db: Database,
  options: { organizationId: string; roles?: Role[]; email?: string; password?: string; unitIds?: string[] },
) {
  const user = await createUser(
    { db, actor: 'system' },
    {
      body: {
        organizationId: options.organizationId,
        email: options.email ?? `user-${unique()}@example.org`,
        displayName: `Test User ${unique()}`,
        roles: options.roles ?? ['care_coordinator'],
        unitIds: options.unitIds ?? [],
        password: options.password ?? TEST_PASSWORD,
      },
    },
  );
  return { ...user, password: options.password ?? TEST_PASSWORD };
}

/** The actor a signed-in `user` (from buildUser) is, for calling a use case directly. */
export function actorOfUser(
  user: Awaited<ReturnType<typeof buildUser>>,
  organization: { isHost?: boolean; name?: string } = {},
): Actor {
  return {
    via: 'session',
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    organizationId: user.organization_id,
    organizationName: organization.name ?? 'Test organisation',
    organizationIsHost: organization.isHost ?? false,
    roles: user.roles,
    unitIds: user.unit_ids,
  };
}
