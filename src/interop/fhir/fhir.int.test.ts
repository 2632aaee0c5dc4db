// FHIR R4 through HTTP on both engines: Patient and Consent read and searched as the holder's
// staff, as a partner without a consent (404, an empty Bundle), with one (only the consented
// parts) and after its revocation (404 at the next request); paging by link next; a Patient
// created (the SDOHCC example; a bad one is a 400 naming the element, a duplicate a 409 naming
// the candidate); the CapabilityStatement lists what is served; every resource served passes the
// FHIR R4 JSON Schema and @medplum/core's validator; every read writes an audit row.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';
import { expectValidFhir as keep } from '../../../test/support/fhir-checks';
import { describeEachEngine } from '../../../test/support/harness';
import { Client, signedIn } from '../../../test/support/http-client';
import { createApiToken } from '../../domains/identity';
import { revokeConsent } from '../../domains/people';
import { fhirSchemaAvailable, medplumErrors, schemaErrors, sdohExamples } from './fhir-validator';
import { resources } from './registry';
import { identifierSystems } from './systems';

const auditCount = async (db: { query: <T>(sql: string, values?: unknown[]) => Promise<T[]> }, action: string, userId: string) =>
  Number(
    (
      await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE action = $1 AND actor_user_id = $2', [
        action,
        userId,
      ])
    )[0]!.n,
  );

describeEachEngine('FHIR R4', (ctx) => {
  it(
    'serves Patient and Consent to the holder, to a consented partner only the consented parts, to others nothing',
    { timeout: 60_000 },
    async () => {
      const { db, baseUrl } = ctx();
      const world = await buildPeopleWorld(db);
      const person = await buildPerson(db, {
        holderOrganizationId: world.host.id,
        body: {
          sexCode: 'female',
          usedName: 'Lupe',
          interpreterNeeded: true,
          identifiers: [
            { kind: 'mrn', value: `FH-${Date.now()}` },
            { kind: 'payer_member_id', value: 'M-778', issuer: 'Plan A' },
          ],
        },
      });
      const holder = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);

      const read = await holder.get(`/fhir/R4/Patient/${person.id}`);
      expect(read.status).toBe(200);
      expect(read.headers.get('content-type')).toContain('application/fhir+json');
      await keep(read.body);
      expect(read.body).toMatchObject({
        resourceType: 'Patient',
        id: person.id,
        birthDate: '1961-04-09',
        gender: 'female',
        name: [
          { use: 'official', family: person.family_name },
          { use: 'usual', given: ['Lupe'] },
        ],
        communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }] }, preferred: true }],
        address: [{ line: ['12 Elm Street'], city: 'Baltimore', state: 'MD', postalCode: '21201' }],
      });
      expect(read.body.identifier.map((identifier: { system: string }) => identifier.system).sort()).toEqual(
        [identifierSystems.mrn, identifierSystems.payerMemberId].sort(),
      );
      expect(read.body.meta.security).toBeUndefined();
      expect(await auditCount(db, 'person.read', world.coordinator.id)).toBe(1);

      // A partner without a consent: 404 OperationOutcome, absent from searches.
      const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
      const refused = await partner.get(`/fhir/R4/Patient/${person.id}`);
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toContain('application/fhir+json');
      expect(refused.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
      await keep(refused.body);
      expect(JSON.stringify(refused.body)).not.toContain(person.family_name);
      const hidden = await partner.get(`/fhir/R4/Patient?name=${person.family_name}`);
      expect(hidden.status).toBe(200);
      expect(hidden.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', entry: [] });
      expect(await auditCount(db, 'person.search', world.pantryStaff.id)).toBe(1);

      // With a care-coordination consent for contact details only.
      const consent = await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['contact'] });
      const consented = await partner.get(`/fhir/R4/Patient/${person.id}`);
      expect(consented.status).toBe(200);
      await keep(consented.body);
      expect(consented.body.telecom).toEqual(expect.arrayContaining([{ system: 'phone', value: '410-555-0100' }]));
      expect(consented.body.address).toHaveLength(1);
      for (const blank of ['birthDate', 'gender', 'communication', 'identifier', 'extension'])
        expect(consented.body[blank], blank).toBeUndefined();
      expect(consented.body.meta.security).toEqual([expect.objectContaining({ code: 'REDACTED' })]);
      const found = await partner.get(`/fhir/R4/Patient?name=${person.family_name.slice(0, 8).toLowerCase()}`);
      expect(found.body.entry.map((entry: { resource: { id: string } }) => entry.resource.id)).toEqual([person.id]);
      // A birth date or an identifier does not find the person for a partner without demographics.
      const byBirth = await partner.get(`/fhir/R4/Patient?birthdate=1961-04-09&name=${person.family_name}`);
      expect(byBirth.body.entry).toEqual([]);

      // Consents: the partner sees the one given to it; the holder sees it too.
      const consentRead = await partner.get(`/fhir/R4/Consent/${consent.id}`);
      expect(consentRead.status).toBe(200);
      await keep(consentRead.body);
      expect(consentRead.body).toMatchObject({
        resourceType: 'Consent',
        status: 'active',
        patient: { reference: `Patient/${person.id}` },
        provision: {
          type: 'permit',
          period: { start: '2026-01-01' },
          actor: [{ reference: { identifier: { system: identifierSystems.organization, value: world.pantry.id } } }],
          class: [{ code: 'contact' }],
        },
      });
      const holderConsents = await holder.get(`/fhir/R4/Consent?patient=Patient/${person.id}&status=active`);
      expect(holderConsents.body.entry.map((entry: { resource: { id: string } }) => entry.resource.id)).toEqual([consent.id]);
      await keep(holderConsents.body);

      // Another organisation's staff: nothing, by any of the routes.
      const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
      expect((await other.get(`/fhir/R4/Consent/${consent.id}`)).status).toBe(404);
      expect((await other.get(`/fhir/R4/Consent?patient=${person.id}`)).body.entry).toEqual([]);
      expect((await other.get(`/fhir/R4/Patient?identifier=${identifierSystems.payerMemberId}|M-778`)).body.entry).toEqual([]);
      const byIdentifier = await holder.get(`/fhir/R4/Patient?identifier=${identifierSystems.payerMemberId}|M-778`);
      expect(byIdentifier.body.entry.map((entry: { resource: { id: string } }) => entry.resource.id)).toEqual([person.id]);

      // Revocation: the very next request is a 404, and the holder sees the consent inactive.
      await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: consent.id, body: {} });
      expect((await partner.get(`/fhir/R4/Patient/${person.id}`)).status).toBe(404);
      expect((await partner.get(`/fhir/R4/Consent/${consent.id}`)).status).toBe(404);
      expect((await partner.get(`/fhir/R4/Patient?name=${person.family_name}`)).body.entry).toEqual([]);
      const inactive = await holder.get(`/fhir/R4/Consent/${consent.id}`);
      expect(inactive.body.status).toBe('inactive');
      await keep(inactive.body);
      expect(await auditCount(db, 'person.read_consent', world.coordinator.id)).toBe(1);
    },
  );

  it('pages a search by link next, and an API token reads as its user', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const family = `Pagina${Date.now().toString(36)}`;
    for (let index = 0; index < 5; index++) {
      await buildPerson(db, { holderOrganizationId: world.host.id, body: { familyName: family, givenName: `G${index}` } });
    }
    const token = await createApiToken({ db, actor: 'system' }, { userId: world.coordinator.id, name: 'fhir test' });
    const client = new Client(baseUrl);
    client.bearer = token.token;
    const ids: string[] = [];
    let url: string | undefined = `/fhir/R4/Patient?name=${family}&_count=2`;
    let pages = 0;
    while (url) {
      const page = await client.get(url);
      expect(page.status).toBe(200);
      await keep(page.body);
      ids.push(...page.body.entry.map((entry: { resource: { id: string } }) => entry.resource.id));
      const next = page.body.link.find((link: { relation: string }) => link.relation === 'next')?.url as string | undefined;
      url = next ? new URL(next).pathname + new URL(next).search : undefined;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(5);
    expect(await auditCount(db, 'person.search', world.coordinator.id)).toBe(3);
    const bad = await client.get('/fhir/R4/Patient?birthdate=1961-02-31');
    expect(bad.status).toBe(400);
    expect(bad.body.issue[0].diagnostics).toContain('birthdate');
    const unknown = await client.get('/fhir/R4/Patient?colour=blue');
    expect(unknown.status).toBe(400);
    expect(unknown.body.resourceType).toBe('OperationOutcome');
    const anonymous = await new Client(baseUrl).get('/fhir/R4/Patient');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.resourceType).toBe('OperationOutcome');
  });

  it(
    'creates a Patient: the SDOHCC example, a bad one refused naming the element, a duplicate refused naming the candidate',
    { timeout: 60_000 },
    async () => {
      const { db, baseUrl } = ctx();
      const world = await buildPeopleWorld(db);
      const holder = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
      const examplePath = path.join(sdohExamples, 'Patient-pat-53234.json');
      const example =
        fhirSchemaAvailable() && fs.existsSync(examplePath)
          ? (JSON.parse(fs.readFileSync(examplePath, 'utf8')) as Record<string, unknown>)
          : undefined;
      // Without the kit, a Patient of the same shape written here.
      const patient = example ?? {
        resourceType: 'Patient',
        identifier: [
          {
            type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
            system: 'http://hospital.smarthealthit.org',
            value: '1032702',
          },
        ],
        name: [
          { family: 'ABBAS', given: ['COLIN', 'V.'], period: { end: '2020-07-22' } },
          { family: 'BAXTER', given: ['COLIN', 'V.'] },
        ],
        telecom: [{ system: 'phone', value: '555-555-5555', use: 'home' }],
        gender: 'male',
        birthDate: '1987-02-20',
        address: [{ line: ['183 Mountain View St'], city: 'Mounds', state: 'OK', postalCode: '74048' }],
      };
      const post = (body: unknown) =>
        holder.request('POST', '/fhir/R4/Patient', JSON.stringify(body), { 'content-type': 'application/fhir+json' });
      const created = await post(patient);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await keep(created.body);
      expect(created.headers.get('location')).toContain(`/fhir/R4/Patient/${created.body.id}`);
      expect(created.body).toMatchObject({
        gender: 'male',
        birthDate: '1987-02-20',
        name: [{ family: 'BAXTER', given: ['COLIN', 'V.'] }],
      });
      expect(created.body.identifier).toEqual([
        expect.objectContaining({
          system: identifierSystems.mrn,
          value: '1032702',
          assigner: { display: 'http://hospital.smarthealthit.org' },
        }),
      ]);
      expect(created.body.address[0]).toMatchObject({ city: 'Mounds', postalCode: '74048' });

      const before = await db.query<{ n: string }>('SELECT count(*) AS n FROM people');
      const duplicate = await post({ ...patient, identifier: [] });
      expect(duplicate.status).toBe(409);
      await keep(duplicate.body);
      expect(duplicate.body.issue).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'duplicate', details: { text: `Patient/${created.body.id}` } })]),
      );
      const bad = await post({ ...patient, identifier: [], birthDate: '2999-01-01' });
      expect(bad.status).toBe(400);
      await keep(bad.body);
      expect(bad.body.issue).toEqual([expect.objectContaining({ code: 'invalid', expression: ['Patient.birthDate'] })]);
      const noName = await post({ resourceType: 'Patient', birthDate: '1970-01-01' });
      expect(noName.body.issue[0].expression).toEqual(['Patient.name']);
      const notJson = await holder.request('POST', '/fhir/R4/Patient', '{"resourceType":', {
        'content-type': 'application/fhir+json',
      });
      expect(notJson.status).toBe(400);
      expect(notJson.body.resourceType).toBe('OperationOutcome');
      expect(await db.query<{ n: string }>('SELECT count(*) AS n FROM people')).toEqual(before);

      // Staff of a partner organisation may not add people: refused, nothing written.
      const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
      const refused = await partner.request('POST', '/fhir/R4/Patient', JSON.stringify({ ...patient, identifier: [] }), {
        'content-type': 'application/fhir+json',
      });
      expect([403, 404]).toContain(refused.status);
      expect(refused.body.resourceType).toBe('OperationOutcome');
      expect(await db.query<{ n: string }>('SELECT count(*) AS n FROM people')).toEqual(before);
    },
  );

  it('lists in its CapabilityStatement exactly what it serves', async () => {
    const { baseUrl, app } = ctx();
    const metadata = await new Client(baseUrl).get('/fhir/R4/metadata');
    expect(metadata.status).toBe(200);
    await keep(metadata.body);
    const listed = metadata.body.rest[0].resource as {
      type: string;
      interaction: { code: string }[];
      searchParam: { name: string }[];
    }[];
    expect(listed.map((resource) => resource.type)).toEqual([
      'Patient',
      'Consent',
      'Questionnaire',
      'QuestionnaireResponse',
      'Observation',
      'Condition',
      'Goal',
    ]);
    const idParamOf = new Map(resources.map((resource) => [resource.type, resource.idParam]));
    const routes = new Set(
      app.kithRoutes.filter((route) => route.url.startsWith('/fhir/R4/')).map((route) => `${route.method} ${route.url}`),
    );
    const expected = new Set(['GET /fhir/R4/metadata', 'HEAD /fhir/R4/metadata']);
    for (const resource of listed) {
      for (const { code } of resource.interaction) {
        const route =
          code === 'read'
            ? `GET /fhir/R4/${resource.type}/:${idParamOf.get(resource.type)}`
            : code === 'create'
              ? `POST /fhir/R4/${resource.type}`
              : `GET /fhir/R4/${resource.type}`;
        expected.add(route);
        if (route.startsWith('GET')) expected.add(route.replace('GET', 'HEAD'));
      }
    }
    expect([...routes].sort()).toEqual([...expected].sort());
    expect(listed.find((resource) => resource.type === 'Patient')!.interaction.map((entry) => entry.code)).toEqual([
      'read',
      'search-type',
      'create',
    ]);
    expect(listed.find((resource) => resource.type === 'Patient')!.searchParam.map((param) => param.name)).toEqual([
      'name',
      'birthdate',
      'identifier',
      '_count',
      '_cursor',
    ]);
    expect(listed.find((resource) => resource.type === 'Consent')!.searchParam.map((param) => param.name)).toEqual([
      'patient',
      'status',
      '_count',
      '_cursor',
    ]);
    const interactions = (type: string) =>
      listed.find((resource) => resource.type === type)!.interaction.map((entry) => entry.code);
    const params = (type: string) => listed.find((resource) => resource.type === type)!.searchParam.map((param) => param.name);
    expect(interactions('QuestionnaireResponse')).toEqual(['read', 'search-type', 'create']);
    for (const type of ['Questionnaire', 'Observation', 'Condition'])
      expect(interactions(type), type).toEqual(['read', 'search-type']);
    expect(params('Questionnaire')).toEqual(['url', 'version', 'title', 'name', 'status', '_count', '_cursor']);
    expect(params('QuestionnaireResponse')).toEqual(['patient', 'questionnaire', 'authored', 'status', '_count', '_cursor']);
    expect(params('Observation')).toEqual(['patient', 'category', 'code', 'date', '_count', '_cursor']);
    expect(params('Condition')).toEqual(['patient', 'category', 'clinical-status', 'code', '_count', '_cursor']);
  });

  it('validates with a schema and a validator that refuse what is not FHIR', { timeout: 60_000 }, async () => {
    if (!fhirSchemaAvailable()) return;
    expect(schemaErrors({ resourceType: 'Patient', id: 'a' })).toEqual([]);
    expect(schemaErrors({ resourceType: 'Patient', gender: 'woman' } as never)).not.toEqual([]);
    expect(schemaErrors({ resourceType: 'Consent', status: 'active', unknownElement: 1 } as never)).not.toEqual([]);
    expect(await medplumErrors({ resourceType: 'Patient', birthDate: '09/04/1961' })).not.toEqual([]);
  });
});
