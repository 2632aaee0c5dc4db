// Goal in the registry: read and search (patient, lifecycle-status, category), through the
// screening domain's use cases: the goals of people the caller may see with the care-plan category
// (and 'sud' for a goal that addresses a need flagged so), every read audited.
import { z } from 'zod';
import { goalLifecycleStatuses, readGoal, searchGoals, type GoalLifecycleStatus } from '../../domains/screening';
import { AppError } from '../../platform/http/app-error';
import { fhirCode, kithCode, needDomainSystem, presentGoal } from './goal';
import type { FhirResourceType } from './registry';
import { reference, token } from './search-params';
import { shapedAfter } from './systems';

const searchText = z.string().max(200, 'must be at most 200 characters');

/** lifecycle-status: one FHIR code or several joined by commas (any of them). */
function lifecycleStatuses(value: string): GoalLifecycleStatus[] {
  const codes = value.split(',').map((code) => kithCode(code.trim()));
  const known = new Set<string>(goalLifecycleStatuses);
  if (codes.some((code) => !known.has(code)))
    throw AppError.field('lifecycle-status', `must be one of ${goalLifecycleStatuses.map(fhirCode).join(', ')}`);
  return codes as GoalLifecycleStatus[];
}

/** category: a need-domain code, as system|code or code. */
function category(value: string): string {
  const parts = token('category', value);
  if (parts.system !== undefined && parts.system !== needDomainSystem(parts.value))
    throw AppError.field('category', 'names a code system Kith does not code goal categories in');
  return parts.value;
}

export const goalResource: FhirResourceType = {
  type: 'Goal',
  idParam: 'goalId',
  shapedAfter: shapedAfter.goal,
  documentation:
    'A person’s goals, optionally addressing one of their needs (served as Condition): to the holder’s staff, and to an organisation with a live care-coordination consent that names the care plan.',
  read: async (context, id) => {
    const record = await readGoal(context, { goalId: id });
    return presentGoal(record.goal, {
      holderOrganizationId: record.holderOrganizationId,
      organizations: record.organizationNames,
      needDomains: record.needDomainNames,
    });
  },
  search: {
    params: [
      { name: 'patient', type: 'reference', documentation: 'Patient/<id>: the goals of this person', schema: searchText },
      {
        name: 'lifecycle-status',
        type: 'token',
        documentation: 'proposed, active, on-hold, completed or cancelled (several joined by commas: any of them)',
        schema: searchText,
      },
      {
        name: 'category',
        type: 'token',
        documentation:
          'A need domain, as system|code or code (the SDOH categories of the SDOH Clinical Care IG, e.g. food-insecurity)',
        schema: searchText,
      },
    ],
    run: async (context, query, page) => {
      const found = await searchGoals(context, {
        filter: {
          personId: query.patient === undefined ? undefined : reference('patient', query.patient, 'Patient'),
          lifecycleStatuses: query['lifecycle-status'] === undefined ? undefined : lifecycleStatuses(query['lifecycle-status']),
          needDomain: query.category === undefined ? undefined : category(query.category),
          limit: page.count,
          cursor: page.cursor,
        },
        via: 'fhir',
      });
      return {
        resources: found.items.map((item) =>
          presentGoal(item.goal, {
            holderOrganizationId: item.holderOrganizationId,
            organizations: found.organizationNames,
            needDomains: found.needDomainNames,
          }),
        ),
        nextCursor: found.nextCursor,
      };
    },
  },
};
