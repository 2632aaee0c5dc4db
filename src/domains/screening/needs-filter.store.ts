// The needs filter of the population list, as SQL the people domain's list query includes: the
// person has a need of a domain (and status), and the viewer sees needs (and 'sud' for a need
// flagged so) by the categories the access rule computed for the row. Also the open needs of a
// person for the home page's "my people", most urgent first. Pure text, given to the people
// domain when this domain loads (index.ts), so that people never imports screening.
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
  // A lookup of the person's needs (by the index on person and domain): cheap for each person a
  // page reads. When few people have such a need, the list starts from them instead (`candidates`).
  return `('needs' = ANY (${props.categories}) AND EXISTS (
    SELECT 1 FROM screening_needs fn
     WHERE fn.person_id = ${props.personId}
       AND (${props.needDomainParam}::text IS NULL OR fn.need_domain = ${props.needDomainParam}::text)
       AND fn.status = ANY (${props.statusesParam}::text[])
       AND (fn.sensitive IS NULL OR 'sud' = ANY (${props.categories}))))`;
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

const openList = `ARRAY[${openNeedStatuses.map((status) => `'${status}'`).join(', ')}]::text[]`;
const urgency = (alias: string) => `array_position(ARRAY['urgent', 'high', 'medium', 'low']::text[], ${alias}.severity)`;

/**
 * Two expressions about a person's open needs the viewer may see (by the row's categories): `list`,
 * a jsonb array of at most five `{ needDomain, severity }`, most urgent first; and `urgency`, a
 * text key to order people by: the rank of the most urgent need (1 urgent … 4 low) and the day the
 * oldest need of that rank was identified ('1 2026-03-02'), or '5' for someone with none.
 */
export function openNeedsSql(props: { personId: string; categories: string }): { list: string; urgency: string } {
  const visible = (alias: string) =>
    `${alias}.person_id = ${props.personId} AND ${alias}.status = ANY (${openList})
       AND (${alias}.sensitive IS NULL OR 'sud' = ANY (${props.categories}))`;
  return {
    list: `CASE WHEN 'needs' = ANY (${props.categories}) THEN COALESCE((
      SELECT jsonb_agg(jsonb_build_object('needDomain', top.need_domain, 'severity', top.severity) ORDER BY top.rank, top.identified_on)
        FROM (SELECT mn.need_domain, mn.severity, mn.identified_on, ${urgency('mn')} AS rank
                FROM screening_needs mn WHERE ${visible('mn')}
               ORDER BY rank, mn.identified_on LIMIT 5) top), '[]'::jsonb) ELSE '[]'::jsonb END`,
    urgency: `CASE WHEN 'needs' = ANY (${props.categories}) THEN COALESCE((
      SELECT ${urgencyKey('un')} FROM screening_needs un WHERE ${visible('un')}
       ORDER BY ${urgency('un')}, un.identified_on LIMIT 1), '5') ELSE '5' END`,
  };
}

const urgencyKey = (alias: string) => `${urgency(alias)}::text || ' ' || to_char(${alias}.identified_on, 'YYYY-MM-DD')`;

/**
 * The first open needs of everyone in the order of `urgency` (the most urgent, then the longest
 * waiting), as rows of `person_id` and `urgency_key`, read in order from an index: where "my
 * people" starts for staff who see many people. Who may see them is the caller's to check.
 */
export function mostUrgentNeedsSql(limitParam: string): string {
  return `SELECT un.person_id, ${urgencyKey('un')} AS urgency_key FROM screening_needs un
           WHERE un.status = ANY (${openList})
           ORDER BY ${urgency('un')}, un.identified_on LIMIT ${limitParam}`;
}
