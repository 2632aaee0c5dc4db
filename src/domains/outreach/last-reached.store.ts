// When a person was last reached, as SQL the people domain's population list includes: its
// "last reached" column and its filter. Only contacts where the person was reached count, and only
// for a viewer who sees the care plan ('care_plan' among the categories the access rule computed
// for the row): to anyone else the column is empty and no filter value finds the person. Pure
// text, given to the people domain when this domain loads (index.ts), so that people never
// imports outreach.
import type { LastReached, LastReachedFilter } from '../people';

const seesCarePlan = (categories: string) => `'care_plan' = ANY (${categories})`;

/** The moment a filter value counts from. */
const since = {
  within_7_days: `now() - interval '7 days'`,
  within_30_days: `now() - interval '30 days'`,
  not_within_30_days: `now() - interval '30 days'`,
} as const;

/**
 * When person `personId` was last reached: one probe of the last-reached index. A scalar
 * sub-select on purpose, in the filter too: the planner cannot turn it into a join, so a list in
 * name order stays a walk of the name index that stops when the page is full (an EXISTS became a
 * join that read every person reached in the month, then sorted them).
 */
const lastReachedOf = (personId: string) =>
  `(SELECT lr.contacted_at FROM outreach_contacts lr WHERE lr.person_id = ${personId} AND lr.reached
     ORDER BY lr.contacted_at DESC LIMIT 1)`;

const matches: Record<LastReachedFilter, (last: string) => string> = {
  within_7_days: (last) => `${last} >= ${since.within_7_days}`,
  within_30_days: (last) => `${last} >= ${since.within_30_days}`,
  not_within_30_days: (last) => `COALESCE(${last} < ${since.not_within_30_days}, TRUE)`,
  never: (last) => `${last} IS NULL`,
};

export const lastReachedSql: Omit<LastReached, 'move'> = {
  lastReachedAt: ({ personId, categories }) => `CASE WHEN ${seesCarePlan(categories)} THEN ${lastReachedOf(personId)} END`,

  filter: ({ personId, categories, value }) => `(${seesCarePlan(categories)} AND ${matches[value](lastReachedOf(personId))})`,

  // The people reached lately, from the index of reached contacts by moment (a person reached
  // twice is listed twice: the list reads them by id, where that does not matter).
  candidates: (value) =>
    value === 'within_7_days' || value === 'within_30_days'
      ? `SELECT lc.person_id FROM outreach_contacts lc WHERE lc.reached AND lc.contacted_at >= ${since[value]}`
      : null,
};
