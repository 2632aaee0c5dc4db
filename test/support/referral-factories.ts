// Factories of referrals: the people world (the host and its coordinator, a food pantry and its
// staff, another organisation) with a directory service the pantry offers (its directory
// organisation linked to the pantry), a person the host holds with a need, and referrals made
// and moved through the use cases, as the coordinator and the pantry's staff would.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/platform/db/database';
import { linkDirectoryOrganization } from '../../src/domains/directory';
import { changeReferralStatus, createReferral, type ReferralTransitionBody } from '../../src/domains/referrals';
import type { CreateReferralBody } from '../../src/domains/referrals';
import { actorOfUser, buildUser } from './factories';
import { buildDirectoryOrganization, buildIntake, buildService } from './directory-factories';
import { buildPeopleWorld, buildPerson } from './people-factories';
import { buildNeed } from './screening-factories';

const unique = () => randomBytes(4).toString('hex');
const system = (db: Database) => ({ db, actor: 'system' as const });
export const TIME_ZONE = 'America/New_York';

/** A service of the directory that `organizationId` offers (its directory organisation linked to it), taking referrals. */
export async function buildPartnerService(
  db: Database,
  organizationId: string,
  options: { name?: string; acceptingReferrals?: boolean; status?: string } = {},
) {
  const hsdsOrganizationId = await buildDirectoryOrganization(db, { name: `Directory listing ${unique()}` });
  const serviceId = await buildService(db, {
    organizationId: hsdsOrganizationId,
    name: options.name ?? `Food pantry ${unique()}`,
    status: options.status,
  });
  await buildIntake(db, serviceId, { acceptingReferrals: options.acceptingReferrals ?? true, howToRefer: ['kith'] });
  await linkDirectoryOrganization(system(db), { hsdsOrganizationId, organizationId });
  return { serviceId, hsdsOrganizationId };
}

/** The people world, the pantry's service, the pantry's leader, and a person of the host with a need for food. */
export async function buildReferralWorld(db: Database) {
  const world = await buildPeopleWorld(db);
  const service = await buildPartnerService(db, world.pantry.id);
  const pantryLeader = await buildUser(db, { organizationId: world.pantry.id, roles: ['leader'] });
  const person = await buildPerson(db, { holderOrganizationId: world.host.id, body: { familyName: `Referred${unique()}` } });
  const need = await buildNeed(db, person.id, { needDomain: 'food-insecurity', status: 'identified' });
  return { ...world, service, pantryLeader, person, need };
}

export type ReferralWorld = Awaited<ReturnType<typeof buildReferralWorld>>;

/** A referral made by `user` (an actor of the sender), sent unless `send: false`. */
export async function buildReferral(
  db: Database,
  user: Awaited<ReturnType<typeof buildUser>>,
  body: Partial<CreateReferralBody> & Pick<CreateReferralBody, 'personId' | 'serviceId'>,
) {
  const made = await createReferral(
    { db, actor: actorOfUser(user) },
    { body: { priority: 'routine', send: true, ...body }, timeZone: TIME_ZONE },
  );
  return made.record;
}

/** A referral moved on by `user`, at the version it is at. */
export async function moveReferral(
  db: Database,
  user: Awaited<ReturnType<typeof buildUser>>,
  referral: { row: { id: string; version: number } },
  body: ReferralTransitionBody,
) {
  return changeReferralStatus(
    { db, actor: actorOfUser(user) },
    { referralId: referral.row.id, body, ifMatchVersion: referral.row.version, timeZone: TIME_ZONE },
  );
}
