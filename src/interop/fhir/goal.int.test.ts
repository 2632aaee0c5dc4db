// FHIR R4 Goal through HTTP on both engines: read and searched (patient, lifecycle-status,
// category, paging) as the holder's staff, shaped after the SDOHCC Goal example (its elements and
// code systems), addressing the need as Condition/<need id>; to a partner only under a consent
// naming the care plan (and 'sud' for a goal that addresses a need flagged so), to another
// organisation nothing; every resource served passes the FHIR R4 JSON Schema and @medplum/core's
// validator, and every read writes an audit row.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';
import { buildGoal, buildNeed } from '../../../test/support/screening-factories';
import { expectValidFhir as keep } from '../../../test/support/fhir-checks';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn } from '../../../test/support/http-client';
import { fhirSchemaAvailable, sdohExamples } from './fhir-validator';
import { hl7 } from './systems';

const auditCount = async (db: { query: <T>(sql: string, values?: unknown[]) => Promise<T[]> }, action: string, userId: string) =>
  Number(
    (
      await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = $1 AND actor_user_id = $2 AND outcome = 'success'`,
        [action, userId],
      )
    )[0]!.n,
  );

const ids = (bundle: { entry: { resource: { id: string } }[] }) => bundle.entry.map((entry) => entry.resource.id).sort();

describeEachEngine('FHIR R4 Goal', (ctx) => {
  it('serves a goal shaped after the SDOHCC Goal, read and searched by patient, lifecycle-status and category', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const need = await buildNeed(db, person.id, { needDomain: 'food-insecurity', severity: 'high' });
    const food = await buildGoal(db, person.id, {
      needId: need.id,
      description: 'Food security',
      achievementStatus: 'improving',
      startDate: '2026-10-21',
      targetDate: '2026-12-10',
      note: 'Signed up for the weekly pantry.',
    });
    const legal = await buildGoal(db, person.id, {
      needDomain: 'legal-help',
      description: 'Settle the eviction notice',
      lifecycleStatus: 'completed',
      achievementStatus: 'achieved',
      expressedBy: 'team',
    });
    const holder = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);

    const read = await holder.get(`/fhir/R4/Goal/${food.id}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.headers.get('content-type')).toContain('application/fhir+json');
    await keep(read.body);
    expect(read.body).toMatchObject({
      resourceType: 'Goal',
      id: food.id,
      lifecycleStatus: 'active',
      achievementStatus: { coding: [{ system: hl7.goalAchievement, code: 'improving', display: 'Improving' }] },
      category: [{ coding: [{ system: hl7.sdohTemporaryCodes, code: 'food-insecurity' }], text: 'Food' }],
      description: { text: 'Food security' },
      subject: { reference: `Patient/${person.id}` },
      startDate: '2026-10-21',
      target: [{ dueDate: '2026-12-10' }],
      expressedBy: { reference: `Patient/${person.id}` },
      addresses: [{ reference: `Condition/${need.id}` }],
      note: [{ text: 'Signed up for the weekly pantry.' }],
    });
    expect(read.body.statusDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await auditCount(db, 'goal.read', world.coordinator.id)).toBe(1);

    // The SDOHCC example's elements and code systems, where the kit is here.
    const examplePath = path.join(sdohExamples, 'Goal-SDOHCC-GoalFoodSecurityExample.json');
    if (fhirSchemaAvailable() && fs.existsSync(examplePath)) {
      const example = JSON.parse(fs.readFileSync(examplePath, 'utf8')) as Record<string, unknown> & {
        achievementStatus: { coding: { system: string }[] };
        category: { coding: { system: string; code: string }[] }[];
        addresses: { reference: string }[];
      };
      // Every element the example has, but its narrative, profile claim and measured target.
      for (const element of Object.keys(example).filter((key) => !['id', 'meta', 'text'].includes(key)))
        expect(read.body, element).toHaveProperty(element);
      expect(read.body.achievementStatus.coding[0].system).toBe(example.achievementStatus.coding[0]!.system);
      expect(read.body.category[0].coding[0]).toMatchObject({
        system: example.category[0]!.coding[0]!.system,
        code: example.category[0]!.coding[0]!.code,
      });
      expect(example.addresses[0]!.reference).toMatch(/^Condition\//);
    }

    // A goal of Kith's own need domain, expressed by the team, finished.
    const done = await holder.get(`/fhir/R4/Goal/${legal.id}`);
    await keep(done.body);
    expect(done.body).toMatchObject({
      lifecycleStatus: 'completed',
      achievementStatus: { coding: [{ code: 'achieved' }] },
      expressedBy: { display: expect.stringMatching(/^The care team at Host Health /) },
    });
    expect(done.body.category[0].coding[0].system).not.toBe(hl7.sdohTemporaryCodes);
    expect(done.body.addresses).toBeUndefined();

    const byPatient = await holder.get(`/fhir/R4/Goal?patient=Patient/${person.id}`);
    expect(byPatient.status).toBe(200);
    await keep(byPatient.body);
    expect(ids(byPatient.body)).toEqual([food.id, legal.id].sort());
    const active = await holder.get(`/fhir/R4/Goal?patient=${person.id}&lifecycle-status=active`);
    expect(ids(active.body)).toEqual([food.id]);
    const either = await holder.get(`/fhir/R4/Goal?patient=${person.id}&lifecycle-status=active,completed`);
    expect(ids(either.body)).toEqual([food.id, legal.id].sort());
    const byCategory = await holder.get(
      `/fhir/R4/Goal?patient=${person.id}&category=${encodeURIComponent(`${hl7.sdohTemporaryCodes}|food-insecurity`)}`,
    );
    expect(ids(byCategory.body)).toEqual([food.id]);
    expect(ids((await holder.get(`/fhir/R4/Goal?patient=${person.id}&category=legal-help`)).body)).toEqual([legal.id]);

    // Paging by link next: one goal a page.
    let url: string | undefined = `/fhir/R4/Goal?patient=${person.id}&_count=1`;
    const paged: string[] = [];
    while (url) {
      const page = await holder.get(url);
      expect(page.status).toBe(200);
      expect(page.body.entry).toHaveLength(1);
      paged.push(page.body.entry[0].resource.id);
      const next = page.body.link.find((link: { relation: string }) => link.relation === 'next')?.url as string | undefined;
      url = next ? new URL(next).pathname + new URL(next).search : undefined;
    }
    expect(paged.sort()).toEqual([food.id, legal.id].sort());

    for (const [query, param] of [
      ['lifecycle-status=paused', 'lifecycle-status'],
      ['category=http://example.org/codes|food-insecurity', 'category'],
      ['patient=Patient/nobody', 'patient'],
    ]) {
      const bad = await holder.get(`/fhir/R4/Goal?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.resourceType).toBe('OperationOutcome');
      await keep(bad.body);
      expect(bad.body.issue[0].diagnostics, query).toContain(param);
    }
    expect((await holder.get('/fhir/R4/Goal/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('serves goals to a partner only under a consent naming the care plan, and to another organisation nothing', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const food = await buildNeed(db, person.id, { needDomain: 'food-insecurity' });
    const drinking = await buildNeed(db, person.id, { needDomain: 'behavioral-health', sensitive: 'sud' });
    const eat = await buildGoal(db, person.id, { needId: food.id, description: 'Eat a hot meal every day' });
    const sober = await buildGoal(db, person.id, { needId: drinking.id, description: 'Stay sober through the summer' });

    const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const nothing = async (who: typeof other, stage: string) => {
      for (const goal of [eat, sober]) {
        const read = await who.get(`/fhir/R4/Goal/${goal.id}`);
        expect(read.status, `${stage}: read`).toBe(404);
        expect(read.body.resourceType).toBe('OperationOutcome');
        expect(JSON.stringify(read.body)).not.toContain('hot meal');
      }
      for (const query of [`patient=${person.id}`, 'lifecycle-status=active', 'category=food-insecurity', '']) {
        const search = await who.get(`/fhir/R4/Goal?${query}`);
        expect(search.status, `${stage}: ${query}`).toBe(200);
        // The self link repeats the query; the entries hold nothing of the person.
        expect(JSON.stringify(search.body.entry), `${stage}: ${query}`).not.toContain(person.id);
      }
    };
    await nothing(other, 'another organisation');
    await nothing(partner, 'no consent');
    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['contact', 'needs'] });
    await nothing(partner, 'a consent without the care plan');

    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['contact', 'care_plan'] });
    const read = await partner.get(`/fhir/R4/Goal/${eat.id}`);
    expect(read.status).toBe(200);
    await keep(read.body);
    expect(read.body.description.text).toBe('Eat a hot meal every day');
    expect((await partner.get(`/fhir/R4/Goal/${sober.id}`)).status).toBe(404);
    const search = await partner.get(`/fhir/R4/Goal?patient=${person.id}`);
    await keep(search.body);
    expect(ids(search.body)).toEqual([eat.id]);
    const unfiltered = await partner.get('/fhir/R4/Goal?_count=100');
    expect(
      unfiltered.body.entry.map((entry: { resource: { subject: { reference: string } } }) => entry.resource.subject.reference),
    ).toEqual([`Patient/${person.id}`]);

    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['care_plan', 'sud'] });
    const withSud = await partner.get(`/fhir/R4/Goal/${sober.id}`);
    expect(withSud.status).toBe(200);
    await keep(withSud.body);
    expect(withSud.body.meta.security).toEqual([expect.objectContaining({ system: hl7.actCode, code: 'SUD' })]);
    expect(ids((await partner.get(`/fhir/R4/Goal?patient=${person.id}`)).body)).toEqual([eat.id, sober.id].sort());
    expect(await auditCount(db, 'goal.read', world.pantryStaff.id)).toBe(2);
    expect(await auditCount(db, 'goal.search', world.pantryStaff.id)).toBeGreaterThanOrEqual(4);
  });
});
