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
