// The fuzzer's world, built once per engine with the factories: the host organisation and its
// network admin; organisation A, whose admin and staff are the "foreign" callers; organisation B,
// whose records (a unit, users, an API token, the directory service it keeps, a need-domain rule)
// are the ids the routes are called with. A route that takes an id of a kind this file does not
// know fails the fuzz test until its sample is added to `pathSamples` below.
import type { EngineContext } from '../harness';
import { buildHost, buildOrganization, buildUnit, buildUser, TEST_PASSWORD } from '../factories';
import { signedIn } from '../http-client';
import { createApiToken } from '../../../src/domains/identity';
import { addNeedDomainRule, linkDirectoryOrganization, rebuildSearchEntries } from '../../../src/domains/directory';
import { seedTestDirectory, type TestDirectory } from '../directory-factories';
import { buildConsent, buildPerson, buildProgram } from '../people-factories';
import { addCareTeamMember, enrolPerson } from '../../../src/domains/people';
import { buildGoal, buildNeed, buildQuestionnaire, buildScreening } from '../screening-factories';
import { buildContact } from '../outreach-factories';
import { createReferral } from '../../../src/domains/referrals';
import type { SessionTiming } from '../../../src/platform/auth/actor-resolver';
// A session without signing in (no throttling, no password hash to wait for).
import { createSession } from '../../../src/domains/identity';
import { defaultTiming } from '../../../src/app';
import type { Caller } from './send';
import type { RouteModel } from './routes';

export interface FuzzWorld {
  host: { organizationId: string; adminId: string };
  a: { organizationId: string; adminId: string; staffId: string };
  b: {
    organizationId: string;
    adminId: string;
    staffId: string;
    staffEmail: string;
    adminEmail: string;
    unitId: string;
    tokenId: string;
    ruleId: string;
  };
  directory: TestDirectory;
  /** A person the host holds (the network admin sees them; A's callers must not), with what surrounds them. */
  person: {
    id: string;
    programId: string;
    enrolmentId: string;
    memberId: string;
    consentId: string;
    needId: string;
    /** A completed screening of the person, and one of its answers (the FHIR Observation `<screeningId>-1`). */
    screeningId: string;
    observationId: string;
    goalId: string;
    /** A referral of the person, sent by the host to B (which keeps the pantry's service), under the consent to B. */
    referralId: string;
  };
  /** A questionnaire of the network (not personal data: every signed-in user may read it). */
  questionnaireId: string;
  callers: {
    networkAdmin: Caller;
    networkAdminToken: Caller;
    adminA: Caller;
    adminAToken: Caller;
    staffA: Caller;
  };
  /** Every id of B's records the fuzzer may send: a request carrying one targets another organisation. */
  foreignIds: Set<string>;
  /** Text of B's records that no route may show a caller of A, unless the test allows it by name. */
  foreignMarkers: { label: string; text: string }[];
  /** A fresh session for a caller's user (for routes that end the session they are called with). */
  freshSession(caller: Caller): Promise<Caller>;
}

/**
 * The sample value of each path parameter: by route first, then by parameter name. Ids are B's
 * records, so a caller of A who sends them targets another organisation's data.
 */
export function pathSamples(world: FuzzWorld): {
  byRoute: Record<string, Record<string, string>>;
  byParam: Record<string, string>;
} {
  const { b, directory, person } = world;
  return {
    byRoute: {
      '/api/directory/organizations/:organizationId': { organizationId: directory.organizationId },
      '/api/directory/organizations/:organizationId/link': { organizationId: directory.organizationId },
      '/hsds/services/:id': { id: directory.services.pantry },
      '/hsds/organizations/:id': { id: directory.organizationId },
      '/hsds/service_at_locations/:id': { id: directory.serviceAtLocations.pantryAtCenter },
      '/hsds/taxonomies/:id': { id: directory.taxonomyId },
      '/hsds/taxonomy_terms/:id': { id: directory.terms.pantry },
      '/hsds/*': { '*': 'fuzz/nothing-here' },
      '/api/docs/static/*': { '*': 'index.html' },
      '/*': { '*': 'index.html' },
    },
    byParam: {
      organizationId: b.organizationId,
      unitId: b.unitId,
      userId: b.staffId,
      tokenId: b.tokenId,
      serviceId: directory.services.pantry,
      ruleId: b.ruleId,
      personId: person.id,
      enrolmentId: person.enrolmentId,
      memberId: person.memberId,
      consentId: person.consentId,
      needId: person.needId,
      screeningId: person.screeningId,
      observationId: person.observationId,
      goalId: person.goalId,
      referralId: person.referralId,
      questionnaireId: world.questionnaireId,
    },
  };
}

/** The sample of one path parameter of a route, or undefined when the table lacks it. */
export function pathSample(world: FuzzWorld, route: RouteModel, param: string): string | undefined {
  const samples = pathSamples(world);
  return samples.byRoute[route.url]?.[param] ?? samples.byParam[param];
}

/**
 * Valid values the schema alone cannot tell, by field name (query parameters and body fields):
 * codes that must exist, places the directory knows, and the records of the world.
 */
export function fieldHints(world: FuzzWorld, unique: () => string): Record<string, () => unknown> {
  const { b, directory } = world;
  return {
    email: () => `fuzz-${unique()}@example.org`,
    password: () => `a-fuzz-password-${unique()}`,
    needDomain: () => 'food-insecurity',
    need: () => 'food-insecurity',
    near: () => '21201',
    postcode: () => '21201',
    language: () => 'en',
    organizationId: () => b.organizationId,
    unitIds: () => [b.unitId],
    taxonomyTermId: () => directory.terms.pantry,
    actorUserId: () => b.staffId,
    organization_id: () => directory.organizationId,
    taxonomy_id: () => directory.taxonomyId,
    taxonomy_term_id: () => directory.terms.pantry,
    parent_id: () => directory.terms.food,
    programId: () => world.person.programId,
    granteeOrganizationId: () => b.organizationId,
    practiceOrganizationId: () => b.organizationId,
    birthDate: () => '1970-05-06',
    startsOn: () => '2026-01-01',
    // A referral of the host's person, for their need, to the service B keeps.
    personId: () => world.person.id,
    needId: () => world.person.needId,
    serviceId: () => directory.services.pantry,
  };
}

/**
 * Routes after which the session they were called with is gone: each signed-in call of one of
 * these gets a session of its own, so the callers of every other route stay signed in.
 */
export const sessionEndingRoutes = new Set(['POST /api/auth/sign-out']);

async function sessionCaller(
  baseUrl: string,
  name: string,
  organization: Caller['organization'],
  user: { id: string; email: string },
): Promise<Caller> {
  // Each caller signs in once, through the real route (the sign-in route is rate-limited).
  const client = await signedIn(baseUrl, user.email, TEST_PASSWORD);
  return { name, kind: 'session', organization, userId: user.id, cookie: client.cookie, csrfToken: client.csrfToken };
}

export async function buildFuzzWorld(context: EngineContext, timing: SessionTiming = defaultTiming): Promise<FuzzWorld> {
  const { db, baseUrl } = context;
  const system = { db, actor: 'system' as const };

  const host = await buildHost(db);
  const networkAdmin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });

  const organizationA = await buildOrganization(db, { name: `Fuzz A ${host.id.slice(0, 8)}` });
  const adminA = await buildUser(db, { organizationId: organizationA.id, roles: ['admin'] });
  const staffA = await buildUser(db, { organizationId: organizationA.id, roles: ['care_coordinator'] });

  const organizationB = await buildOrganization(db, { name: `Fuzz B ${host.id.slice(0, 8)}` });
  const unitB = await buildUnit(db, organizationB.id);
  const adminB = await buildUser(db, { organizationId: organizationB.id, roles: ['admin'] });
  const staffB = await buildUser(db, { organizationId: organizationB.id, roles: ['partner_staff'], unitIds: [unitB.id] });
  const tokenB = await createApiToken(system, { userId: staffB.id, name: 'B integration' });

  // The directory: a small hand-made one; B keeps the capacity of Eastside's services.
  const directory = await seedTestDirectory(db);
  await linkDirectoryOrganization(system, { hsdsOrganizationId: directory.organizationId, organizationId: organizationB.id });
  await db.tx((q) => rebuildSearchEntries(q));
  const rule = await addNeedDomainRule(system, { body: { needDomain: 'stress', keyword: 'fuzzing' } });

  // A person the host holds, enrolled, with a care team member of B and a consent to B.
  const program = await buildProgram(db, host.id);
  const person = await buildPerson(db, {
    holderOrganizationId: host.id,
    body: { familyName: `Fuzzperson${host.id.slice(0, 6)}` },
  });
  const enrolled = await enrolPerson(system, { personId: person.id, body: { programId: program.id } });
  const withMember = await addCareTeamMember(system, {
    personId: person.id,
    body: { organizationId: organizationB.id, displayName: 'B case manager', role: 'cbo_case_manager' },
  });
  const consent = await buildConsent(db, person.id, { granteeOrganizationId: organizationB.id, categories: ['contact'] });
  const questionnaire = await buildQuestionnaire(db);
  const need = await buildNeed(db, person.id);
  // Housing "yes": a second need, found by a screening (the first was recorded by hand).
  const screening = await buildScreening(db, person.id, questionnaire.id, [{ linkId: 'housing', answers: [{ code: 'yes' }] }]);
  const goal = await buildGoal(db, person.id, { needId: need.id, description: 'Fuzzgoal: enough food every week' });
  const contactNote = `Fuzz contact note ${host.id.slice(0, 8)}`;
  await buildContact(db, person.id, { method: 'home_visit', note: contactNote });
  const referralNote = `Fuzz referral note ${host.id.slice(0, 8)}`;
  const referral = await createReferral(system, {
    body: {
      personId: person.id,
      needId: need.id,
      serviceId: directory.services.pantry,
      priority: 'routine',
      note: referralNote,
      send: true,
    },
    timeZone: 'America/New_York',
  });

  const networkAdminToken = await createApiToken(system, { userId: networkAdmin.id, name: 'fuzz network admin' });
  const adminAToken = await createApiToken(system, { userId: adminA.id, name: 'fuzz admin A' });

  const world: FuzzWorld = {
    host: { organizationId: host.id, adminId: networkAdmin.id },
    a: { organizationId: organizationA.id, adminId: adminA.id, staffId: staffA.id },
    b: {
      organizationId: organizationB.id,
      adminId: adminB.id,
      staffId: staffB.id,
      adminEmail: adminB.email,
      staffEmail: staffB.email,
      unitId: unitB.id,
      tokenId: tokenB.row.id,
      ruleId: rule.id,
    },
    directory,
    person: {
      id: person.id,
      programId: program.id,
      enrolmentId: enrolled.enrolments[0]!.id,
      memberId: withMember.careTeam[0]!.id,
      consentId: consent.id,
      needId: need.id,
      screeningId: screening.screening.id,
      observationId: `${screening.screening.id}-1`,
      goalId: goal.id,
      referralId: referral.record.row.id,
    },
    questionnaireId: questionnaire.id,
    callers: {
      networkAdmin: await sessionCaller(baseUrl, 'network admin (session)', 'host', networkAdmin),
      networkAdminToken: {
        name: 'network admin (API token)',
        kind: 'bearer',
        organization: 'host',
        userId: networkAdmin.id,
        token: networkAdminToken.token,
      },
      adminA: await sessionCaller(baseUrl, "A's admin (session)", 'A', adminA),
      adminAToken: {
        name: "A's admin (API token)",
        kind: 'bearer',
        organization: 'A',
        userId: adminA.id,
        token: adminAToken.token,
      },
      staffA: await sessionCaller(baseUrl, "A's care coordinator (session)", 'A', staffA),
    },
    foreignIds: new Set(),
    foreignMarkers: [
      { label: "B's organisation id", text: organizationB.id },
      { label: "B's admin's user id", text: adminB.id },
      { label: "B's staff user id", text: staffB.id },
      { label: "B's admin's email", text: adminB.email },
      { label: "B's staff email", text: staffB.email },
      { label: "B's unit id", text: unitB.id },
      { label: "B's API token id", text: tokenB.row.id },
      { label: "B's API token prefix", text: tokenB.row.prefix },
      { label: "the host's person's family name", text: person.family_name },
      { label: "the host's person's id", text: person.id },
      { label: "the host's person's email", text: person.email! },
      { label: "the host's person's goal", text: 'Fuzzgoal' },
      { label: "the note of a contact with the host's person", text: contactNote },
      { label: "the note of a referral of the host's person", text: referralNote },
    ],
    async freshSession(caller) {
      if (caller.kind !== 'session' || !caller.userId) return caller;
      const session = await createSession(db, { userId: caller.userId, timing });
      return { ...caller, cookie: `kith_session=${session.token}`, csrfToken: session.csrfToken };
    },
  };
  // B's records, and the directory organisation and service B keeps.
  world.foreignIds = new Set([
    organizationB.id,
    adminB.id,
    staffB.id,
    unitB.id,
    tokenB.row.id,
    rule.id,
    directory.organizationId,
    directory.services.pantry,
    person.id,
    program.id,
    need.id,
    screening.screening.id,
    ...screening.created,
    goal.id,
    referral.record.row.id,
  ]);
  return world;
}

/** The path parameters the sample table cannot fill, as messages that say where to add them. */
export function missingSamples(world: FuzzWorld, routes: readonly RouteModel[]): string[] {
  return routes.flatMap((route) =>
    route.pathParams
      .filter((param) => pathSample(world, route, param) === undefined)
      .map(
        (param) =>
          `${route.key}: no sample for path parameter "${param}". Add one to pathSamples() in test/support/fuzz/world.ts ` +
          `(an id of organisation B's record, so that the foreign callers target another organisation's data).`,
      ),
  );
}
