// What an admin sees of an audit row: every column but whom it is hidden from, with the names of
// the actor and of the record.
import type { AuditRow } from './audit.store';
import type { AuditEntry } from './audit.schema';

export function presentAuditEntry(
  row: AuditRow,
  actorNames: Map<string, string>,
  recordName: (recordType: string | null, recordId: string | null) => string | null,
): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorKind: row.actor_kind,
    actorUserId: row.actor_user_id,
    actorName: row.actor_user_id ? (actorNames.get(row.actor_user_id) ?? null) : null,
    actorOrganizationId: row.actor_organization_id,
    ip: row.ip,
    action: row.action,
    outcome: row.outcome,
    recordType: row.record_type,
    recordId: row.record_id,
    recordName: recordName(row.record_type, row.record_id),
    recordOrganizationId: row.record_organization_id,
    personId: row.person_id,
    details: row.details,
  };
}
