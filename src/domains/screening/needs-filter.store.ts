// The needs filter of the population list, as SQL the people domain's list query includes: the
// person has a need of a domain (and status), and the viewer sees needs (and 'sud' for a need
// flagged so) by the categories the access rule computed for the row. Pure text, given to the
// people domain when this domain loads (index.ts), so that people never imports screening.
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
  // As two uncorrelated sets (needs not flagged; needs flagged 'sud', for viewers who see those),
  // each read once through the (domain, status) index, rather than each person's needs looked up.
  const matching = (sensitive: string) => `${props.personId} IN (${needsCandidatesSql(props)} AND fn.sensitive IS ${sensitive})`;
  return `('needs' = ANY (${props.categories}) AND (${matching('NULL')} OR ('sud' = ANY (${props.categories}) AND ${matching('NOT NULL')})))`;
}

/** The people with a need of the domain in the statuses, whoever may see it: a superset to start a list from. */
export function needsCandidatesSql(props: { needDomainParam: string; statusesParam: string }): string {
  return `SELECT fn.person_id FROM screening_needs fn
       WHERE (${props.needDomainParam}::text IS NULL OR fn.need_domain = ${props.needDomainParam}::text)
         AND fn.status = ANY (${props.statusesParam}::text[])`;
}

/** The statuses a filter value names: one status, or `open` for every open one. */
export function needFilterStatuses(status: NeedStatus | 'open' | undefined): string[] {
  if (status === undefined || status === 'open') return [...openNeedStatuses];
  return [status];
}
