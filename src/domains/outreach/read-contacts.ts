// A person's contacts, newest first, one page at a time, under the 'care_plan' category; with the
// names of who made them and their organisations. One audit row in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { organizationNames, userDisplayNames } from '../identity';
import { accessAuditDetails } from '../people';
import { guardContacts } from './guard';
import { listContactRows, type ContactRow } from './outreach.store';
import type { ContactsQuery } from './outreach.schema';

/** The display names of the users and organisations the contacts name, by id. */
export interface ContactNames {
  users: Map<string, string>;
  organizations: Map<string, string>;
}

export interface ContactsPage {
  contacts: ContactRow[];
  nextCursor: string | null;
  names: ContactNames;
}

export async function readContacts(
  context: UseCaseContext,
  props: { personId: string; query: ContactsQuery },
): Promise<ContactsPage> {
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardContacts(q, context, props.personId, 'contact.list');
    const page = await listContactRows(q, {
      personId,
      categories: access.categories,
      limit: props.query.limit,
      cursor: props.query.cursor,
    });
    const names: ContactNames = {
      users: await userDisplayNames(
        q,
        page.items.flatMap((contact) => (contact.recorded_by ? [contact.recorded_by] : [])),
      ),
      organizations: await organizationNames(
        q,
        page.items.flatMap((contact) => (contact.recorded_by_organization_id ? [contact.recorded_by_organization_id] : [])),
      ),
    };
    await audit(q, auditContextOf(context), {
      action: 'contact.list',
      recordType: 'person',
      recordId: personId,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { ...accessAuditDetails(access), count: page.items.length, page: props.query.cursor ? 'next' : 'first' },
    });
    return { contacts: page.items, nextCursor: page.nextCursor, names };
  });
}
