// QuestionnaireResponse in the registry: read, search (patient, questionnaire, authored, status)
// and create, through the screening domain's use cases (the people access rule and the 'needs'
// category, their audit rows; a create is scored into needs like a screening done in Kith).
import { z } from 'zod';
import {
  readQuestionnaire,
  readScreening,
  recordScreening,
  searchQuestionnaires,
  searchScreenings,
  type GivenItem,
  type ScreeningOutcome,
} from '../../domains/screening';
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { presentQuestionnaireResponse, readQuestionnaireResponse, restated, screeningBody } from './questionnaire-response';
import type { FhirResourceType } from './registry';
import { dateRange, reference, tokens } from './search-params';
import { shapedAfter } from './systems';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = z.string().max(600, 'must be at most 600 characters');
const statuses = ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'];

/** The questionnaires a `questionnaire` search value names: Questionnaire/<id>, <id>, url or url|version. */
async function questionnaireIdsOf(context: UseCaseContext, value: string): Promise<string[]> {
  if (value.startsWith('Questionnaire/') || uuid.test(value)) return [reference('questionnaire', value, 'Questionnaire')];
  if (!/^\S+$/.test(value)) throw AppError.field('questionnaire', 'must be Questionnaire/<id>, or a canonical url (url|version)');
  const bar = value.lastIndexOf('|');
  const url = bar < 0 ? value : value.slice(0, bar);
  const version = bar < 0 ? undefined : value.slice(bar + 1);
  const found = await searchQuestionnaires(context, { filter: { url, version, limit: 100 } });
  return found.items.map((row) => row.id);
}

export const questionnaireResponseResource: FhirResourceType = {
  type: 'QuestionnaireResponse',
  idParam: 'screeningId',
  shapedAfter: shapedAfter.questionnaireResponse,
  documentation:
    'Completed screenings, as far as the caller may see them: the holding organisation’s staff, or an organisation with a live care-coordination consent naming needs and screenings (answers to items about substance use only under a consent naming those records). A create records a screening done in another app and scores it into needs (Condition).',
  read: async (context, id) => presentQuestionnaireResponse(await readScreening(context, { screeningId: id })),
  search: {
    params: [
      { name: 'patient', type: 'reference', documentation: 'Patient/<id>: the screenings of this person', schema: text },
      {
        name: 'questionnaire',
        type: 'reference',
        documentation: 'Questionnaire/<id>, or the canonical url of the questionnaire answered (url or url|version)',
        schema: text,
      },
      {
        name: 'authored',
        type: 'date',
        documentation: 'When it was done: [eq|ge|le|gt|lt]YYYY-MM-DD (a day in UTC) or a time with its zone; repeat for a range',
        schema: text,
        repeats: true,
      },
      { name: 'status', type: 'token', documentation: 'completed: every screening Kith holds is', schema: text },
    ],
    run: async (context, query, page, all) => {
      let questionnaireIds: string[] | undefined;
      if (query.questionnaire !== undefined) questionnaireIds = await questionnaireIdsOf(context, query.questionnaire);
      if (query.status !== undefined) {
        const wanted = tokens('status', query.status).map((part) => part.value);
        const unknown = wanted.find((status) => !statuses.includes(status));
        if (unknown) throw AppError.field('status', `must be one of ${statuses.join(', ')}`);
        // Kith holds completed screenings only: another status finds none.
        if (!wanted.includes('completed')) questionnaireIds = [];
      }
      const authored = dateRange('authored', all.authored ?? []);
      const found = await searchScreenings(context, {
        filter: {
          personId: query.patient === undefined ? undefined : reference('patient', query.patient, 'Patient'),
          questionnaireIds,
          completedFrom: authored.from,
          completedBefore: authored.before,
          limit: page.count,
          cursor: page.cursor,
        },
        via: 'fhir',
      });
      return {
        resources: found.items.map((item) =>
          presentQuestionnaireResponse({
            ...item,
            questionnaire: found.questionnaires.get(item.screening.questionnaire_id)!,
            organizationNames: found.organizationNames,
          }),
        ),
        nextCursor: found.nextCursor,
      };
    },
  },
  createSummary:
    'Record a screening done in another app: scored into needs by the questionnaire’s rules (the questionnaire must be loaded; errors name the element)',
  create: async (context, resource) => {
    const sent = readQuestionnaireResponse(resource);
    const { canonical } = sent;
    const [held] = (
      await searchQuestionnaires(context, {
        filter: { url: canonical.url, version: canonical.version, currentOnly: canonical.version === undefined, limit: 1 },
      })
    ).items;
    if (!held)
      throw AppError.field(
        'QuestionnaireResponse.questionnaire',
        `${canonical.text} is not a questionnaire Kith holds: load it first (kith import questionnaire)`,
      );
    const questionnaire = await readQuestionnaire(context, { questionnaireId: held.id });
    const { body, origins } = screeningBody(sent, {
      id: held.id,
      url: held.url,
      version: held.version,
      questions: questionnaire.parsed.questions,
      baseLanguage: questionnaire.parsed.baseLanguage,
    });
    let outcome: ScreeningOutcome;
    try {
      outcome = await recordScreening(context, { personId: sent.personId, body, completedAt: sent.authored });
    } catch (error) {
      throw restated(error, origins);
    }
    const { answers, ...screening } = outcome.screening;
    return presentQuestionnaireResponse({
      screening,
      items: (answers as GivenItem[]).map((item, index) => ({
        number: index + 1,
        linkId: item.linkId,
        answers: item.answers,
      })),
      withheld: false,
      questionnaire: {
        id: held.id,
        url: held.url,
        version: held.version,
        title: held.title,
        parsed: questionnaire.parsed,
        rules: questionnaire.rules.map((rule) => ({ linkId: rule.link_id, answer: rule.answer, needDomain: rule.need_domain })),
      },
      organizationNames: new Map(),
    });
  },
};
