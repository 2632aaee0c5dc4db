// What leaves the server about contacts with a person: field by field.
import type { OutreachContact } from './outreach.schema';
import type { ContactRow } from './outreach.store';
import type { ContactNames } from './read-contacts';

export function presentContact(row: ContactRow, names: ContactNames): OutreachContact {
  const organizationName = row.recorded_by_organization_id ? names.organizations.get(row.recorded_by_organization_id) : undefined;
  return {
    id: row.id,
    personId: row.person_id,
    contactedAt: row.contacted_at.toISOString(),
    method: row.method,
    reached: row.reached,
    note: row.note,
    recordedBy: row.recorded_by ? { userId: row.recorded_by, name: names.users.get(row.recorded_by) ?? '' } : null,
    organization:
      row.recorded_by_organization_id && organizationName !== undefined
        ? { id: row.recorded_by_organization_id, name: organizationName }
        : null,
    recordedAt: row.recorded_at.toISOString(),
  };
}
