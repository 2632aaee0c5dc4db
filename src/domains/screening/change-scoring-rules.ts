// Replaces a questionnaire's scoring rules (which answers are a positive screen for which need
// domain): the host's admins and program managers. Each rule must name a question of the
// questionnaire, an answer it can take, and a need domain of the directory's list.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { listNeedDomainRows } from '../directory';
import { actorUserId } from './guard';
import { parseQuestionnaire } from './questionnaire';
import { findQuestionnaire, listRules, replaceRules, type ScoringRuleRow } from './questionnaires.store';
import type { ReplaceRulesBody } from './screening.schema';

export async function changeScoringRules(
  context: UseCaseContext,
  props: { questionnaireId: string; body: ReplaceRulesBody },
): Promise<ScoringRuleRow[]> {
  await authorizeFor(context, 'questionnaire.change_rules', { id: props.questionnaireId }, 'questionnaire');
  return context.db.tx(async (q) => {
    const row = await findQuestionnaire(q, props.questionnaireId);
    if (!row) throw new AppError('not_found', 'No questionnaire with this id.');
    const questions = new Map(parseQuestionnaire(row.resource).questions.map((question) => [question.linkId, question]));
    const domains = new Set((await listNeedDomainRows(q)).map((domain) => domain.code));
    props.body.rules.forEach((rule, index) => {
      const question = questions.get(rule.linkId);
      if (!question || !question.answerable)
        throw AppError.field(`rules.${index}.linkId`, 'is not a question of this questionnaire');
      if (question.options.length > 0 && !question.options.some((option) => option.code === rule.answer))
        throw AppError.field(`rules.${index}.answer`, 'is not one of the options of this question');
      if (question.type === 'boolean' && !['true', 'false'].includes(rule.answer))
        throw AppError.field(`rules.${index}.answer`, 'must be true or false for a yes/no question');
      if (!domains.has(rule.needDomain)) throw AppError.field(`rules.${index}.needDomain`, 'is not a need-domain code');
    });
    await replaceRules(q, row.id, props.body.rules, actorUserId(context));
    await audit(q, auditContextOf(context), {
      action: 'questionnaire.change_rules',
      recordType: 'questionnaire',
      recordId: row.id,
      details: { rules: props.body.rules.length },
    });
    return listRules(q, row.id);
  });
}
