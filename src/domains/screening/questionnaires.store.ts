// SQL of questionnaires and their scoring rules. No personal data here.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { ScoringRule } from './questionnaire';

export type QuestionnaireRow = TableRow<'screening_questionnaires'> & { rule_count: number; answered: boolean };
export type ScoringRuleRow = TableRow<'screening_rules'>;

const columns = `sq.*, (SELECT count(*)::int FROM screening_rules r WHERE r.questionnaire_id = sq.id) AS rule_count,
  EXISTS (SELECT 1 FROM screening_responses sr WHERE sr.questionnaire_id = sq.id) AS answered`;

export async function listQuestionnaireRows(q: Queryable): Promise<QuestionnaireRow[]> {
  return q.query<QuestionnaireRow>(
    `SELECT ${columns} FROM screening_questionnaires sq WHERE sq.active ORDER BY sq.title, sq.url, sq.imported_at DESC`,
  );
}

export async function findQuestionnaire(q: Queryable, id: string): Promise<QuestionnaireRow | undefined> {
  return (await q.query<QuestionnaireRow>(`SELECT ${columns} FROM screening_questionnaires sq WHERE sq.id = $1`, [id]))[0];
}

export async function findQuestionnaireVersion(
  q: Queryable,
  url: string,
  version: string,
): Promise<QuestionnaireRow | undefined> {
  return (
    await q.query<QuestionnaireRow>(`SELECT ${columns} FROM screening_questionnaires sq WHERE sq.url = $1 AND sq.version = $2`, [
      url,
      version,
    ])
  )[0];
}

/** The newest other version of the same questionnaire, whose rules a new version starts from. */
export async function findPreviousVersion(q: Queryable, url: string, exceptId: string): Promise<{ id: string } | undefined> {
  return (
    await q.query<{ id: string }>(
      `SELECT id FROM screening_questionnaires WHERE url = $1 AND id <> $2 ORDER BY imported_at DESC, id LIMIT 1`,
      [url, exceptId],
    )
  )[0];
}

export async function insertQuestionnaire(
  q: Queryable,
  values: { url: string; version: string; title: string; languages: string[]; resource: unknown; importedBy: string | null },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO screening_questionnaires (url, version, title, languages, resource, imported_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
    [values.url, values.version, values.title, values.languages, JSON.stringify(values.resource), values.importedBy],
  );
  return row!.id;
}

/** Replaces the content of a version nobody has answered yet. */
export async function replaceQuestionnaire(
  q: Queryable,
  id: string,
  values: { title: string; languages: string[]; resource: unknown },
): Promise<void> {
  await q.query(
    `UPDATE screening_questionnaires SET title = $2, languages = $3, resource = $4::jsonb, active = true WHERE id = $1`,
    [id, values.title, values.languages, JSON.stringify(values.resource)],
  );
}

/** Older versions leave the form's list (their screenings keep pointing at them). */
export async function retireOtherVersions(q: Queryable, url: string, keepId: string): Promise<void> {
  await q.query('UPDATE screening_questionnaires SET active = false WHERE url = $1 AND id <> $2', [url, keepId]);
}

export async function listRules(q: Queryable, questionnaireId: string): Promise<ScoringRuleRow[]> {
  return q.query<ScoringRuleRow>(
    'SELECT * FROM screening_rules WHERE questionnaire_id = $1 ORDER BY link_id, answer, need_domain',
    [questionnaireId],
  );
}

export async function replaceRules(
  q: Queryable,
  questionnaireId: string,
  rules: ScoringRule[],
  by: string | null,
): Promise<void> {
  await q.query('DELETE FROM screening_rules WHERE questionnaire_id = $1', [questionnaireId]);
  if (rules.length === 0) return;
  await q.query(
    `INSERT INTO screening_rules (questionnaire_id, link_id, answer, need_domain, severity, created_by)
     SELECT $1, r->>'linkId', r->>'answer', r->>'needDomain', r->>'severity', $3
       FROM jsonb_array_elements($2::jsonb) AS r
     ON CONFLICT DO NOTHING`,
    [questionnaireId, JSON.stringify(rules), by],
  );
}

export async function copyRules(q: Queryable, fromId: string, toId: string): Promise<void> {
  await q.query(
    `INSERT INTO screening_rules (questionnaire_id, link_id, answer, need_domain, severity, created_by)
     SELECT $2, link_id, answer, need_domain, severity, created_by FROM screening_rules WHERE questionnaire_id = $1
     ON CONFLICT DO NOTHING`,
    [fromId, toId],
  );
}

export async function findQuestionnairesByIds(q: Queryable, ids: readonly string[]): Promise<QuestionnaireRow[]> {
  if (ids.length === 0) return [];
  return q.query<QuestionnaireRow>(`SELECT ${columns} FROM screening_questionnaires sq WHERE sq.id = ANY ($1::uuid[])`, [
    [...new Set(ids)],
  ]);
}

/** Every questionnaire Kith holds, current versions and older ones (a few dozen at most). */
export async function listEveryQuestionnaire(
  q: Queryable,
): Promise<Pick<QuestionnaireRow, 'id' | 'url' | 'version' | 'resource'>[]> {
  return q.query('SELECT id, url, version, resource FROM screening_questionnaires ORDER BY id');
}

export interface QuestionnaireFilter {
  url?: string;
  version?: string;
  /** The title, or a word of it, begins with this (any letter case). */
  title?: string;
  /** The resource's computer-friendly name begins with this (any letter case). */
  name?: string;
  /** The resource's own status (draft, active, retired, unknown). */
  status?: string;
  /** Only the version each form offers now. */
  currentOnly?: boolean;
  /** The id of the last questionnaire of the page before. */
  after?: string;
  limit: number;
}

const likePrefix = (text: string) => `${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** Questionnaires matching the filter, in id order, `limit + 1` of them. */
export async function searchQuestionnaireRows(q: Queryable, filter: QuestionnaireFilter): Promise<QuestionnaireRow[]> {
  const values: unknown[] = [];
  const add = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = ['TRUE'];
  if (filter.url !== undefined) where.push(`sq.url = ${add(filter.url)}`);
  if (filter.version !== undefined) where.push(`sq.version = ${add(filter.version)}`);
  if (filter.title !== undefined) {
    const prefix = add(likePrefix(filter.title));
    where.push(`(lower(sq.title) LIKE ${prefix} OR lower(sq.title) LIKE ('% ' || ${prefix}))`);
  }
  if (filter.name !== undefined) where.push(`lower(sq.resource->>'name') LIKE ${add(likePrefix(filter.name))}`);
  if (filter.status !== undefined) where.push(`sq.resource->>'status' = ${add(filter.status)}`);
  if (filter.currentOnly) where.push('sq.active');
  if (filter.after) where.push(`sq.id > ${add(filter.after)}::uuid`);
  return q.query<QuestionnaireRow>(
    `SELECT ${columns} FROM screening_questionnaires sq WHERE ${where.join(' AND ')} ORDER BY sq.id LIMIT ${add(filter.limit + 1)}`,
    values,
  );
}

export async function listRulesOf(q: Queryable, questionnaireIds: readonly string[]): Promise<ScoringRuleRow[]> {
  if (questionnaireIds.length === 0) return [];
  return q.query<ScoringRuleRow>(
    'SELECT * FROM screening_rules WHERE questionnaire_id = ANY ($1::uuid[]) ORDER BY questionnaire_id, link_id, answer, need_domain',
    [[...new Set(questionnaireIds)]],
  );
}
