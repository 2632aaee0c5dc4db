// Consents listed (what a FHIR Consent search asks), as the person's page shows them: the holder
// sees every consent of its people; an organisation that sees a person through a consent sees the
// consents given to it; a consent of a person the actor may not see is absent. The search writes
// one audit row in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { encodeCursor } from '../../platform/http/pagination';
import { organizationNames } from '../identity';
import { viewerOf } from './access';
import { listVisibleConsents } from './care.store';
import type { ConsentRecord } from './read-consent';

export interface ConsentsPage {
  items: ConsentRecord[];
  nextCursor: string | null;
  /** Names of the holders and grantees of the consents. */
  organizationNames: Map<string, string>;
}

/** The cursor of a consents page is the id of its last consent, checked as a UUID. */
function decodeConsentCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // the field error below
  }
  const id = Array.isArray(key) && key.length === 1 ? key[0] : undefined;
  if (typeof id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw AppError.field('query.cursor', 'is not a cursor this list gave out');
  }
  return id;
}

export async function searchConsents(
  context: UseCaseContext,
  props: {
    filter: { personId?: string; status?: 'active' | 'inactive'; limit: number; cursor?: string };
    via?: string;
  },
): Promise<ConsentsPage> {
  const viewer = viewerOf(context);
  await authorizeFor(context, 'person.search_consents', {}, 'person');
  const { filter } = props;
  const after = decodeConsentCursor(filter.cursor);
  return context.db.tx(async (q) => {
    const rows = await listVisibleConsents(q, viewer, {
      personId: filter.personId,
      status: filter.status,
      limit: filter.limit,
      after,
    });
    const items = rows.slice(0, filter.limit);
    const last = items[items.length - 1];
    await audit(q, auditContextOf(context), {
      action: 'person.search_consents',
      recordType: 'person',
      ...(filter.personId && items.length > 0 && { personId: filter.personId }),
      details: {
        count: items.length,
        ...(props.via && { via: props.via }),
        filter: { person: filter.personId !== undefined, status: filter.status ?? null, page: after ? 'next' : 'first' },
      },
    });
    const names = await organizationNames(q, [
      ...items.map((row) => row.holder_organization_id),
      ...items.map((row) => row.grantee_organization_id),
    ]);
    return {
      items: items.map(({ holder_organization_id, ...consent }) => ({ consent, holderOrganizationId: holder_organization_id })),
      nextCursor: rows.length > filter.limit && last ? encodeCursor([last.id]) : null,
      organizationNames: names,
    };
  });
}
