// Patient in the registry: read, search (name, birthdate, identifier) and create, through the
// people domain's use cases (its access rule, its audit rows, its duplicate check).
import { z } from 'zod';
import { createPerson, readPerson, searchPeople } from '../../domains/people';
import { AppError } from '../../platform/http/app-error';
import { patientToCreateBody, presentPatient, presentReplacedPatient } from './patient';
import type { FhirResourceType } from './registry';
import { day, token } from './search-params';
import { identifierSystems, shapedAfter } from './systems';

const searchText = z.string().max(200, 'must be at most 200 characters');

export const patientResource: FhirResourceType = {
  type: 'Patient',
  idParam: 'personId',
  shapedAfter: shapedAfter.patient,
  documentation:
    'The people the program serves, as far as the caller may see them: staff of the holding organisation, or an organisation with a live care-coordination consent, which sees only the consented categories. A record merged into another reads as an inactive Patient whose link (type replaced-by) names the Patient it was merged into.',
  // A record merged into another answers as a Patient linked `replaced-by` to the one it lives on
  // as (to a caller who may see that one; anyone else gets the 404 of a Patient that is not there).
  read: async (context, id) => {
    try {
      const record = await readPerson(context, { personId: id });
      return presentPatient(record.row, record.access, record.identifiers);
    } catch (error) {
      if (error instanceof AppError && error.extra.mergedInto) return presentReplacedPatient(id, error.extra.mergedInto);
      throw error;
    }
  },
  search: {
    params: [
      {
        name: 'name',
        type: 'string',
        documentation: 'A word of the name, or of the name the person uses, begins with this',
        schema: searchText,
      },
      { name: 'birthdate', type: 'date', documentation: 'Born on this day (YYYY-MM-DD)', schema: searchText },
      {
        name: 'identifier',
        type: 'token',
        documentation: `system|value or value: ${identifierSystems.mrn} for an MRN, ${identifierSystems.payerMemberId} for a member id, or the issuer's own system`,
        schema: searchText,
      },
    ],
    run: async (context, query, page) => {
      let identifier: { value: string; kind?: 'mrn' | 'payer_member_id'; issuer?: string } | undefined;
      if (query.identifier !== undefined) {
        const parts = token('identifier', query.identifier);
        identifier =
          parts.system === identifierSystems.mrn
            ? { value: parts.value, kind: 'mrn' }
            : parts.system === identifierSystems.payerMemberId
              ? { value: parts.value, kind: 'payer_member_id' }
              : parts.system
                ? { value: parts.value, issuer: parts.system }
                : { value: parts.value };
      }
      if (query.name !== undefined && query.name.trim() === '') throw AppError.field('name', 'must not be empty');
      const found = await searchPeople(context, {
        search: {
          name: query.name,
          birthDate: query.birthdate === undefined ? undefined : day('birthdate', query.birthdate),
          identifier,
          limit: page.count,
          cursor: page.cursor,
        },
        via: 'fhir',
      });
      return {
        resources: found.items.map((item) => presentPatient(item.row, item.access, item.identifiers)),
        nextCursor: found.nextCursor,
      };
    },
  },
  createSummary: 'Create a Patient (a likely duplicate: 409 naming the candidates)',
  create: async (context, body) => {
    const record = await createPerson(context, { body: patientToCreateBody(body) });
    return presentPatient(record.row, record.access, record.identifiers);
  },
};
