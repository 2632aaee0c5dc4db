// A person's completed screenings, newest first, under the 'needs' category; the answers to items
// flagged 'sud' are left out unless the access rule gave 'sud'. Audited in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { accessAuditDetails, sees } from '../people';
import { guardNeeds } from './guard';
import { listScreeningRows, type ScreeningRow } from './needs.store';
import { parseQuestionnaire, type GivenItem } from './questionnaire';
import { findQuestionnaire } from './questionnaires.store';

export async function readScreenings(context: UseCaseContext, props: { personId: string }): Promise<ScreeningRow[]> {
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardNeeds(q, context, props.personId, 'screening.list');
    const rows = await listScreeningRows(q, personId, access.categories);
    const screenings = sees(access, 'sud') ? rows : await withoutSensitiveAnswers(q, rows);
    await audit(q, auditContextOf(context), {
      action: 'screening.list',
      recordType: 'person',
      recordId: personId,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { ...accessAuditDetails(access), count: rows.length },
    });
    return screenings;
  });
}

async function withoutSensitiveAnswers(
  q: Parameters<typeof findQuestionnaire>[0],
  rows: ScreeningRow[],
): Promise<ScreeningRow[]> {
  const sensitive = new Map<string, Set<string>>();
  for (const id of new Set(rows.filter((row) => row.sensitive).map((row) => row.questionnaire_id))) {
    const questionnaire = await findQuestionnaire(q, id);
    const questions = questionnaire ? parseQuestionnaire(questionnaire.resource).questions : [];
    sensitive.set(id, new Set(questions.filter((question) => question.sensitive).map((question) => question.linkId)));
  }
  return rows.map((row) => {
    const hidden = sensitive.get(row.questionnaire_id);
    if (!row.sensitive || !hidden) return row;
    return { ...row, answers: (row.answers as GivenItem[]).filter((item) => !hidden.has(item.linkId)) };
  });
}
