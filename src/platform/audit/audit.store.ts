// The SQL of the audit log (audit_log): rows are only inserted, and read by the admins' query.
import type { Queryable } from '../db/database';
import type { TableRow } from '../db/tables.generated';

export type AuditActorKind = TableRow<'audit_log'>['actor_kind'];
export type AuditOutcome = TableRow<'audit_log'>['outcome'];

/** A row of the log; its details are always a JSON object (the insert below writes one). */
export type AuditRow = Omit<TableRow<'audit_log'>, 'details'> & { details: Record<string, unknown> };

export type NewAuditRow = Omit<AuditRow, 'id' | 'at'>;

export async function insertAuditRow(q: Queryable, row: NewAuditRow): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (actor_kind, actor_user_id, actor_organization_id, ip, action, outcome,
                            record_type, record_id, record_organization_id, person_id, details,
                            hidden_from_actor_organization)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      row.actor_kind,
      row.actor_user_id,
      row.actor_organization_id,
      row.ip,
      row.action,
      row.outcome,
      row.record_type,
      row.record_id,
      row.record_organization_id,
      row.person_id,
      JSON.stringify(row.details),
      row.hidden_from_actor_organization,
    ],
  );
}

export interface AuditFilter {
  /** Rows older than this id (the page's cursor). */
  beforeId?: number;
  /**
   * Only the rows of this organisation: its records, and what its users did, except refusals
   * hidden from them (a 404 whose row would reveal another organisation's record).
   */
  organizationId?: string;
  action?: string;
  outcome?: AuditOutcome;
  actorUserId?: string;
  recordType?: string;
  recordId?: string;
  personId?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** Rows newest first, `limit + 1` of them (the extra one tells whether a next page exists). */
export async function queryAuditLog(q: Queryable, filter: AuditFilter): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT a.* FROM audit_log a
      WHERE ($1::bigint IS NULL OR a.id < $1)
        AND ($2::uuid IS NULL OR a.record_organization_id = $2
             OR (a.actor_organization_id = $2 AND NOT a.hidden_from_actor_organization))
        AND ($3::text IS NULL OR a.action = $3)
        AND ($4::text IS NULL OR a.outcome = $4)
        AND ($5::uuid IS NULL OR a.actor_user_id = $5)
        AND ($6::text IS NULL OR a.record_type = $6)
        AND ($7::text IS NULL OR a.record_id = $7)
        AND ($8::uuid IS NULL OR a.person_id = $8)
        AND ($9::timestamptz IS NULL OR a.at >= $9)
        AND ($10::timestamptz IS NULL OR a.at < $10)
      ORDER BY a.id DESC LIMIT $11`,
    [
      filter.beforeId ?? null,
      filter.organizationId ?? null,
      filter.action ?? null,
      filter.outcome ?? null,
      filter.actorUserId ?? null,
      filter.recordType ?? null,
      filter.recordId ?? null,
      filter.personId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.limit + 1,
    ],
  );
}
