// The SQL of merging two records of one person (person_merges, and the moves between records of
// people, person_identifiers, person_enrolments, person_primary_care, person_care_team and
// person_consents). The use case has asked the policy and locked both rows; each move returns the
// ids it moved, for the merge record.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { MergeField } from './people.schema';
import type { PersonRow } from './people.store';

export type MergeRow = Omit<TableRow<'person_merges'>, 'fields_from_duplicate' | 'moved'> & {
  fields_from_duplicate: MergeField[];
  moved: MergeMoved;
};

/** What a merge moved from the duplicate to the record kept: ids by kind. */
export interface MergeMoved {
  identifiers: string[];
  /** Identifiers the kept record already had, exactly: left with the duplicate. */
  identifiersDropped: string[];
  enrolments: string[];
  /** Open enrolments of the duplicate in a program the kept record is enrolled in: ended on the day of the merge, then moved. */
  enrolmentsEnded: string[];
  /** The duplicate's primary care physician, moved because the kept record had none. */
  primaryCare: boolean;
  careTeam: string[];
  /** Current care-team members the kept record already had (same organisation, person and role): left with the duplicate. */
  careTeamDropped: string[];
  consents: string[];
  screenings: string[];
  needs: string[];
  /** Open needs of a domain both records had: the kept record's need, and the duplicate's whose history joined it. */
  needsCombined: { needId: string; fromNeedId: string; needDomain: string }[];
  goals: string[];
  contacts: string[];
}

/** Both records, locked for the merge in one order (so two merges of the same pair cannot deadlock). */
export async function lockPeopleForMerge(q: Queryable, ids: string[]): Promise<PersonRow[]> {
  return q.query<PersonRow>('SELECT * FROM people WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

export async function moveIdentifiers(
  q: Queryable,
  fromId: string,
  toId: string,
): Promise<{ moved: string[]; dropped: string[] }> {
  const moved = await q.query<{ id: string }>(
    `UPDATE person_identifiers i SET person_id = $2
      WHERE i.person_id = $1
        AND NOT EXISTS (SELECT 1 FROM person_identifiers s
                         WHERE s.person_id = $2 AND s.kind = i.kind AND s.value = i.value AND s.issuer = i.issuer)
      RETURNING i.id`,
    [fromId, toId],
  );
  const dropped = await q.query<{ id: string }>('SELECT id FROM person_identifiers WHERE person_id = $1', [fromId]);
  return { moved: ids(moved), dropped: ids(dropped) };
}

export async function moveEnrolments(
  q: Queryable,
  fromId: string,
  toId: string,
  by: string | null,
): Promise<{ moved: string[]; ended: string[] }> {
  // Enrolled once at a time in a program: the duplicate's open enrolment in a program the kept
  // record is open in ends today (its history stays), then moves.
  const ended = await q.query<{ id: string }>(
    `UPDATE person_enrolments d SET disenrolled_on = GREATEST(current_date, d.enrolled_on), disenrolled_by = $3
      WHERE d.person_id = $1 AND d.disenrolled_on IS NULL
        AND EXISTS (SELECT 1 FROM person_enrolments s
                     WHERE s.person_id = $2 AND s.program_id = d.program_id AND s.disenrolled_on IS NULL)
      RETURNING d.id`,
    [fromId, toId, by],
  );
  const moved = await q.query<{ id: string }>('UPDATE person_enrolments SET person_id = $2 WHERE person_id = $1 RETURNING id', [
    fromId,
    toId,
  ]);
  return { moved: ids(moved), ended: ids(ended) };
}

/** The duplicate's primary care physician, when the kept record has none. */
export async function movePrimaryCare(q: Queryable, fromId: string, toId: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE person_primary_care SET person_id = $2
      WHERE person_id = $1 AND NOT EXISTS (SELECT 1 FROM person_primary_care WHERE person_id = $2)
      RETURNING person_id`,
    [fromId, toId],
  );
  return rows.length > 0;
}

export async function moveCareTeam(q: Queryable, fromId: string, toId: string): Promise<{ moved: string[]; dropped: string[] }> {
  const moved = await q.query<{ id: string }>(
    `UPDATE person_care_team d SET person_id = $2
      WHERE d.person_id = $1
        AND NOT (d.ended_on IS NULL AND EXISTS (
              SELECT 1 FROM person_care_team s
               WHERE s.person_id = $2 AND s.ended_on IS NULL AND s.organization_id = d.organization_id AND s.role = d.role
                 AND s.user_id IS NOT DISTINCT FROM d.user_id AND s.unit_id IS NOT DISTINCT FROM d.unit_id
                 AND s.display_name = d.display_name))
      RETURNING d.id`,
    [fromId, toId],
  );
  const dropped = await q.query<{ id: string }>('SELECT id FROM person_care_team WHERE person_id = $1', [fromId]);
  return { moved: ids(moved), dropped: ids(dropped) };
}

/** Consents move as they were given: the same grantee, purpose, categories and dates, revoked or not. */
export async function moveConsents(q: Queryable, fromId: string, toId: string): Promise<string[]> {
  return ids(
    await q.query<{ id: string }>('UPDATE person_consents SET person_id = $2 WHERE person_id = $1 RETURNING id', [fromId, toId]),
  );
}

/** The duplicate's row stays, marked as merged: every read of people leaves it out from now on. */
export async function markMerged(q: Queryable, duplicateId: string, survivorId: string): Promise<void> {
  await q.query('UPDATE people SET merged_into = $2, version = version + 1, updated_at = now() WHERE id = $1', [
    duplicateId,
    survivorId,
  ]);
}

export async function insertMerge(
  q: Queryable,
  merge: {
    holderOrganizationId: string;
    survivorId: string;
    duplicateId: string;
    mergedBy: string | null;
    survivorVersion: number;
    duplicateVersion: number;
    fieldsFromDuplicate: MergeField[];
    moved: MergeMoved;
  },
): Promise<MergeRow> {
  const rows = await q.query<MergeRow>(
    `INSERT INTO person_merges (holder_organization_id, survivor_id, duplicate_id, merged_by, survivor_version, duplicate_version,
                                fields_from_duplicate, moved)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING *`,
    [
      merge.holderOrganizationId,
      merge.survivorId,
      merge.duplicateId,
      merge.mergedBy,
      merge.survivorVersion,
      merge.duplicateVersion,
      merge.fieldsFromDuplicate,
      JSON.stringify(merge.moved),
    ],
  );
  return rows[0]!;
}

/**
 * The record a merged one lives on as: the end of its chain of merges (a record kept by one merge
 * may be merged into another later). Undefined when `id` was never merged (or does not exist).
 */
export async function findSurvivorOf(q: Queryable, id: string): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `WITH RECURSIVE chain (id, merged_into, depth) AS (
       SELECT id, merged_into, 0 FROM people WHERE id = $1 AND merged_into IS NOT NULL
       UNION ALL
       SELECT p.id, p.merged_into, c.depth + 1 FROM people p JOIN chain c ON p.id = c.merged_into WHERE c.depth < 100)
     SELECT id FROM chain WHERE merged_into IS NULL LIMIT 1`,
    [id],
  );
  return rows[0]?.id;
}

/** The merges into a record, and into the records merged into it before (its whole history), oldest first. */
export async function listMergesInto(q: Queryable, survivorId: string): Promise<(MergeRow & { duplicate_created_at: Date })[]> {
  return q.query<MergeRow & { duplicate_created_at: Date }>(
    `WITH RECURSIVE absorbed (id, depth) AS (
       SELECT $1::uuid, 0
       UNION ALL
       SELECT m.duplicate_id, a.depth + 1 FROM person_merges m JOIN absorbed a ON m.survivor_id = a.id WHERE a.depth < 100)
     SELECT m.*, d.created_at AS duplicate_created_at
       FROM person_merges m JOIN absorbed a ON m.survivor_id = a.id JOIN people d ON d.id = m.duplicate_id
      ORDER BY m.merged_at, m.id`,
    [survivorId],
  );
}
