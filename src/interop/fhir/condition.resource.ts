// Condition in the registry: each need as an SDOH health concern, read by the need's id and
// searched (patient, category, clinical-status, code), through the screening domain's use cases
// (the people access rule, the 'needs' category, 'sud' for needs flagged so; audited).
import { z } from 'zod';
import { needStatuses, readNeed, searchNeeds, type NeedStatus } from '../../domains/screening';
import { AppError } from '../../platform/http/app-error';
import { clinicalStatusOf, presentCondition, type ClinicalStatus } from './condition';
import type { FhirResourceType } from './registry';
import { clinicalCodes, needDomainsOfCategory } from './sdoh-categories';
import { reference, tokens } from './search-params';
import { codeSystems, hl7, shapedAfter } from './systems';

const text = z.string().max(600, 'must be at most 600 characters');
const clinicalStatuses: ClinicalStatus[] = ['active', 'inactive', 'resolved'];

/** The need domains a code search names: Kith's need-domain codes, or the clinical codes of the table. */
function needDomainsOfCode(value: string): string[] {
  const domains = new Set<string>();
  for (const { system, value: code } of tokens('code', value)) {
    if (system === undefined || system === codeSystems.needDomain) domains.add(code);
    for (const [domain, codings] of Object.entries(clinicalCodes))
      if (codings.some((coding) => coding.code === code && (system === undefined || system === coding.system)))
        domains.add(domain);
  }
  return [...domains];
}

export const conditionResource: FhirResourceType = {
  type: 'Condition',
  idParam: 'needId',
  shapedAfter: shapedAfter.condition,
  documentation:
    'Social needs as health concerns (a need’s id is its Condition’s id), seen as the web shows them: the holding organisation’s staff, or an organisation with a live care-coordination consent naming needs and screenings (needs about substance use only under a consent naming those records).',
  read: async (context, id) => {
    const record = await readNeed(context, { needId: id });
    return presentCondition(record.need, record.evidence, record.needDomainNames);
  },
  search: {
    params: [
      { name: 'patient', type: 'reference', documentation: 'Patient/<id>: the needs of this person', schema: text },
      {
        name: 'category',
        type: 'token',
        documentation:
          'health-concern or sdoh (every need), or an SDOH category of the Gravity Project (food-insecurity …); a,b for either',
        schema: text,
      },
      {
        name: 'clinical-status',
        type: 'token',
        documentation:
          'active (identified, in or out of scope, being addressed), resolved (met) or inactive (declined, no longer applicable); a,b for either',
        schema: text,
      },
      {
        name: 'code',
        type: 'token',
        documentation: `A need-domain code (${codeSystems.needDomain}|food-insecurity), or a SNOMED CT or ICD-10-CM code Kith gives a need; a,b for either`,
        schema: text,
      },
    ],
    run: async (context, query, page) => {
      let needDomains =
        query.category === undefined
          ? undefined
          : needDomainsOfCategory('category', query.category, [
              { system: hl7.conditionCategory, code: 'health-concern' },
              { system: hl7.usCoreCategory, code: 'sdoh' },
            ]);
      if (query.code !== undefined) {
        const byCode = needDomainsOfCode(query.code);
        needDomains = needDomains ? needDomains.filter((domain) => byCode.includes(domain)) : byCode;
      }
      let statuses: NeedStatus[] | undefined;
      if (query['clinical-status'] !== undefined) {
        const wanted = tokens('clinical-status', query['clinical-status']);
        for (const part of wanted) {
          if (
            !clinicalStatuses.includes(part.value as ClinicalStatus) ||
            (part.system !== undefined && part.system !== hl7.conditionClinical)
          )
            throw AppError.field('clinical-status', `must be ${clinicalStatuses.join(', ')} (of ${hl7.conditionClinical})`);
        }
        statuses = needStatuses.filter((status) => wanted.some((part) => part.value === clinicalStatusOf[status]));
      }
      const found = await searchNeeds(context, {
        filter: {
          personId: query.patient === undefined ? undefined : reference('patient', query.patient, 'Patient'),
          needDomains,
          statuses,
          limit: page.count,
          cursor: page.cursor,
        },
        via: 'fhir',
      });
      return {
        resources: found.items.map((item) => presentCondition(item.need, item.evidence, found.needDomainNames)),
        nextCursor: found.nextCursor,
      };
    },
  },
};
