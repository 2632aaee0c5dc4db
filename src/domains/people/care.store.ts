// The SQL of what surrounds a person: the host's care programs and enrolments in them, the primary
// care physician, the care team and the consents (care_programs, person_enrolments,
// person_primary_care, person_care_team, person_consents). Callers have already settled access.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { Viewer } from './access';
import { accessSql } from './access.store';
import type { AddCareTeamMemberBody, ConsentCategory, PrimaryCareBody, RecordConsentBody } from './people.schema';

export type CareProgramRow = TableRow<'care_programs'> & { active_enrolments: number };
export type EnrolmentRow = TableRow<'person_enrolments'> & { program_name: string };
export type PrimaryCareRow = TableRow<'person_primary_care'>;
export type CareTeamRow = TableRow<'person_care_team'>;
export type ConsentRow = Omit<TableRow<'person_consents'>, 'categories'> & { categories: ConsentCategory[]; active: boolean };

const programColumns = `cp.*, (SELECT count(*) FROM person_enrolments e WHERE e.program_id = cp.id AND e.disenrolled_on IS NULL) AS active_enrolments`;

export async function listPrograms(q: Queryable, organizationId: string): Promise<CareProgramRow[]> {
  return q.query<CareProgramRow>(
    `SELECT ${programColumns} FROM care_programs cp WHERE cp.organization_id = $1 ORDER BY cp.active DESC, lower(cp.name), cp.id`,
    [organizationId],
  );
}

export async function findProgram(q: Queryable, id: string): Promise<CareProgramRow | undefined> {
  return (await q.query<CareProgramRow>(`SELECT ${programColumns} FROM care_programs cp WHERE cp.id = $1`, [id]))[0];
}

export async function programNameTaken(q: Queryable, organizationId: string, name: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM care_programs WHERE organization_id = $1 AND lower(name) = lower($2)', [
    organizationId,
    name,
  ]);
  return rows.length > 0;
}

export async function insertProgram(
  q: Queryable,
  input: { organizationId: string; name: string; entryCriteria: string; active: boolean },
): Promise<CareProgramRow> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO care_programs (organization_id, name, entry_criteria, active) VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.organizationId, input.name, input.entryCriteria, input.active],
  );
  return (await findProgram(q, rows[0]!.id))!;
}

const enrolmentColumns = `e.*, cp.name AS program_name`;

export async function listEnrolments(q: Queryable, personId: string): Promise<EnrolmentRow[]> {
  return q.query<EnrolmentRow>(
    `SELECT ${enrolmentColumns} FROM person_enrolments e JOIN care_programs cp ON cp.id = e.program_id
      WHERE e.person_id = $1 ORDER BY e.disenrolled_on IS NULL DESC, e.enrolled_on DESC, e.id`,
    [personId],
  );
}

export async function findEnrolment(q: Queryable, personId: string, id: string): Promise<EnrolmentRow | undefined> {
  const rows = await q.query<EnrolmentRow>(
    `SELECT ${enrolmentColumns} FROM person_enrolments e JOIN care_programs cp ON cp.id = e.program_id
      WHERE e.person_id = $1 AND e.id = $2`,
    [personId, id],
  );
  return rows[0];
}

export async function openEnrolmentExists(q: Queryable, personId: string, programId: string): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM person_enrolments WHERE person_id = $1 AND program_id = $2 AND disenrolled_on IS NULL',
    [personId, programId],
  );
  return rows.length > 0;
}

export async function insertEnrolment(
  q: Queryable,
  input: { personId: string; programId: string; enrolledOn: string | null; reason: string; enrolledBy: string | null },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO person_enrolments (person_id, program_id, enrolled_on, reason, enrolled_by)
     VALUES ($1, $2, COALESCE($3::date, current_date), $4, $5) RETURNING id`,
    [input.personId, input.programId, input.enrolledOn, input.reason, input.enrolledBy],
  );
  return rows[0]!.id;
}

export async function endEnrolment(
  q: Queryable,
  id: string,
  input: { disenrolledOn: string | null; reason: string; disenrolledBy: string | null },
): Promise<void> {
  await q.query(
    `UPDATE person_enrolments SET disenrolled_on = COALESCE($2::date, GREATEST(current_date, enrolled_on)), disenrol_reason = $3, disenrolled_by = $4 WHERE id = $1`,
    [id, input.disenrolledOn, input.reason, input.disenrolledBy],
  );
}

export async function findPrimaryCare(q: Queryable, personId: string): Promise<PrimaryCareRow | undefined> {
  return (await q.query<PrimaryCareRow>('SELECT * FROM person_primary_care WHERE person_id = $1', [personId]))[0];
}

export async function upsertPrimaryCare(
  q: Queryable,
  personId: string,
  body: PrimaryCareBody,
  updatedBy: string | null,
): Promise<void> {
  await q.query(
    `INSERT INTO person_primary_care (person_id, practice_organization_id, clinician_name, relationship, updated_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (person_id) DO UPDATE SET practice_organization_id = EXCLUDED.practice_organization_id,
       clinician_name = EXCLUDED.clinician_name, relationship = EXCLUDED.relationship,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [personId, body.practiceOrganizationId, body.clinicianName ?? null, body.relationship, updatedBy],
  );
}

export async function listCareTeam(q: Queryable, personId: string): Promise<CareTeamRow[]> {
  return q.query<CareTeamRow>(
    `SELECT * FROM person_care_team WHERE person_id = $1
      ORDER BY ended_on IS NULL DESC, role = 'lead_coordinator' DESC, started_on, id`,
    [personId],
  );
}

export async function findCareTeamMember(q: Queryable, personId: string, id: string): Promise<CareTeamRow | undefined> {
  return (await q.query<CareTeamRow>('SELECT * FROM person_care_team WHERE person_id = $1 AND id = $2', [personId, id]))[0];
}

export async function insertCareTeamMember(q: Queryable, personId: string, body: AddCareTeamMemberBody): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO person_care_team (person_id, organization_id, user_id, unit_id, display_name, role, started_on)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::date, current_date)) RETURNING id`,
    [
      personId,
      body.organizationId,
      body.userId ?? null,
      body.unitId ?? null,
      body.displayName,
      body.role,
      body.startedOn ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function endCareTeamMember(q: Queryable, id: string, endedOn: string | null): Promise<void> {
  await q.query('UPDATE person_care_team SET ended_on = COALESCE($2::date, GREATEST(current_date, started_on)) WHERE id = $1', [
    id,
    endedOn,
  ]);
}

const consentColumns = `c.*, (c.revoked_at IS NULL AND c.starts_on <= current_date AND (c.ends_on IS NULL OR c.ends_on >= current_date)) AS active`;

/** A person's consents; `granteeOrganizationId`: only those given to that organisation. */
export async function listConsents(q: Queryable, personId: string, granteeOrganizationId?: string): Promise<ConsentRow[]> {
  return q.query<ConsentRow>(
    `SELECT ${consentColumns} FROM person_consents c
      WHERE c.person_id = $1 AND ($2::uuid IS NULL OR c.grantee_organization_id = $2)
      ORDER BY c.revoked_at IS NULL DESC, c.starts_on DESC, c.id`,
    [personId, granteeOrganizationId ?? null],
  );
}

export async function findConsent(q: Queryable, personId: string, id: string): Promise<ConsentRow | undefined> {
  return (
    await q.query<ConsentRow>(`SELECT ${consentColumns} FROM person_consents c WHERE c.person_id = $1 AND c.id = $2`, [
      personId,
      id,
    ])
  )[0];
}

/** Consents by id, whoever they are about, with whether each is live today. */
export async function findConsentsByIds(q: Queryable, ids: readonly string[]): Promise<Map<string, ConsentRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<ConsentRow>(`SELECT ${consentColumns} FROM person_consents c WHERE c.id = ANY ($1::uuid[])`, [
    [...new Set(ids)],
  ]);
  return new Map(rows.map((row) => [row.id, row]));
}

export async function insertConsent(
  q: Queryable,
  personId: string,
  body: RecordConsentBody,
  recordedBy: string | null,
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO person_consents (person_id, grantee_organization_id, purpose, categories, starts_on, ends_on, method, witness_name, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      personId,
      body.granteeOrganizationId,
      body.purpose,
      [...new Set(body.categories)],
      body.startsOn,
      body.endsOn ?? null,
      body.method,
      body.witnessName ?? null,
      recordedBy,
    ],
  );
  return rows[0]!.id;
}

export async function revokeConsentRow(
  q: Queryable,
  id: string,
  input: { by: string | null; reason: string | null },
): Promise<void> {
  await q.query(
    'UPDATE person_consents SET revoked_at = now(), revoked_by = $2, revocation_reason = $3 WHERE id = $1 AND revoked_at IS NULL',
    [id, input.by, input.reason],
  );
}

/** The person a consent is about, for the guard of a use case that reads the consent by its id alone. */
export async function findConsentPerson(q: Queryable, id: string): Promise<string | undefined> {
  return (await q.query<{ person_id: string }>('SELECT person_id FROM person_consents WHERE id = $1', [id]))[0]?.person_id;
}

export interface ConsentFilter {
  personId?: string;
  /** active: not revoked and not ended; inactive: revoked or ended. */
  status?: 'active' | 'inactive';
  limit: number;
  /** The id of the last consent of the page before. */
  after?: string;
}

/**
 * The consents the viewer may see, one page in id order: those of the people the access rule lets
 * the viewer see, all of them for the holder, and for an organisation that sees a person through a
 * consent, those given to that organisation. The access rule is in the WHERE clause.
 */
export async function listVisibleConsents(
  q: Queryable,
  viewer: Viewer,
  filter: ConsentFilter,
): Promise<(ConsentRow & { holder_organization_id: string })[]> {
  const access = accessSql(viewer, 1);
  const values: unknown[] = [...access.values];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = ['p.merged_into IS NULL', access.visible];
  if (viewer.kind === 'organization') where.push(`(${access.basis} = 'holder' OR c.grantee_organization_id = $1::uuid)`);
  if (filter.personId) where.push(`c.person_id = ${param(filter.personId)}::uuid`);
  const live = `(c.revoked_at IS NULL AND (c.ends_on IS NULL OR c.ends_on >= current_date))`;
  if (filter.status === 'active') where.push(live);
  if (filter.status === 'inactive') where.push(`NOT ${live}`);
  if (filter.after) where.push(`c.id > ${param(filter.after)}::uuid`);
  return q.query<ConsentRow & { holder_organization_id: string }>(
    `SELECT ${consentColumns}, p.holder_organization_id
       FROM person_consents c JOIN people p ON p.id = c.person_id
      WHERE ${where.join(' AND ')}
      ORDER BY c.id
      LIMIT ${param(filter.limit + 1)}`,
    values,
  );
}

/** The organisation's program of this name (any letter case), active or not. */
export async function findProgramByName(q: Queryable, organizationId: string, name: string): Promise<CareProgramRow | undefined> {
  const rows = await q.query<CareProgramRow>(
    `SELECT ${programColumns} FROM care_programs cp WHERE cp.organization_id = $1 AND lower(cp.name) = lower($2)`,
    [organizationId, name],
  );
  return rows[0];
}
