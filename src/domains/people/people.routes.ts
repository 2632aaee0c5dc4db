// Table of contents of the people domain's HTTP API: one entry per endpoint, each building a
// context, calling one use case and shaping the answer with the presenter.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth/authenticate';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { addCareTeamMember } from './add-care-team-member';
import { disenrolPerson } from './disenrol-person';
import { endCareTeamMember } from './end-care-team-member';
import { enrolPerson } from './enrol-person';
import { recordConsent } from './record-consent';
import { revokeConsent } from './revoke-consent';
import { setPrimaryCare } from './set-primary-care';
import { createCareProgram } from './create-care-program';
import { createPerson } from './create-person';
import * as present from './people.presenter';
import * as schema from './people.schema';
import { readCarePrograms } from './read-care-programs';
import { readMyPeople } from './read-my-people';
import { readPeople } from './read-people';
import { readPerson } from './read-person';
import { readPersonTimeline } from './read-person-timeline';
import { readPossibleDuplicates } from './read-possible-duplicates';
import { mergePeople } from './merge-people';
import { updatePerson } from './update-person';

/** The most rows one CSV holds. */
const CSV_LIMIT = 5000;

/** The version an If-Match header names (`"3"`, `W/"3"`), or undefined without one. */
function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw AppError.field('header.if-match', 'must be the ETag of the person as read, such as "3"');
  return Number(match[1]);
}

export function peopleRoutes(app: FastifyInstance, options: { db: Database; timeZone?: string }): void {
  const { db } = options;
  const timeZone = options.timeZone ?? 'America/New_York';
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  const detail = (record: Parameters<typeof present.presentPersonDetail>[0]) => present.presentPersonDetail(record);

  api.get('/api/people', {
    schema: {
      tags,
      summary:
        'The people you may see: filter by program, care-team member, need or when last reached; search by name, MRN or date of birth',
      querystring: schema.PeopleQuery,
      response: { 200: schema.PersonPage },
    },
    handler: async (request) => {
      const page = await readPeople(contextOf(request, db), { query: request.query });
      return {
        items: page.items.map(({ row, access }) => present.presentPersonListItem(row, access)),
        nextCursor: page.nextCursor,
      };
    },
  });

  api.get('/api/people.csv', {
    schema: {
      tags,
      summary: 'The same list as CSV, for spreadsheets (what you may see only)',
      querystring: schema.PeopleCsvQuery,
    },
    handler: async (request, reply) => {
      const page = await readPeople(contextOf(request, db), {
        query: { ...request.query, limit: CSV_LIMIT },
        purpose: 'export',
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kith-people.csv"')
        .header('cache-control', 'no-store')
        .send(present.presentPeopleCsv(page.items, { timeZone }));
    },
  });

  api.get('/api/people/mine', {
    schema: {
      tags,
      summary:
        'My people: those whose care team I am on first, then the others I may see; the most urgent open need first, with their open needs (where I see needs)',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
      response: { 200: z.object({ items: z.array(schema.MyPerson) }) },
    },
    handler: async (request) => ({
      items: (await readMyPeople(contextOf(request, db), { limit: request.query.limit })).map(present.presentMyPerson),
    }),
  });

  api.post('/api/people', {
    schema: {
      tags,
      summary: 'Add a person to your organisation’s records (409 with the ids of possible duplicates)',
      body: schema.CreatePersonBody,
      response: { 201: schema.PersonDetail },
    },
    handler: async (request, reply) =>
      reply.code(201).send(detail(await createPerson(contextOf(request, db), { body: request.body }))),
  });

  api.get('/api/people/:personId', {
    schema: {
      tags,
      summary: 'A person’s page, as far as you may see it (a record merged into another: 404 whose mergedInto names that record)',
      params: schema.PersonIdParams,
      response: { 200: schema.PersonDetail },
    },
    handler: async (request, reply) => {
      const record = await readPerson(contextOf(request, db), { personId: request.params.personId });
      reply.header('etag', `"${record.row.version}"`).header('cache-control', 'no-store');
      return detail(record);
    },
  });

  api.patch('/api/people/:personId', {
    schema: {
      tags,
      summary: 'Change a person’s record (send If-Match or version to refuse a change made since you read it)',
      params: schema.PersonIdParams,
      body: schema.UpdatePersonBody,
      response: { 200: schema.PersonDetail },
    },
    handler: async (request) =>
      detail(
        await updatePerson(contextOf(request, db), {
          personId: request.params.personId,
          body: request.body,
          ifMatchVersion: ifMatchVersion(request.headers['if-match']),
        }),
      ),
  });

  api.get('/api/people/:personId/duplicates', {
    schema: {
      tags,
      summary: 'People your organisation holds who may be this same person (same date of birth, a similar name)',
      params: schema.PersonIdParams,
      response: { 200: schema.PossibleDuplicates },
    },
    handler: async (request) => ({
      items: (await readPossibleDuplicates(contextOf(request, db), { personId: request.params.personId })).map(
        ({ row, access }) => present.presentPerson(row, access),
      ),
    }),
  });

  api.post('/api/people/:personId/merge', {
    schema: {
      tags,
      summary:
        'Merge a duplicate record into this one: choose, field by field, which value is kept; everything attached to the duplicate moves here (send both versions as read; If-Match may carry this one’s)',
      params: schema.PersonIdParams,
      body: schema.MergePeopleBody,
      response: { 200: schema.PersonDetail },
    },
    handler: async (request) =>
      detail(
        await mergePeople(contextOf(request, db), {
          personId: request.params.personId,
          body: request.body,
          ifMatchVersion: ifMatchVersion(request.headers['if-match']),
        }),
      ),
  });

  api.get('/api/people/:personId/timeline', {
    schema: {
      tags,
      summary: 'The record’s own history: when it was made, and the duplicate records merged into it',
      params: schema.PersonIdParams,
      response: { 200: schema.PersonTimeline },
    },
    handler: async (request) =>
      present.presentPersonTimeline(await readPersonTimeline(contextOf(request, db), { personId: request.params.personId })),
  });

  api.post('/api/people/:personId/enrolments', {
    schema: {
      tags,
      summary: 'Enrol the person in a program',
      params: schema.PersonIdParams,
      body: schema.EnrolBody,
      response: { 201: schema.PersonDetail },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(detail(await enrolPerson(contextOf(request, db), { personId: request.params.personId, body: request.body }))),
  });

  api.post('/api/people/:personId/enrolments/:enrolmentId/end', {
    schema: {
      tags,
      summary: 'Disenrol the person from a program',
      params: schema.EnrolmentIdParams,
      body: schema.DisenrolBody,
      response: { 200: schema.PersonDetail },
    },
    handler: async (request) => detail(await disenrolPerson(contextOf(request, db), { ...request.params, body: request.body })),
  });

  api.put('/api/people/:personId/primary-care', {
    schema: {
      tags,
      summary: 'Set the person’s primary care physician',
      params: schema.PersonIdParams,
      body: schema.PrimaryCareBody,
      response: { 200: schema.PersonDetail },
    },
    handler: async (request) =>
      detail(await setPrimaryCare(contextOf(request, db), { personId: request.params.personId, body: request.body })),
  });

  api.post('/api/people/:personId/care-team', {
    schema: {
      tags,
      summary: 'Add a member to the person’s care team',
      params: schema.PersonIdParams,
      body: schema.AddCareTeamMemberBody,
      response: { 201: schema.PersonDetail },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(detail(await addCareTeamMember(contextOf(request, db), { personId: request.params.personId, body: request.body }))),
  });

  api.post('/api/people/:personId/care-team/:memberId/end', {
    schema: {
      tags,
      summary: 'End a member’s time on the care team',
      params: schema.MemberIdParams,
      body: schema.EndCareTeamMemberBody,
      response: { 200: schema.PersonDetail },
    },
    handler: async (request) =>
      detail(await endCareTeamMember(contextOf(request, db), { ...request.params, body: request.body })),
  });

  api.post('/api/people/:personId/consents', {
    schema: {
      tags,
      summary: 'Record a consent: who may receive which data, why, and for how long',
      params: schema.PersonIdParams,
      body: schema.RecordConsentBody,
      response: { 201: schema.PersonDetail },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(detail(await recordConsent(contextOf(request, db), { personId: request.params.personId, body: request.body }))),
  });

  api.post('/api/people/:personId/consents/:consentId/revoke', {
    schema: {
      tags,
      summary: 'Revoke a consent; it stops sharing from the next request on',
      params: schema.ConsentIdParams,
      body: schema.RevokeConsentBody,
      response: { 200: schema.PersonDetail },
    },
    handler: async (request) => detail(await revokeConsent(contextOf(request, db), { ...request.params, body: request.body })),
  });

  api.get('/api/care-programs', {
    schema: { tags, summary: 'Your organisation’s care programs', response: { 200: schema.CareProgramList } },
    handler: async (request) => ({ items: (await readCarePrograms(contextOf(request, db))).map(present.presentCareProgram) }),
  });

  api.post('/api/care-programs', {
    schema: {
      tags,
      summary: 'Add a care program with its entry criteria (admins and program managers)',
      body: schema.CreateProgramBody,
      response: { 201: schema.CareProgram },
    },
    handler: async (request, reply) =>
      reply.code(201).send(present.presentCareProgram(await createCareProgram(contextOf(request, db), { body: request.body }))),
  });
}
