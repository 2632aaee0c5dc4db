// Writing the demo's contacts in bulk: one statement for all of them (the demo's start stays
// fast). Only the demo seeder calls this, in its own transaction, as the operator.
import type { Queryable } from '../../platform/db/database';
import type { OutreachMethod } from './outreach.schema';

export interface DemoContactInput {
  personId: string;
  contactedAt: Date;
  method: OutreachMethod;
  reached: boolean;
  note: string | null;
  recordedBy: string;
  recordedByOrganizationId: string;
}

export async function bulkInsertDemoContacts(q: Queryable, contacts: DemoContactInput[]): Promise<number> {
  if (contacts.length === 0) return 0;
  await q.query(
    `INSERT INTO outreach_contacts (person_id, contacted_at, method, reached, note, recorded_by, recorded_by_organization_id, recorded_at)
     SELECT person, at, method, reached, note, who, organization, at
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::boolean[], $5::text[], $6::uuid[], $7::uuid[])
         AS t (person, at, method, reached, note, who, organization)`,
    [
      contacts.map((contact) => contact.personId),
      contacts.map((contact) => contact.contactedAt.toISOString()),
      contacts.map((contact) => contact.method),
      contacts.map((contact) => contact.reached),
      contacts.map((contact) => contact.note),
      contacts.map((contact) => contact.recordedBy),
      contacts.map((contact) => contact.recordedByOrganizationId),
    ],
  );
  return contacts.length;
}
