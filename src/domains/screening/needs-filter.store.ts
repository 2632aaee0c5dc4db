// The needs filter of the population list, as SQL the people domain's list query includes: the
// person has a need of a domain (and status), and the viewer sees needs (and 'sud' for a need
// flagged so) by the categories the access rule computed for the row. Pure text: no import of
// the people domain, so the list can call it without a cycle of modules.
import { openNeedStatuses, type NeedStatus } from './screening.schema';

export function needsFilterSql(props: {
  /** The person's id column, e.g. `p.id`. */
  personId: string;
  /** A text[] expression: the categories the viewer sees of that person. */
  categories: string;
  /** Parameters already numbered by the caller: a need-domain code (text) or null, and statuses (text[]). */
  needDomainParam: string;
  statusesParam: string;
}): string {
  return `('needs' = ANY (${props.categories}) AND EXISTS (
    SELECT 1 FROM screening_needs fn
     WHERE fn.person_id = ${props.personId}
       AND (${props.needDomainParam}::text IS NULL OR fn.need_domain = ${props.needDomainParam}::text)
       AND fn.status = ANY (${props.statusesParam}::text[])
       AND (fn.sensitive IS NULL OR 'sud' = ANY (${props.categories}))))`;
}

/** The statuses a filter value names: one status, or `open` for every open one. */
export function needFilterStatuses(status: NeedStatus | 'open' | undefined): string[] {
  if (status === undefined || status === 'open') return [...openNeedStatuses];
  return [status];
}
