// The SQL of moving one person's screenings and needs onto another record of the same person (a
// merge of duplicates, called by the people domain). Screenings and needs move as they are, with
// their history. Where both records have an open need of the same domain (only one may be open),
// the two are combined into the kept record's need: the duplicate's history rows are re-pointed
// to it, so both histories read as one, and the combined need takes the more severe severity, a
// priority or organisation the kept need lacks, the earlier identification date, and the 'sud'
// flag if either had it (so nothing flagged becomes visible without that category). Each value
// the combination changes writes a history row. The duplicate's emptied need row stays with the
// duplicate's record. Goals move too, with their history; a goal of a combined need addresses the
// kept need from then on.
import type { Queryable } from '../../platform/db/database';
import type { MovedNeeds } from '../people';
import { insertNeedChanges, type NeedRow } from './needs.store';
import { openNeedStatuses } from './screening.schema';

const severityOrder = ['low', 'medium', 'high', 'urgent'];
const open = `ARRAY[${openNeedStatuses.map((status) => `'${status}'`).join(', ')}]::text[]`;
const text = (value: number | string | null) => (value === null ? null : String(value));

export async function moveNeedsAndScreenings(
  q: Queryable,
  fromPersonId: string,
  toPersonId: string,
  by: string | null,
): Promise<MovedNeeds> {
  const screenings = await q.query<{ id: string }>(
    'UPDATE screening_responses SET person_id = $2 WHERE person_id = $1 RETURNING id',
    [fromPersonId, toPersonId],
  );
  const pairs = await q.query<{ kept: NeedRow; other: NeedRow }>(
    `SELECT to_jsonb(s) AS kept, to_jsonb(d) AS other
       FROM screening_needs d
       JOIN screening_needs s ON s.person_id = $2 AND s.need_domain = d.need_domain AND s.status = ANY (${open})
      WHERE d.person_id = $1 AND d.status = ANY (${open})
      ORDER BY d.need_domain
      FOR UPDATE OF d, s`,
    [fromPersonId, toPersonId],
  );
  const combined: MovedNeeds['combined'] = [];
  for (const { kept, other } of pairs) {
    await q.query('UPDATE screening_need_changes SET need_id = $2 WHERE need_id = $1', [other.id, kept.id]);
    const severity =
      severityOrder.indexOf(other.severity) > severityOrder.indexOf(kept.severity) ? other.severity : kept.severity;
    const priority = kept.priority ?? other.priority;
    const addressedBy = kept.addressed_by_organization_id ?? other.addressed_by_organization_id;
    await q.query(
      `UPDATE screening_needs
          SET severity = $2, priority = $3, addressed_by_organization_id = $4, sensitive = $5, note = $6,
              identified_on = LEAST(identified_on, $7::date), updated_at = now()
        WHERE id = $1`,
      [kept.id, severity, priority, addressedBy, kept.sensitive ?? other.sensitive, kept.note ?? other.note, other.identified_on],
    );
    await insertNeedChanges(
      q,
      [
        { field: 'severity', from: kept.severity, to: severity },
        { field: 'priority', from: text(kept.priority), to: text(priority) },
        { field: 'addressed_by', from: kept.addressed_by_organization_id, to: addressedBy },
      ]
        .filter((change) => change.from !== change.to)
        .map((change) => ({ ...change, needId: kept.id, screeningId: null, by })),
    );
    combined.push({ needId: kept.id, fromNeedId: other.id, needDomain: kept.need_domain });
  }
  const needs = await q.query<{ id: string }>(
    'UPDATE screening_needs SET person_id = $2, updated_at = now() WHERE person_id = $1 AND NOT (id = ANY ($3::uuid[])) RETURNING id',
    [fromPersonId, toPersonId, combined.map((pair) => pair.fromNeedId)],
  );
  for (const pair of combined)
    await q.query('UPDATE screening_goals SET need_id = $2 WHERE need_id = $1', [pair.fromNeedId, pair.needId]);
  const goals = await q.query<{ id: string }>(
    'UPDATE screening_goals SET person_id = $2, updated_at = now() WHERE person_id = $1 RETURNING id',
    [fromPersonId, toPersonId],
  );
  return {
    screenings: screenings.map((row) => row.id),
    needs: needs.map((row) => row.id),
    combined,
    goals: goals.map((row) => row.id),
  };
}
