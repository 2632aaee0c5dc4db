// What an admin sees of an audit row: every column but whom it is hidden from, with the actor's name.
import type { AuditRow } from './audit.store';
import type { AuditEntry } from './audit.schema';

export function presentAuditEntry(row: AuditRow, actorNames: Map<string, string>): AuditEntry {
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
    recordOrganizationId: row.record_organization_id,
    personId: row.person_id,
    details: row.details,
  };
}
