// A completed screening: stored as the answers given to one questionnaire version (a
// QuestionnaireResponse in shape: person, questionnaire, answers, who, when, language), scored by
// the questionnaire's rules, and turned into needs: one per positive need domain. An open need of
// the domain is updated (its severity, the screening that found it again), never duplicated.
// `completedAt` is when the screening was done, for one done elsewhere (a FHIR
// QuestionnaireResponse's authored): not in the future; by default, now.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { sees } from '../people';
import { actorUserId, guardNeeds } from './guard';
import {
  insertNeed,
  insertNeedChanges,
  insertScreening,
  listScreeningRows,
  openNeedsOf,
  updateNeed,
  type NeedRow,
  type ScreeningRow,
} from './needs.store';
import { checkAnswers, parseQuestionnaire, score, severities, type GivenItem } from './questionnaire';
import { findQuestionnaire, listRules } from './questionnaires.store';
import type { RecordScreeningBody } from './screening.schema';

/** How far ahead of the server's clock a screening done elsewhere may say it was done. */
const clockSkewMs = 5 * 60 * 1000;

export interface ScreeningOutcome {
  screening: ScreeningRow;
  needs: NeedRow[];
  created: string[];
  updated: string[];
}

export async function recordScreening(
  context: UseCaseContext,
  props: { personId: string; body: RecordScreeningBody; completedAt?: Date },
): Promise<ScreeningOutcome> {
  const { body, completedAt } = props;
  if (completedAt && (Number.isNaN(completedAt.getTime()) || completedAt.getTime() > Date.now() + clockSkewMs))
    throw AppError.field('completedAt', 'must be a time that has passed');
  if (completedAt && completedAt.getUTCFullYear() < 1900) throw AppError.field('completedAt', 'must be after 1900');
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardNeeds(q, context, props.personId, 'screening.create');
    const questionnaire = await findQuestionnaire(q, body.questionnaireId);
    if (!questionnaire) throw AppError.field('questionnaireId', 'is not a questionnaire Kith holds');
    const parsed = parseQuestionnaire(questionnaire.resource);
    const language = body.language.toLowerCase().split('-')[0]!;
    if (!parsed.languages.includes(language))
      throw AppError.field('language', `this questionnaire is written in ${parsed.languages.join(', ')} only`);
    const answers: GivenItem[] = body.answers
      .map((item) => ({
        linkId: item.linkId,
        answers: item.answers.map((answer) => (answer.code !== undefined ? { code: answer.code } : { value: answer.value! })),
      }))
      .filter((item) => item.answers.length > 0);
    if (body.answers.some((item) => item.answers.some((answer) => (answer.code === undefined) === (answer.value === undefined))))
      throw AppError.field('answers', 'each answer holds a code or a value');
    checkAnswers(parsed.questions, answers);
    const rules = (await listRules(q, questionnaire.id)).map((rule) => ({
      linkId: rule.link_id,
      answer: rule.answer,
      needDomain: rule.need_domain,
      severity: rule.severity,
    }));
    const positive = score(parsed.questions, rules, answers);
    const sensitiveItems = new Set(parsed.questions.filter((question) => question.sensitive).map((question) => question.linkId));
    const by = actorUserId(context);
    const screeningId = await insertScreening(q, {
      personId,
      questionnaireId: questionnaire.id,
      answers,
      language,
      sensitive: answers.some((item) => sensitiveItems.has(item.linkId)) ? 'sud' : null,
      by,
      byOrganization: signedInActor(context)?.organizationId ?? null,
      completedAt: completedAt ?? null,
    });

    const open = new Map(
      (
        await openNeedsOf(
          q,
          personId,
          positive.map((found) => found.needDomain),
        )
      ).map((need) => [need.need_domain, need]),
    );
    const needs: NeedRow[] = [];
    const created: string[] = [];
    const updated: string[] = [];
    for (const found of positive) {
      const existing = open.get(found.needDomain);
      if (existing) {
        const severity =
          severities.indexOf(found.severity) > severities.indexOf(existing.severity) ? found.severity : existing.severity;
        const need = await updateNeed(q, existing.id, {
          status: existing.status,
          severity,
          priority: existing.priority,
          addressedBy: existing.addressed_by_organization_id,
          sensitive: existing.sensitive && found.sensitive ? 'sud' : null,
        });
        await insertNeedChanges(q, [
          { needId: need.id, field: 'screening', from: null, to: screeningId, screeningId, by },
          ...(severity !== existing.severity
            ? [{ needId: need.id, field: 'severity', from: existing.severity, to: severity, screeningId, by }]
            : []),
        ]);
        needs.push(need);
        updated.push(need.id);
      } else {
        const need = await insertNeed(q, {
          personId,
          needDomain: found.needDomain,
          severity: found.severity,
          status: 'identified',
          priority: null,
          addressedBy: null,
          source: 'screening',
          screeningId,
          sensitive: found.sensitive,
          note: null,
          createdBy: by,
        });
        await insertNeedChanges(q, [{ needId: need.id, field: 'created', from: null, to: 'identified', screeningId, by }]);
        needs.push(need);
        created.push(need.id);
      }
    }
    await audit(q, auditContextOf(context), {
      action: 'screening.create',
      recordType: 'screening',
      recordId: screeningId,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { questionnaireId: questionnaire.id, needsCreated: created.length, needsUpdated: updated.length },
    });
    const [screening] = await listScreeningRows(q, personId, access.categories, screeningId);
    const visible = needs.filter((need) => !need.sensitive || sees(access, 'sud'));
    return { screening: screening!, needs: visible, created, updated };
  });
}
