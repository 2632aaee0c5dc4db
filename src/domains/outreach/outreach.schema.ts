// Request and response schemas of outreach: a contact with a person (when, how, whether they were
// reached, a note), and a person's contacts one page at a time.
import { z } from 'zod';
import { PageQuery, pageSchema } from '../../platform/http/pagination';
import { multiLineText } from '../../platform/http/text';

export const Id = z.uuid('must be a UUID');

export const outreachMethods = ['phone', 'text_message', 'email', 'home_visit', 'clinic_visit', 'video', 'letter'] as const;
export const OutreachMethod = z.enum(outreachMethods);
export type OutreachMethod = z.infer<typeof OutreachMethod>;

/** A clock a little ahead of the server's is not the future: a contact saved "now" from a phone must not be refused. */
const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = '2000-01-01T00:00:00Z';

/** A moment with its offset (`2026-12-03T10:15:00-05:00`), not in the future. */
const ContactedAt = z.iso
  .datetime({ offset: true, error: 'must be a date and time such as 2026-12-03T10:15:00-05:00' })
  .refine((value) => Date.parse(value) >= Date.parse(EARLIEST), 'must be on or after 2000-01-01')
  .refine((value) => Date.parse(value) <= Date.now() + CLOCK_SKEW_MS, 'must not be in the future');

export const PersonIdParams = z.strictObject({ personId: Id });

// ----- requests -----

export const RecordContactBody = z.strictObject({
  contactedAt: ContactedAt,
  method: OutreachMethod,
  reached: z.boolean('must be true or false'),
  note: multiLineText()
    .max(1000, 'must be at most 1000 characters')
    .transform((value) => (value === '' ? null : value))
    .nullish(),
});
export type RecordContactBody = z.infer<typeof RecordContactBody>;

export const ContactsQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
}).strict();
export type ContactsQuery = z.infer<typeof ContactsQuery>;

// ----- answers -----

export const OutreachContact = z
  .object({
    id: Id,
    personId: Id,
    contactedAt: z.string(),
    method: OutreachMethod,
    reached: z.boolean(),
    note: z.string().nullable(),
    /** Who made the contact: null when it was recorded by the operator (the CLI, the demo). */
    recordedBy: z.object({ userId: Id, name: z.string() }).nullable(),
    organization: z.object({ id: Id, name: z.string() }).nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'OutreachContact' });
export type OutreachContact = z.infer<typeof OutreachContact>;
export const OutreachContactPage = pageSchema(OutreachContact).meta({ id: 'OutreachContactPage' });

for (const [schema, id] of [
  [OutreachMethod, 'OutreachMethod'],
  [RecordContactBody, 'RecordContactBody'],
] as const) {
  z.globalRegistry.add(schema, { id });
}
