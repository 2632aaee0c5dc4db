// SQL of screenings, needs and need history. Every read of a person's rows here takes the
// categories the people domain's access rule computed (in SQL, in the same transaction) for the
// viewer, and filters by them in SQL: nothing without 'needs', nothing flagged 'sud' without 'sud'.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { GivenItem } from './questionnaire';
import { openNeedStatuses } from './screening.schema';

export type NeedRow = TableRow<'screening_needs'>;
export type NeedChangeRow = TableRow<'screening_need_changes'> & { need_domain: string };
export type ScreeningRow = TableRow<'screening_responses'> & { questionnaire_title: string; questionnaire_version: string };

/** The SQL condition of the categories `$n` (text[]): the 'needs' category, and 'sud' for sensitive rows of `alias`. */
const allowed = (alias: string, param: string) =>
  `'needs' = ANY (${param}::text[]) AND (${alias}.sensitive IS NULL OR 'sud' = ANY (${param}::text[]))`;
const open = `ARRAY[${openNeedStatuses.map((status) => `'${status}'`).join(', ')}]::text[]`;

export async function listNeedRows(
  q: Queryable,
  personId: string,
  categories: readonly string[],
  options: { openOnly?: boolean } = {},
): Promise<NeedRow[]> {
  return q.query<NeedRow>(
    `SELECT n.* FROM screening_needs n
      WHERE n.person_id = $1 AND ${allowed('n', '$2')} ${options.openOnly ? `AND n.status = ANY (${open})` : ''}
      ORDER BY (n.status = ANY (${open})) DESC, n.priority NULLS LAST,
               array_position(ARRAY['urgent', 'high', 'medium', 'low']::text[], n.severity), n.identified_on DESC, n.id`,
    [personId, categories],
  );
}

export async function findNeedRow(
  q: Queryable,
  personId: string,
  needId: string,
  categories: readonly string[],
): Promise<NeedRow | undefined> {
  return (
    await q.query<NeedRow>(
      `SELECT n.* FROM screening_needs n WHERE n.id = $1 AND n.person_id = $2 AND ${allowed('n', '$3')} FOR UPDATE`,
      [needId, personId, categories],
    )
  )[0];
}

/** A need by its id, whoever may see it, locked for a change a use case has authorised under its own rule. */
export async function lockNeed(q: Queryable, needId: string): Promise<NeedRow | undefined> {
  return (await q.query<NeedRow>('SELECT * FROM screening_needs WHERE id = $1 FOR UPDATE', [needId]))[0];
}

/** The open needs of these domains (any sensitivity: a screening updates what is there, whoever may see it). */
export async function openNeedsOf(q: Queryable, personId: string, domains: string[]): Promise<NeedRow[]> {
  return q.query<NeedRow>(
    `SELECT * FROM screening_needs WHERE person_id = $1 AND need_domain = ANY ($2::text[]) AND status = ANY (${open}) FOR UPDATE`,
    [personId, domains],
  );
}

export async function insertNeed(
  q: Queryable,
  values: {
    personId: string;
    needDomain: string;
    severity: string;
    status: string;
    priority: number | null;
    addressedBy: string | null;
    source: 'screening' | 'manual';
    screeningId: string | null;
    sensitive: string | null;
    note: string | null;
    createdBy: string | null;
  },
): Promise<NeedRow> {
  const [row] = await q.query<NeedRow>(
    `INSERT INTO screening_needs (person_id, need_domain, severity, status, priority, addressed_by_organization_id, source,
                                  source_screening_id, sensitive, note, created_by, resolved_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $4 = ANY (${open}) THEN NULL ELSE current_date END)
     RETURNING *`,
    [
      values.personId,
      values.needDomain,
      values.severity,
      values.status,
      values.priority,
      values.addressedBy,
      values.source,
      values.screeningId,
      values.sensitive,
      values.note,
      values.createdBy,
    ],
  );
  return row!;
}

export async function updateNeed(
  q: Queryable,
  needId: string,
  values: { status: string; severity: string; priority: number | null; addressedBy: string | null; sensitive: string | null },
): Promise<NeedRow> {
  const [row] = await q.query<NeedRow>(
    `UPDATE screening_needs
        SET status = $2, severity = $3, priority = $4, addressed_by_organization_id = $5, sensitive = $6, updated_at = now(),
            resolved_on = CASE WHEN $2 = ANY (${open}) THEN NULL ELSE COALESCE(resolved_on, greatest(current_date, identified_on)) END
      WHERE id = $1 RETURNING *`,
    [needId, values.status, values.severity, values.priority, values.addressedBy, values.sensitive],
  );
  return row!;
}

export async function insertNeedChanges(
  q: Queryable,
  changes: {
    needId: string;
    field: string;
    from: string | null;
    to: string | null;
    screeningId: string | null;
    by: string | null;
  }[],
): Promise<void> {
  if (changes.length === 0) return;
  await q.query(
    `INSERT INTO screening_need_changes (need_id, field, from_value, to_value, screening_id, changed_by)
     SELECT (c->>'needId')::uuid, c->>'field', c->>'from', c->>'to', (c->>'screeningId')::uuid, (c->>'by')::uuid
       FROM jsonb_array_elements($1::jsonb) AS c`,
    [JSON.stringify(changes)],
  );
}

export async function listNeedChanges(
  q: Queryable,
  personId: string,
  categories: readonly string[],
  needId: string | undefined,
): Promise<NeedChangeRow[]> {
  return q.query<NeedChangeRow>(
    `SELECT c.*, n.need_domain FROM screening_need_changes c JOIN screening_needs n ON n.id = c.need_id
      WHERE n.person_id = $1 AND ${allowed('n', '$2')} AND ($3::uuid IS NULL OR n.id = $3::uuid)
      ORDER BY c.id DESC LIMIT 500`,
    [personId, categories, needId ?? null],
  );
}

export async function insertScreening(
  q: Queryable,
  values: {
    personId: string;
    questionnaireId: string;
    answers: GivenItem[];
    language: string;
    sensitive: string | null;
    by: string | null;
    byOrganization: string | null;
    /** When the screening was done; null: now. */
    completedAt?: Date | null;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO screening_responses (person_id, questionnaire_id, answers, language, sensitive, recorded_by,
                                      recorded_by_organization_id, completed_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, COALESCE($8::timestamptz, now())) RETURNING id`,
    [
      values.personId,
      values.questionnaireId,
      JSON.stringify(values.answers),
      values.language,
      values.sensitive,
      values.by,
      values.byOrganization,
      values.completedAt ?? null,
    ],
  );
  return row!.id;
}

export async function listScreeningRows(
  q: Queryable,
  personId: string,
  categories: readonly string[],
  screeningId?: string,
): Promise<ScreeningRow[]> {
  return q.query<ScreeningRow>(
    `SELECT s.*, sq.title AS questionnaire_title, sq.version AS questionnaire_version
       FROM screening_responses s JOIN screening_questionnaires sq ON sq.id = s.questionnaire_id
      WHERE s.person_id = $1 AND 'needs' = ANY ($2::text[]) AND ($3::uuid IS NULL OR s.id = $3::uuid)
      ORDER BY s.completed_at DESC, s.id LIMIT 200`,
    [personId, categories, screeningId ?? null],
  );
}
