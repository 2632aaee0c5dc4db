// Loads a FHIR R4 Questionnaire (`kith import questionnaire <file>`, the demo). One row per url +
// version: a new version is a new row (the screenings of older versions keep pointing at theirs,
// their answers never rewritten) and starts from the scoring rules of the version before it, or
// from Kith's default rules for a standard tool. The same version again changes nothing; a changed
// text under a version already answered is refused.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { listNeedDomainRows } from '../directory';
import { defaultRules } from './default-rules';
import { parseQuestionnaire, type ScoringRule } from './questionnaire';
import { actorUserId } from './guard';
import {
  copyRules,
  findPreviousVersion,
  findQuestionnaireVersion,
  insertQuestionnaire,
  listRules,
  replaceQuestionnaire,
  replaceRules,
  retireOtherVersions,
} from './questionnaires.store';

export interface ImportedQuestionnaire {
  id: string;
  url: string;
  version: string;
  title: string;
  questionCount: number;
  ruleCount: number;
  outcome: 'created' | 'replaced' | 'unchanged';
}

/** JSON with every object's keys in order: a jsonb column gives them back in its own order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}
const sameJson = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export async function importQuestionnaire(
  context: UseCaseContext,
  props: { resource: unknown; source?: string; rules?: ScoringRule[] },
): Promise<ImportedQuestionnaire> {
  // Checked before anything is opened: a file that is not a Questionnaire writes nothing.
  const parsed = parseQuestionnaire(props.resource, props.source);
  await authorizeFor(context, 'questionnaire.import', {}, 'questionnaire');
  return context.db.tx(async (q) => {
    const domains = new Set((await listNeedDomainRows(q)).map((domain) => domain.code));
    const starting = props.rules ?? defaultRules[parsed.url];
    const unknown = starting?.find((rule) => !domains.has(rule.needDomain));
    if (unknown) throw AppError.field('rules', `${unknown.needDomain} is not a need-domain code`);
    const existing = await findQuestionnaireVersion(q, parsed.url, parsed.version);
    let id: string;
    let outcome: ImportedQuestionnaire['outcome'];
    if (existing && sameJson(existing.resource, props.resource)) {
      id = existing.id;
      outcome = 'unchanged';
    } else if (existing) {
      if (existing.answered)
        throw AppError.field(
          'version',
          `version ${parsed.version} of ${parsed.url} has been answered already: give the changed questionnaire a new version`,
          'conflict',
        );
      id = existing.id;
      outcome = 'replaced';
      await replaceQuestionnaire(q, id, { title: parsed.title, languages: parsed.languages, resource: props.resource });
    } else {
      id = await insertQuestionnaire(q, {
        url: parsed.url,
        version: parsed.version,
        title: parsed.title,
        languages: parsed.languages,
        resource: props.resource,
        importedBy: actorUserId(context),
      });
      outcome = 'created';
      const previous = await findPreviousVersion(q, parsed.url, id);
      if (previous && !props.rules) await copyRules(q, previous.id, id);
      else if (starting) await replaceRules(q, id, starting, actorUserId(context));
    }
    await retireOtherVersions(q, parsed.url, id);
    const ruleCount = (await listRules(q, id)).length;
    await audit(q, auditContextOf(context), {
      action: 'questionnaire.import',
      recordType: 'questionnaire',
      recordId: id,
      details: { outcome, version: parsed.version, questions: parsed.questions.length },
    });
    return {
      id,
      url: parsed.url,
      version: parsed.version,
      title: parsed.title,
      questionCount: parsed.questions.filter((question) => question.answerable).length,
      ruleCount,
      outcome,
    };
  });
}
