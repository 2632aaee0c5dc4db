// The public directory as the HSDS read API lists it: the ids of one page of the records a filter
// matches (and how many match, when asked). Anyone may read the public directory, signed in or
// not; the policy is asked all the same.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { countHsdsMatches, hsdsMatchIds, type HsdsFilter } from './hsds-read.store';

export interface HsdsRecordPage {
  ids: string[];
  /** How many records match in all; null unless asked for. */
  total: number | null;
}

export async function listHsdsRecords(
  context: UseCaseContext,
  props: { filter: HsdsFilter; limit: number; offset?: number; after?: string; withTotal?: boolean },
): Promise<HsdsRecordPage> {
  await authorizeFor(context, 'hsds.read', {}, 'hsds_record');
  const offset = props.offset ?? 0;
  const total = props.withTotal ? await countHsdsMatches(context.db, props.filter) : null;
  // A page past the end costs no second scan.
  if (total !== null && offset >= total) return { ids: [], total };
  const ids = await hsdsMatchIds(context.db, props.filter, { limit: props.limit, offset, after: props.after });
  return { ids, total };
}
