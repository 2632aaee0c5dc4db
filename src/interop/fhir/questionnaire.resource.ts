// Questionnaire in the registry: read and search (url, version, title, name, status) of every
// version Kith holds, through the screening domain's use cases. Not personal data: any signed-in
// user or token may read them, and nothing is audited.
import { z } from 'zod';
import { readQuestionnaire, searchQuestionnaires } from '../../domains/screening';
import { AppError } from '../../platform/http/app-error';
import { presentQuestionnaire } from './questionnaire';
import type { FhirResourceType } from './registry';

const text = z.string().max(500, 'must be at most 500 characters');
const statuses = ['draft', 'active', 'retired', 'unknown'];

export const questionnaireResource: FhirResourceType = {
  type: 'Questionnaire',
  idParam: 'questionnaireId',
  documentation:
    'The screening questionnaires Kith holds, every version, each the FHIR Questionnaire it was loaded from with Kith’s id: not personal data, for any signed-in user or token.',
  read: async (context, id) => presentQuestionnaire((await readQuestionnaire(context, { questionnaireId: id })).row),
  search: {
    params: [
      { name: 'url', type: 'uri', documentation: 'The canonical url of the questionnaire, exactly', schema: text },
      { name: 'version', type: 'token', documentation: 'The version, exactly (with url: one questionnaire)', schema: text },
      { name: 'title', type: 'string', documentation: 'The title, or a word of it, begins with this', schema: text },
      { name: 'name', type: 'string', documentation: 'The computer-friendly name begins with this', schema: text },
      {
        name: 'status',
        type: 'token',
        documentation: 'draft, active, retired or unknown (as the questionnaire says)',
        schema: text,
      },
    ],
    run: async (context, query, page) => {
      for (const name of ['url', 'version', 'title', 'name'] as const)
        if (query[name] !== undefined && query[name].trim() === '') throw AppError.field(name, 'must not be empty');
      if (query.status !== undefined && !statuses.includes(query.status))
        throw AppError.field('status', `must be one of ${statuses.join(', ')}`);
      const found = await searchQuestionnaires(context, {
        filter: {
          url: query.url,
          version: query.version,
          title: query.title,
          name: query.name,
          status: query.status,
          limit: page.count,
          cursor: page.cursor,
        },
      });
      return { resources: found.items.map(presentQuestionnaire), nextCursor: found.nextCursor };
    },
  },
};
