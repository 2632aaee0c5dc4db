// Table of contents of outreach over HTTP: a person's contacts, and recording one.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth/authenticate';
import type { Database } from '../../platform/db/database';
import * as present from './outreach.presenter';
import * as schema from './outreach.schema';
import { readContacts } from './read-contacts';
import { recordContact } from './record-contact';

export function outreachRoutes(app: FastifyInstance, options: { db: Database }): void {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['outreach'];

  api.get('/api/people/:personId/contacts', {
    schema: {
      tags,
      summary: 'A person’s contacts with the team, newest first (with a consent naming the care plan)',
      params: schema.PersonIdParams,
      querystring: schema.ContactsQuery,
      response: { 200: schema.OutreachContactPage },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const page = await readContacts(contextOf(request, db), { personId: request.params.personId, query: request.query });
      return { items: page.contacts.map((row) => present.presentContact(row, page.names)), nextCursor: page.nextCursor };
    },
  });

  api.post('/api/people/:personId/contacts', {
    schema: {
      tags,
      summary: 'Record a contact with a person: when, how, whether they were reached, a short note',
      params: schema.PersonIdParams,
      body: schema.RecordContactBody,
      response: { 201: schema.OutreachContact },
    },
    handler: async (request, reply) => {
      const recorded = await recordContact(contextOf(request, db), { personId: request.params.personId, body: request.body });
      return reply.code(201).send(present.presentContact(recorded.contact, recorded.names));
    },
  });
}
