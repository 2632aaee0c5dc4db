// A search of people by name, date of birth or identifier (what a FHIR Patient search asks): only
// the people the access rule lets the actor see, filtered in SQL before the page is cut, with their
// identifiers where the viewer sees demographics. One audit row per page, naming the count and
// which filters were used (never their values: they are names, dates of birth, MRNs).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { accessOf, sees, viewerOf, type PersonAccess } from './access';
import type { IdentifierKind } from './people.schema';
import { listIdentifiersOf, listVisiblePeople, type IdentifierRow, type VisiblePersonRow } from './people.store';

export interface PeopleSearch {
  name?: string;
  birthDate?: string;
  identifier?: { value: string; kind?: IdentifierKind; issuer?: string };
  limit: number;
  cursor?: string;
}

export interface FoundPerson {
  row: VisiblePersonRow;
  access: PersonAccess;
  /** Empty unless the viewer sees demographics. */
  identifiers: IdentifierRow[];
}

export async function searchPeople(
  context: UseCaseContext,
  props: { search: PeopleSearch; via?: string },
): Promise<{ items: FoundPerson[]; nextCursor: string | null }> {
  const viewer = viewerOf(context);
  await authorizeFor(context, 'person.search', {}, 'person');
  const { search } = props;
  return context.db.tx(async (q) => {
    const page = await listVisiblePeople(q, viewer, {
      name: search.name,
      birthDate: search.birthDate,
      identifier: search.identifier,
      sort: 'name',
      limit: search.limit,
      cursor: search.cursor,
    });
    const items = page.items.map((row) => ({ row, access: accessOf(row) }));
    const identifiers = await listIdentifiersOf(
      q,
      items.filter((item) => sees(item.access, 'demographics')).map((item) => item.row.id),
    );
    await audit(q, auditContextOf(context), {
      action: 'person.search',
      recordType: 'person',
      details: {
        count: items.length,
        ...(props.via && { via: props.via }),
        filter: {
          name: search.name !== undefined,
          birthDate: search.birthDate !== undefined,
          identifier: search.identifier ? (search.identifier.kind ?? 'any') : null,
          page: search.cursor ? 'next' : 'first',
        },
      },
    });
    return {
      items: items.map((item) => ({ ...item, identifiers: identifiers.get(item.row.id) ?? [] })),
      nextCursor: page.nextCursor,
    };
  });
}
