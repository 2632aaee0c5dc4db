// Consent in the registry: read and search (patient, status), through the people domain's use
// cases: the consents of people the caller may see (all of them for the holder; a consented
// organisation sees those given to it).
import { z } from 'zod';
import { readConsent, searchConsents } from '../../domains/people';
import { AppError } from '../../platform/http/app-error';
import { presentConsent } from './consent';
import type { FhirResourceType } from './registry';
import { reference } from './search-params';
import { shapedAfter } from './systems';

export const consentResource: FhirResourceType = {
  type: 'Consent',
  idParam: 'consentId',
  shapedAfter: shapedAfter.consent,
  documentation:
    'Consents to share a person’s data with another organisation: the holder sees all of its people’s consents, a recipient organisation the live ones given to it.',
  read: async (context, id) => {
    const record = await readConsent(context, { consentId: id });
    return presentConsent(record, record.organizationNames);
  },
  search: {
    params: [
      {
        name: 'patient',
        type: 'reference',
        documentation: 'Patient/<id>: the consents of this person',
        schema: z.string().max(200),
      },
      {
        name: 'status',
        type: 'token',
        documentation: 'active (not revoked, not ended) or inactive (revoked or ended)',
        schema: z.string().max(50),
      },
    ],
    run: async (context, query, page) => {
      const status = query.status;
      if (status !== undefined && status !== 'active' && status !== 'inactive')
        throw AppError.field('status', 'must be active or inactive');
      const found = await searchConsents(context, {
        filter: {
          personId: query.patient === undefined ? undefined : reference('patient', query.patient, 'Patient'),
          status,
          limit: page.count,
          cursor: page.cursor,
        },
        via: 'fhir',
      });
      return {
        resources: found.items.map((item) => presentConsent(item, found.organizationNames)),
        nextCursor: found.nextCursor,
      };
    },
  },
};
