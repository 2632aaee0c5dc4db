// FHIR R4 screenings and needs through HTTP on both engines: QuestionnaireResponse, Observation
// (one per answered item) and Condition (one per need) read and searched as the holder's staff, as
// a partner without a consent (404, an empty Bundle), with a consent lacking needs (the same), with
// one naming needs (the answers about substance use left out) and one naming 'sud' too, after
// revocation (404 at the next request), and by another organisation; Questionnaire read and
// searched by any signed-in user; the SDOHCC Hunger Vital Sign and PRAPARE example responses
// created and scored into needs served as Conditions; bad responses refused naming the element,
// nothing written; every resource served passes the FHIR R4 JSON Schema and @medplum/core's
// validator; every read and search writes an audit row.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildOrganization } from '../../../test/support/factories';
import { expectValidFhir as keep } from '../../../test/support/fhir-checks';
import { describeEachEngine } from '../../../test/support/harness';
import { Client, signedIn } from '../../../test/support/http-client';
import { buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';
import { buildQuestionnaire, buildScreening } from '../../../test/support/screening-factories';
import { revokeConsent } from '../../domains/people';
import { importQuestionnaire } from '../../domains/screening';
import { standardsAvailable, standardsDir } from '../hsds/import/standards-kit';
import { sdohExamples } from './fhir-validator';
import { codeSystems, hl7 } from './systems';

type Json = Record<string, any>;

const auditCount = async (db: { query: <T>(sql: string, values?: unknown[]) => Promise<T[]> }, action: string, userId: string) =>
  Number(
    (
      await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE action = $1 AND actor_user_id = $2', [
        action,
        userId,
      ])
    )[0]!.n,
  );

const ids = (bundle: Json) => (bundle.entry as { resource: { id: string } }[]).map((entry) => entry.resource.id).sort();
const codes = (concepts: Json[]) => concepts.flatMap((concept) => (concept.coding as Json[]).map((coding) => coding.code));
/** The answers of a QuestionnaireResponse by linkId, wherever they are nested. */
function answersOf(items: Json[] | undefined, into = new Map<string, unknown[]>()): Map<string, unknown[]> {
  for (const item of items ?? []) {
    if (item.answer) {
      into.set(
        item.linkId,
        (item.answer as Json[]).map((answer) => {
          const [kind] = Object.keys(answer).filter((key) => key.startsWith('value'));
          const value = answer[kind!];
          return kind === 'valueCoding' ? `${value.system ?? ''}|${value.code}` : value;
        }),
      );
      for (const answer of item.answer as Json[]) answersOf(answer.item, into);
    }
    answersOf(item.item, into);
  }
  return into;
}

const standardQuestionnaires = path.join(standardsDir, 'questionnaires');
const hasStandards = () =>
  standardsAvailable(standardQuestionnaires, 'The standard questionnaires') &&
  standardsAvailable(sdohExamples, 'The SDOH Clinical Care examples');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Json;

describeEachEngine('FHIR R4 screenings and needs', (ctx) => {
  it(
    'serves screenings, their answers and the needs they found to the holder, to a partner only the consented categories, to others nothing',
    { timeout: 120_000 },
    async () => {
      const { db, baseUrl } = ctx();
      const world = await buildPeopleWorld(db);
      const questionnaire = await buildQuestionnaire(db);
      const person = await buildPerson(db, { holderOrganizationId: world.host.id });
      const recorded = await buildScreening(db, person.id, questionnaire.id, [
        { linkId: 'food', answers: [{ code: 'often' }] },
        { linkId: 'housing', answers: [{ code: 'yes' }] },
        { linkId: 'transport', answers: [{ value: true }] },
        { linkId: 'drinking', answers: [{ code: 'yes' }] },
        { linkId: 'notes', answers: [{ value: 'Has a dog.' }] },
      ]);
      const screeningId = recorded.screening.id;
      const needs = new Map(recorded.needs.map((need) => [need.need_domain, need]));
      expect([...needs.keys()].sort()).toEqual([
        'behavioral-health',
        'food-insecurity',
        'housing-instability',
        'transportation-insecurity',
      ]);
      const food = needs.get('food-insecurity')!;
      const drinkingNeed = needs.get('behavioral-health')!;
      expect(drinkingNeed.sensitive).toBe('sud');
      const holder = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);

      // The holder: the response with every answer, in the value type of its item.
      const response = await holder.get(`/fhir/R4/QuestionnaireResponse/${screeningId}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/fhir+json');
      await keep(response.body);
      expect(response.body).toMatchObject({
        resourceType: 'QuestionnaireResponse',
        id: screeningId,
        questionnaire: `${questionnaire.url}|1`,
        status: 'completed',
        subject: { reference: `Patient/${person.id}` },
        authored: recorded.screening.completed_at.toISOString(),
      });
      expect(response.body.item).toEqual([
        { linkId: 'food', text: 'Did food run out?', answer: [{ valueCoding: { code: 'often', display: 'Often' } }] },
        { linkId: 'housing', text: 'Worried about housing?', answer: [{ valueCoding: { code: 'yes', display: 'Yes' } }] },
        { linkId: 'transport', text: 'Trouble getting to appointments?', answer: [{ valueBoolean: true }] },
        {
          linkId: 'drinking',
          text: 'Would you like help with drinking or drugs?',
          answer: [{ valueCoding: { code: 'yes', display: 'Yes' } }],
        },
        { linkId: 'notes', text: 'Anything else?', answer: [{ valueString: 'Has a dog.' }] },
      ]);
      expect(response.body.meta.security).toBeUndefined();
      expect(await auditCount(db, 'screening.read', world.coordinator.id)).toBe(1);

      // Its answers as Observations: <screening id>-<n>, the SDOH category of the need a rule ties the item to.
      const foodAnswer = await holder.get(`/fhir/R4/Observation/${screeningId}-1`);
      expect(foodAnswer.status, JSON.stringify(foodAnswer.body)).toBe(200);
      await keep(foodAnswer.body);
      expect(foodAnswer.body).toMatchObject({
        resourceType: 'Observation',
        id: `${screeningId}-1`,
        status: 'final',
        code: { coding: [{ system: questionnaire.url, code: 'food' }], text: 'Did food run out?' },
        subject: { reference: `Patient/${person.id}` },
        effectiveDateTime: recorded.screening.completed_at.toISOString(),
        valueCodeableConcept: { coding: [{ code: 'often', display: 'Often' }] },
        interpretation: [{ coding: [{ system: hl7.observationInterpretation, code: 'POS' }] }],
        derivedFrom: [{ reference: `QuestionnaireResponse/${screeningId}` }],
      });
      expect(codes(foodAnswer.body.category)).toEqual(['social-history', 'survey', 'sdoh', 'food-insecurity']);
      const notes = await holder.get(`/fhir/R4/Observation/${screeningId}-5`);
      expect(notes.body).toMatchObject({ valueString: 'Has a dog.' });
      expect(notes.body.interpretation).toBeUndefined();
      expect(codes(notes.body.category)).toEqual(['social-history', 'survey', 'sdoh']);
      await keep(notes.body);
      expect((await holder.get(`/fhir/R4/Observation/${screeningId}-6`)).status).toBe(404);

      const observations = await holder.get(`/fhir/R4/Observation?patient=Patient/${person.id}`);
      expect(observations.status).toBe(200);
      await keep(observations.body);
      expect(ids(observations.body)).toEqual([1, 2, 3, 4, 5].map((n) => `${screeningId}-${n}`).sort());
      const byCategory = await holder.get(`/fhir/R4/Observation?patient=${person.id}&category=housing-instability`);
      expect(ids(byCategory.body)).toEqual([`${screeningId}-2`]);
      const surveys = await holder.get(`/fhir/R4/Observation?patient=${person.id}&category=${hl7.observationCategory}|survey`);
      expect(ids(surveys.body)).toHaveLength(5);
      const byCode = await holder.get(`/fhir/R4/Observation?code=${encodeURIComponent(`${questionnaire.url}|transport`)}`);
      expect(ids(byCode.body)).toEqual([`${screeningId}-3`]);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      expect((await holder.get(`/fhir/R4/Observation?patient=${person.id}&date=ge${tomorrow}`)).body.entry).toEqual([]);

      // The needs as Conditions: the id is the need's, the evidence the response and the answer that found it.
      const condition = await holder.get(`/fhir/R4/Condition/${food.id}`);
      expect(condition.status, JSON.stringify(condition.body)).toBe(200);
      await keep(condition.body);
      expect(condition.body).toMatchObject({
        resourceType: 'Condition',
        id: food.id,
        clinicalStatus: { coding: [{ system: hl7.conditionClinical, code: 'active' }] },
        verificationStatus: { coding: [{ code: 'confirmed' }] },
        subject: { reference: `Patient/${person.id}` },
        severity: { text: 'High' },
        evidence: [
          { detail: [{ reference: `QuestionnaireResponse/${screeningId}` }, { reference: `Observation/${screeningId}-1` }] },
        ],
      });
      expect(codes(condition.body.category)).toEqual(['health-concern', 'sdoh', 'food-insecurity']);
      expect(condition.body.code.coding).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ system: hl7.snomed, code: '733423003' }),
          expect.objectContaining({ system: codeSystems.needDomain, code: 'food-insecurity' }),
        ]),
      );
      const conditions = await holder.get(`/fhir/R4/Condition?patient=${person.id}`);
      await keep(conditions.body);
      expect(ids(conditions.body)).toEqual([...needs.values()].map((need) => need.id).sort());
      expect(ids((await holder.get(`/fhir/R4/Condition?patient=${person.id}&category=food-insecurity`)).body)).toEqual([food.id]);
      expect(ids((await holder.get(`/fhir/R4/Condition?code=${hl7.snomed}|733423003&patient=${person.id}`)).body)).toEqual([
        food.id,
      ]);
      expect((await holder.get(`/fhir/R4/Condition?patient=${person.id}&clinical-status=resolved`)).body.entry).toEqual([]);
      expect(await auditCount(db, 'need.read', world.coordinator.id)).toBe(1);
      expect(await auditCount(db, 'need.search', world.coordinator.id)).toBe(4);
      expect(await auditCount(db, 'screening.search_answers', world.coordinator.id)).toBe(5);

      // A partner without a consent: 404 on every read, nothing in any search; each search audited.
      const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
      const reads = [
        `/fhir/R4/QuestionnaireResponse/${screeningId}`,
        `/fhir/R4/Observation/${screeningId}-1`,
        `/fhir/R4/Condition/${food.id}`,
      ];
      const searches = [
        `/fhir/R4/QuestionnaireResponse?patient=${person.id}`,
        `/fhir/R4/Observation?patient=${person.id}`,
        `/fhir/R4/Condition?patient=${person.id}`,
      ];
      const seesNothing = async (client: Client, stage: string) => {
        for (const url of reads) {
          const answer = await client.get(url);
          expect(answer.status, `${stage}: ${url}`).toBe(404);
          expect(answer.body.resourceType).toBe('OperationOutcome');
          expect(JSON.stringify(answer.body)).not.toContain(person.id);
        }
        for (const url of searches) {
          const answer = await client.get(url);
          expect(answer.status, `${stage}: ${url}`).toBe(200);
          expect(answer.body.entry, `${stage}: ${url}`).toEqual([]);
        }
      };
      await seesNothing(partner, 'without a consent');
      // A screening that does not exist is the same 404, in the same words.
      const missing = await partner.get(`/fhir/R4/QuestionnaireResponse/${randomUUID()}`);
      const hidden = await partner.get(`/fhir/R4/QuestionnaireResponse/${screeningId}`);
      expect(missing.body).toEqual(hidden.body);
      expect(await auditCount(db, 'need.search', world.pantryStaff.id)).toBe(1);

      // A consent for contact details only: still nothing about needs.
      const contactOnly = await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['contact'] });
      await seesNothing(partner, 'with a consent for contact details');

      // A consent naming needs: everything but the answer about drinking and the need it found.
      const needsConsent = await buildConsent(db, person.id, {
        granteeOrganizationId: world.pantry.id,
        categories: ['contact', 'needs'],
      });
      const redacted = await partner.get(`/fhir/R4/QuestionnaireResponse/${screeningId}`);
      expect(redacted.status).toBe(200);
      await keep(redacted.body);
      expect(redacted.body.item.map((item: Json) => item.linkId)).toEqual(['food', 'housing', 'transport', 'notes']);
      expect(redacted.body.meta.security).toEqual([expect.objectContaining({ code: 'REDACTED' })]);
      expect((await partner.get(`/fhir/R4/Observation/${screeningId}-4`)).status).toBe(404);
      expect((await partner.get(`/fhir/R4/Observation/${screeningId}-5`)).status).toBe(200);
      const partnerObservations = await partner.get(`/fhir/R4/Observation?patient=${person.id}`);
      await keep(partnerObservations.body);
      expect(ids(partnerObservations.body)).toEqual([1, 2, 3, 5].map((n) => `${screeningId}-${n}`).sort());
      const partnerConditions = await partner.get(`/fhir/R4/Condition?patient=${person.id}`);
      await keep(partnerConditions.body);
      expect(ids(partnerConditions.body)).toEqual(
        [...needs.values()]
          .filter((need) => need !== drinkingNeed)
          .map((need) => need.id)
          .sort(),
      );
      expect((await partner.get(`/fhir/R4/Condition/${drinkingNeed.id}`)).status).toBe(404);
      const partnerCondition = await partner.get(`/fhir/R4/Condition/${food.id}`);
      expect(partnerCondition.status).toBe(200);
      await keep(partnerCondition.body);
      expect(ids((await partner.get(`/fhir/R4/QuestionnaireResponse?patient=${person.id}`)).body)).toEqual([screeningId]);

      // And one naming substance-use records too: the drinking answer and its need appear.
      const sudConsent = await buildConsent(db, person.id, {
        granteeOrganizationId: world.pantry.id,
        categories: ['needs', 'sud'],
      });
      const whole = await partner.get(`/fhir/R4/QuestionnaireResponse/${screeningId}`);
      expect(whole.body.item).toHaveLength(5);
      expect(whole.body.meta.security).toBeUndefined();
      expect((await partner.get(`/fhir/R4/Condition/${drinkingNeed.id}`)).status).toBe(200);
      expect(ids((await partner.get(`/fhir/R4/Observation?patient=${person.id}`)).body)).toHaveLength(5);

      // Revoked: nothing at the very next request.
      for (const consent of [contactOnly, needsConsent, sudConsent])
        await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: consent.id, body: {} });
      await seesNothing(partner, 'after revocation');

      // Another organisation's staff: nothing either.
      const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
      await seesNothing(other, 'another organisation');
      expect(await auditCount(db, 'screening.search', world.otherStaff.id)).toBe(1);
    },
  );

  it.skipIf(!hasStandards())(
    'creates the SDOHCC Hunger Vital Sign and PRAPARE example responses, scored into needs served as Conditions',
    { timeout: 120_000 },
    async () => {
      const { db, baseUrl } = ctx();
      const world = await buildPeopleWorld(db);
      const person = await buildPerson(db, { holderOrganizationId: world.host.id });
      const system = { db, actor: 'system' as const };
      const hunger = await importQuestionnaire(system, {
        resource: readJson(path.join(standardQuestionnaires, 'Questionnaire-SDOHCC-QuestionnaireHungerVitalSign.json')),
      });
      const prapare = await importQuestionnaire(system, {
        resource: readJson(path.join(standardQuestionnaires, 'Questionnaire-SDOHCC-QuestionnairePRAPARE.json')),
      });
      const holder = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
      // The questionnaires as loaded, with Kith's ids.
      for (const loaded of [hunger, prapare]) {
        const served = await holder.get(`/fhir/R4/Questionnaire/${loaded.id}`);
        expect(served.body).toMatchObject({ id: loaded.id, url: loaded.url, version: loaded.version });
        await keep(served.body);
      }
      const post = (body: unknown) =>
        holder.request('POST', '/fhir/R4/QuestionnaireResponse', JSON.stringify(body), {
          'content-type': 'application/fhir+json',
        });
      const example = (name: string): Json => {
        const resource = readJson(
          path.join(sdohExamples, `QuestionnaireResponse-SDOHCC-QuestionnaireResponse${name}Example.json`),
        );
        // The example's patient is not Kith's: the response is about a person Kith holds.
        return { ...resource, subject: { reference: `Patient/${person.id}` }, source: { reference: `Patient/${person.id}` } };
      };

      const hungerExample = example('HungerVitalSign');
      const created = await post(hungerExample);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await keep(created.body);
      expect(created.headers.get('location')).toContain(`/fhir/R4/QuestionnaireResponse/${created.body.id}`);
      expect(created.body).toMatchObject({
        questionnaire: `${hunger.url}|${hunger.version}`,
        authored: '2020-09-10T21:56:54.671Z',
        subject: { reference: `Patient/${person.id}` },
      });
      expect(answersOf(created.body.item)).toEqual(answersOf(hungerExample.item));
      const afterHunger = await holder.get(`/fhir/R4/Condition?patient=${person.id}`);
      expect(afterHunger.body.entry.map((entry: Json) => entry.resource.code.coding.at(-1).code)).toEqual(['food-insecurity']);
      await keep(afterHunger.body);

      const prapareExample = example('PRAPARE');
      const second = await post(prapareExample);
      expect(second.status, JSON.stringify(second.body)).toBe(201);
      await keep(second.body);
      // Read back: the same answers in the questionnaire's groups, as the example has them.
      const readBack = await holder.get(`/fhir/R4/QuestionnaireResponse/${second.body.id}`);
      await keep(readBack.body);
      expect(answersOf(readBack.body.item)).toEqual(answersOf(prapareExample.item));
      expect(readBack.body.item.map((item: Json) => item.linkId)).toEqual(['/93025-5']);
      expect(readBack.body.item[0].item.map((item: Json) => item.linkId)).toEqual(
        prapareExample.item[0].item.map((item: Json) => item.linkId),
      );

      const conditions = await holder.get(`/fhir/R4/Condition?patient=${person.id}`);
      await keep(conditions.body);
      const byDomain = new Map<string, Json>(
        conditions.body.entry.map((entry: Json) => [entry.resource.code.coding.at(-1).code, entry.resource]),
      );
      expect([...byDomain.keys()].sort()).toEqual([
        'employment-status',
        'food-insecurity',
        'homelessness',
        'material-hardship',
        'transportation-insecurity',
      ]);
      // Homelessness, as the IG's SDOHCC-ConditionHomelessExample: its evidence the housing-status answer.
      const homeless = byDomain.get('homelessness')!;
      expect(codes(homeless.category)).toEqual(['health-concern', 'sdoh', 'homelessness']);
      expect(homeless.code.coding).toEqual(
        expect.arrayContaining([expect.objectContaining({ system: hl7.snomed, code: '32911000' })]),
      );
      const evidence = homeless.evidence[0].detail.map((detail: Json) => detail.reference as string);
      expect(evidence[0]).toBe(`QuestionnaireResponse/${second.body.id}`);
      expect(evidence).toHaveLength(2);
      const housing = await holder.get(`/fhir/R4/${evidence[1]}`);
      expect(housing.status).toBe(200);
      await keep(housing.body);
      expect(housing.body.code.coding[0]).toMatchObject({ system: hl7.loinc, code: '71802-3' });
      expect(housing.body.valueCodeableConcept.coding[0]).toMatchObject({ system: hl7.loinc, code: 'LA30190-5' });
      expect(codes(housing.body.category)).toEqual(['social-history', 'survey', 'sdoh', 'homelessness']);
      const byLoinc = await holder.get(`/fhir/R4/Observation?code=${hl7.loinc}|71802-3&patient=${person.id}`);
      expect(ids(byLoinc.body)).toEqual([housing.body.id]);
      const homelessAnswers = await holder.get(`/fhir/R4/Observation?category=homelessness&patient=${person.id}`);
      expect(ids(homelessAnswers.body)).toEqual([housing.body.id]);
      // The income (a decimal) as a quantity, the household size as an integer.
      const answers = await holder.get(`/fhir/R4/Observation?patient=${person.id}&_count=100`);
      await keep(answers.body);
      const byItem = new Map<string, Json>(
        answers.body.entry.map((entry: Json) => [entry.resource.code.coding.at(-1).code, entry.resource]),
      );
      expect(byItem.get('/93041-2/63586-2')).toMatchObject({ valueQuantity: { value: 25000 } });
      expect(byItem.get('/93042-0/63512-8')).toMatchObject({ valueInteger: 6 });
      expect(byItem.get('/93043-8/32624-9')!.component).toHaveLength(2);

      // Searched by questionnaire and by when it was done.
      const search = async (query: string) => ids((await holder.get(`/fhir/R4/QuestionnaireResponse?${query}`)).body);
      expect(await search(`patient=${person.id}`)).toEqual([created.body.id, second.body.id].sort());
      expect(await search(`questionnaire=${encodeURIComponent(prapare.url)}`)).toEqual([second.body.id]);
      expect(await search(`questionnaire=${encodeURIComponent(`${hunger.url}|${hunger.version}`)}`)).toEqual([created.body.id]);
      expect(await search(`questionnaire=Questionnaire/${hunger.id}`)).toEqual([created.body.id]);
      expect(await search(`patient=${person.id}&authored=ge2021-01-01`)).toEqual([second.body.id]);
      expect(await search(`patient=${person.id}&authored=lt2021-01-01`)).toEqual([created.body.id]);
      expect(await search(`patient=${person.id}&authored=ge2021-04-26&authored=le2021-04-26`)).toEqual([second.body.id]);
      expect(await search(`patient=${person.id}&status=in-progress`)).toEqual([]);
      expect(await auditCount(db, 'screening.create', world.coordinator.id)).toBe(2);
    },
  );

  it(
    'refuses a QuestionnaireResponse it cannot record, naming the element, and writes nothing',
    { timeout: 60_000 },
    async () => {
      const { db, baseUrl } = ctx();
      const world = await buildPeopleWorld(db);
      const questionnaire = await buildQuestionnaire(db);
      const person = await buildPerson(db, { holderOrganizationId: world.host.id });
      const elsewhere = await buildOrganization(db, { name: `Elsewhere ${person.id.slice(0, 8)}` });
      const stranger = await buildPerson(db, { holderOrganizationId: elsewhere.id });
      const holder = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
      const base = {
        resourceType: 'QuestionnaireResponse',
        status: 'completed',
        questionnaire: `${questionnaire.url}|1`,
        subject: { reference: `Patient/${person.id}` },
        authored: '2026-01-05T10:00:00Z',
        item: [
          { linkId: 'food', answer: [{ valueCoding: { code: 'often' } }] },
          { linkId: 'transport', answer: [{ valueBoolean: true }] },
        ],
      };
      const post = (client: Client, body: unknown) =>
        client.request('POST', '/fhir/R4/QuestionnaireResponse', JSON.stringify(body), {
          'content-type': 'application/fhir+json',
        });
      const counts = async () =>
        (
          await db.query<{ n: string }>(
            `SELECT concat_ws(',', (SELECT count(*) FROM screening_responses), (SELECT count(*) FROM screening_needs)) AS n`,
          )
        )[0]!.n;
      const before = await counts();
      const refused = async (body: unknown, status: number, expression: string) => {
        const answer = await post(holder, body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(status);
        await keep(answer.body);
        expect(answer.body.resourceType).toBe('OperationOutcome');
        expect(
          answer.body.issue.flatMap((issue: Json) => issue.expression ?? []),
          JSON.stringify(answer.body),
        ).toContain(expression);
        return answer;
      };

      await refused(
        { ...base, questionnaire: 'https://example.org/Questionnaire/nothing|1' },
        400,
        'QuestionnaireResponse.questionnaire',
      );
      await refused({ ...base, questionnaire: `${questionnaire.url}|9` }, 400, 'QuestionnaireResponse.questionnaire');
      await refused(
        { ...base, item: [...base.item, { linkId: 'pets', answer: [{ valueBoolean: true }] }] },
        400,
        'QuestionnaireResponse.item[2].linkId',
      );
      await refused(
        { ...base, item: [{ linkId: 'transport', answer: [{ valueString: 'yes' }] }] },
        400,
        'QuestionnaireResponse.item[0].answer[0].valueString',
      );
      await refused(
        { ...base, item: [{ linkId: 'food', answer: [{ valueCoding: { code: 'sometimes' } }] }] },
        400,
        'QuestionnaireResponse.item[0].answer[0].valueCoding.code',
      );
      await refused(
        { ...base, item: [{ linkId: 'food', answer: [{ valueCoding: { code: 'often' } }, { valueCoding: { code: 'never' } }] }] },
        400,
        'QuestionnaireResponse.item[0].answer',
      );
      await refused(
        { ...base, authored: new Date(Date.now() + 86_400_000).toISOString() },
        400,
        'QuestionnaireResponse.authored',
      );
      await refused({ ...base, authored: '05/01/2026' }, 400, 'QuestionnaireResponse.authored');
      await refused({ ...base, status: 'in-progress' }, 400, 'QuestionnaireResponse.status');
      await refused({ ...base, subject: { reference: 'Group/1' } }, 400, 'QuestionnaireResponse.subject');
      await refused({ ...base, language: 'fr' }, 400, 'QuestionnaireResponse.language');
      await refused({ ...base, item: [] }, 400, 'QuestionnaireResponse.item');
      await refused({ ...base, resourceType: 'Observation' }, 400, 'QuestionnaireResponse.resourceType');
      // A person the caller may not see, and nobody at all: the same 404 naming the subject.
      const strangers = await refused(
        { ...base, subject: { reference: `Patient/${stranger.id}` } },
        404,
        'QuestionnaireResponse.subject',
      );
      const nobody = await refused(
        { ...base, subject: { reference: `Patient/${randomUUID()}` } },
        404,
        'QuestionnaireResponse.subject',
      );
      expect(strangers.body).toEqual(nobody.body);
      // A partner with a consent naming needs reads them, but records no screening.
      await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['contact', 'needs'] });
      const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
      const partnerPost = await post(partner, base);
      expect(partnerPost.status).toBe(404);
      expect(partnerPost.body.resourceType).toBe('OperationOutcome');
      expect(await counts()).toBe(before);

      // The same response, put right: recorded, and scored into needs.
      const created = await post(holder, base);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await keep(created.body);
      expect(created.body.authored).toBe('2026-01-05T10:00:00.000Z');
      const conditions = await holder.get(`/fhir/R4/Condition?patient=${person.id}`);
      expect(conditions.body.entry.map((entry: Json) => entry.resource.code.coding.at(-1).code as string).sort()).toEqual([
        'food-insecurity',
        'transportation-insecurity',
      ]);
    },
  );

  it('serves the questionnaires to any signed-in user: read, and searched by url, version, title and status', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const first = await buildQuestionnaire(db, { version: '1' });
    const url = first.url;
    const second = await buildQuestionnaire(db, { url, version: '2' });
    const partner = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);

    const read = await partner.get(`/fhir/R4/Questionnaire/${first.id}`);
    expect(read.status).toBe(200);
    await keep(read.body);
    expect(read.body).toMatchObject({ resourceType: 'Questionnaire', id: first.id, url, version: '1', title: 'Test screening' });
    expect(read.body.item.map((item: Json) => item.linkId)).toEqual(['food', 'housing', 'transport', 'drinking', 'notes']);
    const byUrl = await partner.get(`/fhir/R4/Questionnaire?url=${encodeURIComponent(url)}`);
    await keep(byUrl.body);
    expect(ids(byUrl.body)).toEqual([first.id, second.id].sort());
    expect(ids((await partner.get(`/fhir/R4/Questionnaire?url=${encodeURIComponent(url)}&version=2`)).body)).toEqual([second.id]);
    expect(ids((await partner.get(`/fhir/R4/Questionnaire?url=${encodeURIComponent(url)}&title=screen`)).body)).toEqual(
      [first.id, second.id].sort(),
    );
    expect((await partner.get(`/fhir/R4/Questionnaire?url=${encodeURIComponent(url)}&status=retired`)).body.entry).toEqual([]);
    expect((await partner.get('/fhir/R4/Questionnaire?status=finished')).status).toBe(400);
    expect((await partner.get(`/fhir/R4/Questionnaire/${randomUUID()}`)).status).toBe(404);
    expect((await new Client(baseUrl).get(`/fhir/R4/Questionnaire/${first.id}`)).status).toBe(401);
  });

  it('refuses search values it cannot read, naming the parameter, and pages by link next', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const questionnaire = await buildQuestionnaire(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    for (let index = 0; index < 3; index++) await buildScreening(db, person.id, questionnaire.id);
    const holder = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    for (const [url, param] of [
      ['/fhir/R4/QuestionnaireResponse?authored=2026-13-01', 'authored'],
      ['/fhir/R4/QuestionnaireResponse?authored=sa2026-01-01', 'authored'],
      ['/fhir/R4/QuestionnaireResponse?patient=Patient/12', 'patient'],
      ['/fhir/R4/QuestionnaireResponse?status=done', 'status'],
      ['/fhir/R4/Observation?date=yesterday', 'date'],
      ['/fhir/R4/Observation?date=0000-01-01T00:00:00Z', 'date'],
      ['/fhir/R4/QuestionnaireResponse?authored=gt9999-12-31', 'authored'],
      ['/fhir/R4/Condition?clinical-status=open', 'clinical-status'],
      ['/fhir/R4/Condition?_cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ] as const) {
      const answer = await holder.get(url);
      expect(answer.status, url).toBe(400);
      expect(answer.body.issue[0].diagnostics, url).toContain(param);
    }
    const seen: string[] = [];
    let next: string | undefined = `/fhir/R4/Observation?patient=${person.id}&_count=4`;
    let pages = 0;
    while (next) {
      const page = await holder.get(next);
      expect(page.status).toBe(200);
      await keep(page.body);
      seen.push(...ids(page.body));
      const link = page.body.link.find((candidate: Json) => candidate.relation === 'next')?.url as string | undefined;
      next = link ? new URL(link).pathname + new URL(link).search : undefined;
      pages++;
    }
    // Three screenings of two answers each: six Observations, four and then two.
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(6);
    const repeated = await holder.get(
      `/fhir/R4/QuestionnaireResponse?patient=${person.id}&authored=ge2020-01-01&authored=le2999-01-01&_count=2`,
    );
    expect(repeated.body.entry).toHaveLength(2);
    const nextLink = repeated.body.link.find((candidate: Json) => candidate.relation === 'next').url as string;
    expect(new URL(nextLink).searchParams.getAll('authored')).toEqual(['ge2020-01-01', 'le2999-01-01']);
  });
});
