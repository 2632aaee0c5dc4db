// Observation in the registry: each answered item of a completed screening, read by
// `<screeningId>-<n>` and searched (patient, category, code, date), through the screening domain's
// use cases (the people access rule, the 'needs' category, 'sud' for items flagged so; audited).
import { z } from 'zod';
import { readScreening, searchScreeningAnswers, type ItemCode } from '../../domains/screening';
import { AppError } from '../../platform/http/app-error';
import { observationIdPattern, presentObservation } from './observation';
import type { FhirResourceType } from './registry';
import { dateRange, reference, tokens } from './search-params';
import { needDomainsOfCategory } from './sdoh-categories';
import { hl7, shapedAfter } from './systems';

const text = z.string().max(600, 'must be at most 600 characters');

export const observationResource: FhirResourceType = {
  type: 'Observation',
  idParam: 'observationId',
  readId: observationIdPattern,
  shapedAfter: shapedAfter.observation,
  documentation:
    'Screening responses: one per answered item of a completed screening (id <QuestionnaireResponse id>-<item number>), seen as the QuestionnaireResponse is.',
  read: async (context, id) => {
    const [, screeningId, number] = observationIdPattern.exec(id)!;
    const itemNumber = Number(number);
    const record = await readScreening(context, { screeningId: screeningId!, itemNumber });
    const item = record.items.find((candidate) => candidate.number === itemNumber);
    if (!item) throw new AppError('not_found', 'No Observation with this id.');
    return presentObservation(record.screening, item, record.questionnaire);
  },
  search: {
    params: [
      { name: 'patient', type: 'reference', documentation: 'Patient/<id>: the screening answers of this person', schema: text },
      {
        name: 'category',
        type: 'token',
        documentation:
          'social-history, survey or sdoh (every screening answer), or an SDOH category of the Gravity Project (food-insecurity …): the answers a scoring rule ties to it; a,b for either',
        schema: text,
      },
      {
        name: 'code',
        type: 'token',
        documentation:
          'The item’s code (http://loinc.org|88124-3), or its linkId as a code of the questionnaire’s url; a,b for either',
        schema: text,
      },
      {
        name: 'date',
        type: 'date',
        documentation:
          'When the screening was done: [eq|ge|le|gt|lt]YYYY-MM-DD (a day in UTC) or a time with its zone; repeat for a range',
        schema: text,
        repeats: true,
      },
    ],
    run: async (context, query, page, all) => {
      const needDomains =
        query.category === undefined
          ? undefined
          : needDomainsOfCategory('category', query.category, [
              { system: hl7.observationCategory, code: 'social-history' },
              { system: hl7.observationCategory, code: 'survey' },
              { system: hl7.usCoreCategory, code: 'sdoh' },
            ]);
      const itemCodes: ItemCode[] | undefined =
        query.code === undefined
          ? undefined
          : tokens('code', query.code).map((part) => ({
              ...(part.system !== undefined && { system: part.system }),
              code: part.value,
            }));
      const date = dateRange('date', all.date ?? []);
      const found = await searchScreeningAnswers(context, {
        filter: {
          personId: query.patient === undefined ? undefined : reference('patient', query.patient, 'Patient'),
          itemCodes,
          needDomains,
          completedFrom: date.from,
          completedBefore: date.before,
          limit: page.count,
          cursor: page.cursor,
        },
        via: 'fhir',
      });
      return {
        resources: found.items.map((entry) =>
          presentObservation(entry.screening, entry.item, found.questionnaires.get(entry.screening.questionnaire_id)!),
        ),
        nextCursor: found.nextCursor,
      };
    },
  },
};
