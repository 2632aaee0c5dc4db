// SQL of the directory's pages: a service with what surrounds it, an organisation with its
// services, and the links between directory organisations and the network's organisations.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';
import type { OpeningHours } from './directory.schema';

type Service = TableRow<'hsds_service'>;
type Intake = TableRow<'directory_service_intake'>;

export interface ServiceOwnerRow extends Pick<Service, 'id' | 'name'> {
  hsds_organization_id: Service['organization_id'];
  network_organization_id: TableRow<'directory_organization_link'>['organization_id'] | null;
}

/** A service and the network organisation (if any) that keeps it. */
export async function findServiceOwner(q: Queryable, serviceId: string): Promise<ServiceOwnerRow | undefined> {
  const rows = await q.query<ServiceOwnerRow>(
    `SELECT s.id, s.name, s.organization_id AS hsds_organization_id, link.organization_id AS network_organization_id
       FROM hsds_service s LEFT JOIN directory_organization_link link ON link.hsds_organization_id = s.organization_id
      WHERE s.id = $1`,
    [serviceId],
  );
  return rows[0];
}

/** What a referral to a service needs to know of it: who offers it in the network, and whether it takes referrals now. */
export interface ReferralServiceRow extends ServiceOwnerRow {
  status: Service['status'];
  /** True without an intake row: a service takes referrals until someone says it does not. */
  accepting_referrals: boolean;
  how_to_refer: Intake['how_to_refer'];
}

export async function findReferralService(q: Queryable, serviceId: string): Promise<ReferralServiceRow | undefined> {
  const rows = await q.query<ReferralServiceRow>(
    `SELECT s.id, s.name, s.status, s.organization_id AS hsds_organization_id, link.organization_id AS network_organization_id,
            COALESCE(i.accepting_referrals, true) AS accepting_referrals, COALESCE(i.how_to_refer, '{}') AS how_to_refer
       FROM hsds_service s
       LEFT JOIN directory_organization_link link ON link.hsds_organization_id = s.organization_id
       LEFT JOIN directory_service_intake i ON i.service_id = s.id
      WHERE s.id = $1`,
    [serviceId],
  );
  return rows[0];
}

export type ServiceRow = Pick<
  Service,
  | 'id'
  | 'name'
  | 'alternate_name'
  | 'description'
  | 'status'
  | 'eligibility_description'
  | 'application_process'
  | 'fees_description'
  | 'url'
  | 'email'
> & { local_edits: LocalEditJson[] | null };

/** A partner's edit of a field, as a row carries it (JSON: its time is text). */
export interface LocalEditJson {
  field: TableRow<'directory_local_edit'>['field'];
  source_value: TableRow<'directory_local_edit'>['source_value'];
  edited_at: string;
  source_changed: boolean;
}

const localEditsOf = (record: 'service' | 'organization', id: string) =>
  `(SELECT json_agg(json_build_object('field', e.field, 'source_value', e.source_value, 'edited_at', e.edited_at,
                                      'source_changed', COALESCE(e.source_changed_at > e.edited_at, false)) ORDER BY e.field)
      FROM directory_local_edit e WHERE e.record_type = '${record}' AND e.record_id = ${id}) AS local_edits`;

export async function findService(q: Queryable, serviceId: string): Promise<ServiceRow | undefined> {
  const rows = await q.query<ServiceRow>(
    `SELECT s.id, s.name, s.alternate_name, s.description, s.status, s.eligibility_description, s.application_process,
            s.fees_description, s.url, s.email, ${localEditsOf('service', 's.id')}
       FROM hsds_service s WHERE s.id = $1`,
    [serviceId],
  );
  return rows[0];
}

export interface DirectoryOrganizationRow extends Pick<
  TableRow<'hsds_organization'>,
  'id' | 'name' | 'description' | 'website' | 'email'
> {
  phones: TableRow<'hsds_phone'>['number'][] | null;
  network_organization_id: TableRow<'directory_organization_link'>['organization_id'] | null;
  local_edits: LocalEditJson[] | null;
}

/** An organisation's columns as its page, a service's page and a partner's home show it (o is the organisation, link its link). */
const organizationColumns = `o.id, o.name, o.description, o.website, o.email,
            (SELECT array_agg(p.number ORDER BY p.number) FROM hsds_phone p WHERE p.organization_id = o.id) AS phones,
            link.organization_id AS network_organization_id, ${localEditsOf('organization', 'o.id')}`;

export async function findDirectoryOrganization(
  q: Queryable,
  organizationId: string,
): Promise<DirectoryOrganizationRow | undefined> {
  const rows = await q.query<DirectoryOrganizationRow>(
    `SELECT ${organizationColumns}
       FROM hsds_organization o LEFT JOIN directory_organization_link link ON link.hsds_organization_id = o.id
      WHERE o.id = $1`,
    [organizationId],
  );
  return rows[0];
}

export interface ServiceLocationRow extends Pick<TableRow<'hsds_location'>, 'id' | 'name' | 'latitude' | 'longitude'> {
  /** The coordinates are the import's estimate (the centre of the postal code), not the source's. */
  coordinates_approximate: boolean;
  address: string | null;
  phones: TableRow<'hsds_phone'>['number'][] | null;
  hours: OpeningHours[] | null;
}

/** The places of a service, each with its address, phones and the schedules that apply there. */
export async function listServiceLocations(q: Queryable, serviceId: string): Promise<ServiceLocationRow[]> {
  return q.query<ServiceLocationRow>(
    `SELECT l.id, l.name, COALESCE(l.latitude, estimate.latitude) AS latitude, COALESCE(l.longitude, estimate.longitude) AS longitude,
            (l.latitude IS NULL AND estimate.location_id IS NOT NULL) AS coordinates_approximate,
            (SELECT concat_ws(', ', a.address_1, a.address_2, a.city, a.state_province, a.postal_code) FROM hsds_address a
              WHERE a.location_id = l.id ORDER BY (a.address_type = 'physical') DESC NULLS LAST LIMIT 1) AS address,
            (SELECT array_agg(p.number ORDER BY p.number) FROM hsds_phone p WHERE p.location_id = l.id) AS phones,
            (SELECT jsonb_agg(hours) FILTER (WHERE hours IS NOT NULL)
               FROM hsds_schedule sc,
                    LATERAL directory_schedule_hours(directory_schedule_times(sc.byday, sc.opens_at, sc.closes_at, sc.freq), sc.description, sc.notes) AS hours
              WHERE sc.service_at_location_id = sal.id OR sc.location_id = l.id
                 OR (sc.service_id = sal.service_id AND sc.service_at_location_id IS NULL)) AS hours
       FROM hsds_service_at_location sal JOIN hsds_location l ON l.id = sal.location_id
       LEFT JOIN directory_location_estimate estimate ON estimate.location_id = l.id
      WHERE sal.service_id = $1 ORDER BY l.name`,
    [serviceId],
  );
}

export interface ServiceFactsRow {
  phones: string[] | null;
  languages: string[] | null;
  need_domains: { code: string; name: string }[] | null;
}

/** A service's own phones, the languages spoken, and the need domains the search index files it under. */
export async function findServiceFacts(q: Queryable, serviceId: string): Promise<ServiceFactsRow> {
  const [row] = await q.query<ServiceFactsRow>(
    `SELECT (SELECT array_agg(p.number ORDER BY p.number) FROM hsds_phone p WHERE p.service_id = $1) AS phones,
            (SELECT array_agg(DISTINCT COALESCE(lg.name, lg.code)) FROM hsds_language lg WHERE lg.service_id = $1) AS languages,
            (SELECT json_agg(json_build_object('code', nd.code, 'name', nd.name) ORDER BY nd.position) FROM need_domain nd
              WHERE nd.code IN (SELECT unnest(e.need_domains) FROM directory_search_entry e WHERE e.service_id = $1)) AS need_domains`,
    [serviceId],
  );
  return row ?? { phones: null, languages: null, need_domains: null };
}

export interface OrganizationServiceRow extends Pick<Service, 'id' | 'name'> {
  summary: string;
  accepting_referrals: Intake['accepting_referrals'] | null;
  capacity_status: Intake['capacity_status'];
  capacity_updated_at: Intake['capacity_updated_at'];
}

/** The services of a directory organisation by name (the first 500), with their room. */
export async function listOrganizationServices(q: Queryable, organizationId: string): Promise<OrganizationServiceRow[]> {
  return q.query<OrganizationServiceRow>(
    `SELECT s.id, s.name, left(COALESCE(s.description, ''), 300) AS summary, i.accepting_referrals, i.capacity_status,
            i.capacity_updated_at
       FROM hsds_service s LEFT JOIN directory_service_intake i ON i.service_id = s.id
      WHERE s.organization_id = $1 ORDER BY s.name LIMIT 500`,
    [organizationId],
  );
}

export async function directoryOrganizationExists(q: Queryable, hsdsOrganizationId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM hsds_organization WHERE id = $1', [hsdsOrganizationId])).length > 0;
}

export async function writeOrganizationLink(q: Queryable, hsdsOrganizationId: string, organizationId: string): Promise<void> {
  await q.query(
    `INSERT INTO directory_organization_link (hsds_organization_id, organization_id) VALUES ($1, $2)
     ON CONFLICT (hsds_organization_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, linked_at = now()`,
    [hsdsOrganizationId, organizationId],
  );
}

export async function deleteOrganizationLink(q: Queryable, hsdsOrganizationId: string): Promise<void> {
  await q.query('DELETE FROM directory_organization_link WHERE hsds_organization_id = $1', [hsdsOrganizationId]);
}

const recordNameSql = {
  hsds_service: 'SELECT id, name FROM hsds_service WHERE id = ANY($1::uuid[])',
  hsds_organization: 'SELECT id, name FROM hsds_organization WHERE id = ANY($1::uuid[])',
  // A rule is named by what it files under its need: "food: pantry" or "housing: Rent Assistance".
  need_domain_rule: `SELECT r.id, nd.name || ': ' || COALESCE(r.keyword, t.name, '') AS name
                       FROM need_domain_rule r JOIN need_domain nd ON nd.code = r.need_domain
                       LEFT JOIN hsds_taxonomy_term t ON t.id = r.taxonomy_term_id
                      WHERE r.id = ANY($1::uuid[])`,
} as const;

/** Names of directory records by id, for the audit log's page. */
export async function directoryRecordNames(
  q: Queryable,
  recordType: keyof typeof recordNameSql,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; name: string }>(recordNameSql[recordType], [ids]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The directory organisations linked to a network organisation (the ones its staff keep), by name. */
export async function listLinkedDirectoryOrganizations(
  q: Queryable,
  networkOrganizationId: string,
): Promise<DirectoryOrganizationRow[]> {
  return q.query<DirectoryOrganizationRow>(
    `SELECT ${organizationColumns}
       FROM directory_organization_link link JOIN hsds_organization o ON o.id = link.hsds_organization_id
      WHERE link.organization_id = $1
      ORDER BY o.name, o.id LIMIT 100`,
    [networkOrganizationId],
  );
}

export interface KeptServiceRow extends OrganizationServiceRow, Pick<Intake, 'open_slots' | 'waitlist_length'> {
  organization_id: Service['organization_id'];
  status: Service['status'];
}

/** The services of these directory organisations (the first 500 by name), with their whole room. */
export async function listKeptServices(q: Queryable, organizationIds: string[]): Promise<KeptServiceRow[]> {
  return q.query<KeptServiceRow>(
    `SELECT s.id, s.name, s.organization_id, s.status, left(COALESCE(s.description, ''), 300) AS summary,
            i.accepting_referrals, i.capacity_status, i.open_slots, i.waitlist_length, i.capacity_updated_at
       FROM hsds_service s LEFT JOIN directory_service_intake i ON i.service_id = s.id
      WHERE s.organization_id = ANY ($1::uuid[]) ORDER BY s.name, s.id LIMIT 500`,
    [organizationIds],
  );
}
