// People as another domain shows them to a viewer whose access that domain's own rule settled:
// the organisation a referral was sent to sees the person in the categories of the consent the
// referral went under, while the referral is sent and the consent live (the referrals domain
// decides that, in the same transaction, after asking its policy). The fields are this domain's
// presenter's, category by category, so a person looks the same wherever they are shown; what is
// read here asks no policy of its own, and is only ever called after the caller's has answered.
import type { Queryable } from '../../platform/db/database';
import type { PersonAccess } from './access';
import type { Person } from './people.schema';
import { presentPerson } from './people.presenter';
import { findPersonRowsByIds } from './people.store';

/** Each person as their access lets the viewer see them, by person id; a person not found is left out. */
export async function presentSharedPeople(
  q: Queryable,
  shares: readonly { personId: string; access: PersonAccess }[],
): Promise<Map<string, Person>> {
  const rows = new Map(
    (
      await findPersonRowsByIds(
        q,
        shares.map((share) => share.personId),
      )
    ).map((row) => [row.id, row]),
  );
  const people = new Map<string, Person>();
  for (const share of shares) {
    const row = rows.get(share.personId);
    if (row) people.set(share.personId, presentPerson(row, share.access));
  }
  return people;
}
