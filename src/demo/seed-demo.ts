// Writes the generated demo network into an empty database. It goes through the identity
// domain's use cases, as the operator at the CLI would, so the demo holds only what the real
// rules allow and the audit log shows how it came to be.
import {
  createOrganization,
  createUnit,
  createUser,
  findOrganization,
  findUserByEmail,
  hasOrganizations,
  isDemoMode,
  setDemoMode,
} from '../domains/identity';
import { DEMO_PASSWORD, verifyPassword } from '../platform/auth/passwords';
import type { UseCaseContext } from '../platform/context';
import type { Database, Db } from '../platform/db/database';
import { demoLogins, generateDemoNetwork } from './generate';
import { generateDemoDirectory } from './directory';
import { generateDemoContacts, generateDemoPeople } from './people';
import { bulkInsertDemoConsents, bulkInsertDemoPeople, createCareProgram } from '../domains/people';
import { bulkInsertDemoReferrals } from '../domains/referrals';
import { generateDemoReferrals, type DemoRecipient } from './referrals';
import { bulkInsertDemoContacts } from '../domains/outreach';
import { bulkInsertDemoCare, importQuestionnaire } from '../domains/screening';
import { generateDemoCare } from './care';
import { demoScreening, demoScreeningRules } from './screening';
import {
  addNeedDomainTermRules,
  importIntakes,
  linkDirectoryOrganization,
  rebuildSearchEntries,
  upsertHsdsRecords,
} from '../domains/directory';

export interface DemoLogin {
  role: string;
  email: string;
  organization: string;
}

export async function networkIsEmpty(db: Database): Promise<boolean> {
  return !(await hasOrganizations(db));
}

export async function seedDemo(
  db: Database,
  options: { seed: number; onProgress?: (done: number, total: number) => void; now?: Date },
): Promise<{ logins: DemoLogin[] }> {
  // All of the demo or none of it: a half-seeded network would never be completed, because
  // the next start finds it no longer empty.
  return db.unitOfWork((scoped) => seedInto(scoped, options));
}

async function seedInto(
  db: Db,
  options: { seed: number; onProgress?: (done: number, total: number) => void; now?: Date },
): Promise<{ logins: DemoLogin[] }> {
  const network = generateDemoNetwork(options.seed);
  const context: UseCaseContext = { db, actor: 'system' };
  // First: outside demo mode the password rules refuse the public demo password.
  await setDemoMode(db, true);

  const unitCount = network.organizations.reduce((sum, organization) => sum + organization.units.length, 0);
  const total = network.organizations.length + unitCount + network.users.length + 1;
  let done = 0;
  const step = () => options.onProgress?.(++done, total);
  options.onProgress?.(0, total);

  const organizationIds = new Map<string, string>();
  const unitIds = new Map<string, string>();
  for (const organization of network.organizations) {
    const created = await createOrganization(context, {
      body: {
        name: organization.name,
        kind: organization.kind,
        description: organization.description,
        website: organization.website,
        phone: organization.phone,
      },
      isHost: organization.isHost,
    });
    organizationIds.set(organization.key, created.id);
    step();
    for (const unit of organization.units) {
      const createdUnit = await createUnit(context, {
        organizationId: created.id,
        body: { name: unit.name, kind: unit.kind, description: unit.description },
      });
      unitIds.set(`${organization.key}/${unit.key}`, createdUnit.id);
      step();
    }
  }

  const userIds = new Map<string, string>();
  for (const user of network.users) {
    const createdUser = await createUser(context, {
      body: {
        organizationId: organizationIds.get(user.organizationKey)!,
        email: user.email,
        displayName: user.displayName,
        roles: user.roles,
        unitIds: user.unitKeys.map((unitKey) => unitIds.get(`${user.organizationKey}/${unitKey}`)!),
        password: DEMO_PASSWORD,
      },
    });
    userIds.set(user.email, createdUser.id);
    step();
  }

  // The county's service directory: its community organisations' services, linked to the
  // network organisations whose staff keep their capacity up to date.
  const directory = generateDemoDirectory(network, options.seed);
  await upsertHsdsRecords(db, directory.records);
  for (const link of directory.links) {
    await linkDirectoryOrganization(context, {
      hsdsOrganizationId: link.hsdsOrganizationId,
      organizationId: organizationIds.get(link.organizationKey)!,
    });
  }
  await addNeedDomainTermRules(db, directory.termRules);
  await importIntakes(db, directory.intakes);
  await rebuildSearchEntries(db);

  // The population the host's enhanced care program serves, in a handful of bulk statements.
  const host = network.organizations.find((organization) => organization.isHost)!;
  const program = await createCareProgram(context, {
    organizationId: organizationIds.get(host.key)!,
    body: {
      name: 'Enhanced care program',
      entryCriteria:
        'Adults of the county with two or more hospital admissions, or three or more emergency visits, in the last twelve months, and at least one chronic condition or unmet social need.',
    },
  });
  const partnerLogin = network.users.find((user) => user.email === 'partner@kith.demo')!;
  const communityKeys = network.organizations.filter((o) => o.kind === 'community_organization').map((o) => o.key);
  const people = generateDemoPeople(options.seed, {
    programId: program.id,
    hostId: organizationIds.get(host.key)!,
    practiceIds: network.organizations
      .filter((organization) => organization.kind === 'primary_care_practice')
      .map((organization) => organizationIds.get(organization.key)!),
    coordinators: network.users
      .filter((user) => user.organizationKey === host.key && user.roles.includes('care_coordinator'))
      .map((user) => ({ userId: userIds.get(user.email)!, displayName: user.displayName })),
    partner: {
      organizationId: organizationIds.get(partnerLogin.organizationKey)!,
      userId: userIds.get(partnerLogin.email)!,
      displayName: partnerLogin.displayName,
    },
    communityIds: communityKeys.filter((key) => key !== partnerLogin.organizationKey).map((key) => organizationIds.get(key)!),
    towns: directory.towns,
  });
  const personIds = await bulkInsertDemoPeople(db, organizationIds.get(host.key)!, people);
  // Their contacts with the team: over the weeks before today, so the "last reached" filter finds someone.
  const contacts = generateDemoContacts(
    options.seed,
    people.map((input, index) => ({ personId: personIds[index]!, input })),
    organizationIds.get(host.key)!,
    options.now ?? new Date(),
  );
  await bulkInsertDemoContacts(db, contacts);
  // The demo's own short screening (English and Spanish) and its scoring rules.
  const questionnaire = await importQuestionnaire(context, {
    resource: demoScreening,
    source: 'the demo screening',
    rules: demoScreeningRules,
  });
  // Most people screened with it, the needs it found (many moved on since) and some goals, in bulk.
  const care = generateDemoCare(
    options.seed,
    people.map((person, index) => ({
      personId: personIds[index]!,
      enrolledOn: person.careTeam[0]!.startedOn,
      coordinatorUserId: person.careTeam[0]!.userId!,
      preferredLanguage: person.preferredLanguage,
      whatMatters: person.whatMatters,
    })),
    {
      hostId: organizationIds.get(host.key)!,
      partnerOrganizationId: organizationIds.get(partnerLogin.organizationKey)!,
      communityIds: communityKeys.filter((key) => key !== partnerLogin.organizationKey).map((key) => organizationIds.get(key)!),
    },
  );
  const written = await bulkInsertDemoCare(db, questionnaire.id, care);

  // Referrals from the host to the partner login's organisation in every state (and a few to
  // others), each under a referral consent naming the recipient, agreeing with the needs above.
  const staffOf = (key: string) =>
    network.users.find(
      (user) => user.organizationKey === key && user.email !== 'partner@kith.demo' && user.roles.includes('partner_staff'),
    );
  const recipientOf = (key: string, userEmail?: string): DemoRecipient => {
    const user = userEmail ?? staffOf(key)?.email;
    return {
      organizationId: organizationIds.get(key)!,
      userId: user ? userIds.get(user)! : null,
      services: directory.services
        .filter((service) => service.organizationKey === key)
        .map(({ serviceId, name, needDomain, acceptingReferrals }) => ({ serviceId, name, needDomain, acceptingReferrals })),
    };
  };
  const plan = generateDemoReferrals(
    options.seed,
    care.map((person, index) => ({
      personId: person.personId,
      leadCoordinatorUserId: person.screening.recordedBy!,
      needs: person.needs.map((need, needIndex) => ({
        needId: written.needIds[index]![needIndex]!,
        needDomain: need.needDomain,
        status: need.status,
        addressedByOrganizationId: need.addressedByOrganizationId,
      })),
    })),
    {
      hostId: organizationIds.get(host.key)!,
      coordinatorUserId: userIds.get('coordinator@kith.demo')!,
      partner: { ...recipientOf(partnerLogin.organizationKey, partnerLogin.email), userId: userIds.get(partnerLogin.email)! },
      others: communityKeys.filter((key) => key !== partnerLogin.organizationKey).map((key) => recipientOf(key)),
    },
    options.now ?? new Date(),
  );
  const consentIds = await bulkInsertDemoConsents(db, plan.consents);
  await bulkInsertDemoReferrals(
    db,
    plan.referrals.map(({ consentIndex, ...referral }) => ({
      ...referral,
      consentId: consentIndex === null ? null : consentIds[consentIndex]!,
    })),
  );
  step();

  const organizationName = new Map(network.organizations.map((organization) => [organization.key, organization.name]));
  const logins = demoLogins.map(({ role, email }) => {
    const user = network.users.find((candidate) => candidate.email === email)!;
    return { role, email, organization: organizationName.get(user.organizationKey)! };
  });
  return { logins };
}

/**
 * The published logins that still work on this database: demo mode on, the user there and
 * enabled, and their password still the demo password (an admin may have changed it).
 */
export async function findDemoLogins(db: Database): Promise<DemoLogin[]> {
  if (!(await isDemoMode(db))) return [];
  const found: DemoLogin[] = [];
  for (const { role, email } of demoLogins) {
    const user = await findUserByEmail(db, email);
    if (!user || user.disabled_at || !user.password_hash) continue;
    if (!(await verifyPassword(user.password_hash, DEMO_PASSWORD))) continue;
    const organization = await findOrganization(db, user.organization_id);
    found.push({ role, email, organization: organization?.name ?? '' });
  }
  return found;
}
