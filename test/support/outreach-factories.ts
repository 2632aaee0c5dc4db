// Factories of outreach: contacts with a person, recorded through the use case as the operator
// would (so they name no user or organisation).
import type { Database } from '../../src/platform/db/database';
import { recordContact, type RecordContactBody } from '../../src/domains/outreach';

/** A moment `days` days ago (fractions allowed), as the API takes it. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export async function buildContact(db: Database, personId: string, body: Partial<RecordContactBody> = {}) {
  const recorded = await recordContact(
    { db, actor: 'system' },
    { personId, body: { contactedAt: daysAgo(1), method: 'phone', reached: true, note: null, ...body } },
  );
  return recorded.contact;
}
