// Reads of the directory for people: a service with its locations, hours, intake and capacity
// history; an organisation with its services. Directory data is public, so reads are not audited.
import type { UseCaseContext } from '../../platform/context';
import { can } from '../../platform/policy/policy';
import { AppError } from '../../platform/http/app-error';
import type { Intake } from './directory.schema';
import { findIntake, findServiceOwner, type IntakeRow } from './directory.store';

interface ScheduleRow {
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  freq: string | null;
  description: string | null;
  notes: string | null;
}

const dayNames: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

/** One schedule as a line a person reads: "Mon, Wed 09:00–17:00", or its free text. */
export function scheduleLine(schedule: ScheduleRow): string | null {
  const clock = (value: string | null) => value?.trim().match(/^(\d{1,2}:\d{2})/)?.[1];
  const opens = clock(schedule.opens_at);
  const closes = clock(schedule.closes_at);
  const text = [schedule.description, schedule.notes].filter((part) => part?.trim()).join(' · ') || null;
  if (!opens || !closes || (schedule.freq && schedule.freq.toUpperCase() !== 'WEEKLY')) return text;
  const days = schedule.byday
    ? schedule.byday
        .split(',')
        .map((day) => dayNames[day.trim().toUpperCase()] ?? day.trim())
        .join(', ')
    : 'Every day';
  return [`${days} ${opens}–${closes}`, text].filter(Boolean).join(' · ');
}

export function presentIntake(row: IntakeRow | undefined): Intake {
  return {
    acceptingReferrals: row?.accepting_referrals ?? true,
    howToRefer: row?.how_to_refer ?? [],
    referralEmail: row?.referral_email ?? null,
    referralPhone: row?.referral_phone ?? null,
    referralFax: row?.referral_fax ?? null,
    capacityStatus: row?.capacity_status ?? null,
    openSlots: row?.open_slots ?? null,
    waitlistLength: row?.waitlist_length ?? null,
    daysToFirstContact: row?.days_to_first_contact ?? null,
    capacityNote: row?.capacity_note ?? null,
    capacityUpdatedAt: row?.capacity_updated_at?.toISOString() ?? null,
    capacityUpdatedBy: row?.capacity_updated_by_name ?? null,
  };
}

export async function readService(context: UseCaseContext, serviceId: string) {
  const { db } = context;
  const owner = await findServiceOwner(db, serviceId);
  if (!owner) throw new AppError('not_found', 'No service with this id.');
  const [service] = await db.query<Record<string, string | null>>('SELECT * FROM hsds_service WHERE id = $1', [serviceId]);
  const organizations = await db.query<{ id: string; name: string; description: string | null; website: string | null; email: string | null; phones: string[] | null }>(
    `SELECT o.id, o.name, o.description, o.website, o.email,
            (SELECT array_agg(p.number ORDER BY p.number) FROM hsds_phone p WHERE p.organization_id = o.id) AS phones
       FROM hsds_organization o WHERE o.id = $1`,
    [owner.hsds_organization_id],
  );
  const locations = await db.query<{ id: string; name: string | null; address: string | null; latitude: number | null; longitude: number | null; phones: string[] | null; schedules: ScheduleRow[] | null }>(
    `SELECT l.id, l.name, l.latitude, l.longitude,
            (SELECT concat_ws(', ', a.address_1, a.address_2, a.city, a.state_province, a.postal_code) FROM hsds_address a
              WHERE a.location_id = l.id ORDER BY (a.address_type = 'physical') DESC NULLS LAST LIMIT 1) AS address,
            (SELECT array_agg(p.number ORDER BY p.number) FROM hsds_phone p WHERE p.location_id = l.id) AS phones,
            (SELECT json_agg(json_build_object('byday', sc.byday, 'opens_at', sc.opens_at, 'closes_at', sc.closes_at,
                     'freq', sc.freq, 'description', sc.description, 'notes', sc.notes) ORDER BY sc.byday, sc.opens_at)
               FROM hsds_schedule sc WHERE sc.service_at_location_id = sal.id OR sc.location_id = l.id
                  OR (sc.service_id = sal.service_id AND sc.service_at_location_id IS NULL)) AS schedules
       FROM hsds_service_at_location sal JOIN hsds_location l ON l.id = sal.location_id
      WHERE sal.service_id = $1 ORDER BY l.name`,
    [serviceId],
  );
  const [extras] = await db.query<{ phones: string[] | null; languages: string[] | null; domains: { code: string; name: string }[] | null }>(
    `SELECT (SELECT array_agg(p.number ORDER BY p.number) FROM hsds_phone p WHERE p.service_id = $1) AS phones,
            (SELECT array_agg(DISTINCT COALESCE(lg.name, lg.code)) FROM hsds_language lg WHERE lg.service_id = $1) AS languages,
            (SELECT json_agg(json_build_object('code', nd.code, 'name', nd.name) ORDER BY nd.position) FROM need_domain nd
              WHERE nd.code IN (SELECT unnest(e.need_domains) FROM directory_search_entry e WHERE e.service_id = $1)) AS domains`,
    [serviceId],
  );
  const history = await db.query<{ recorded_at: Date; capacity_status: Intake['capacityStatus']; open_slots: number | null; waitlist_length: number | null; accepting_referrals: boolean }>(
    `SELECT recorded_at, capacity_status, open_slots, waitlist_length, accepting_referrals
       FROM directory_capacity_history WHERE service_id = $1 ORDER BY recorded_at DESC, id DESC LIMIT 20`,
    [serviceId],
  );
  const organization = organizations[0];
  return {
    id: serviceId,
    name: service!.name!,
    alternateName: service!.alternate_name ?? null,
    description: service!.description ?? null,
    status: service!.status!,
    eligibility: service!.eligibility_description ?? null,
    applicationProcess: service!.application_process ?? null,
    fees: service!.fees_description ?? null,
    url: service!.url ?? null,
    email: service!.email ?? null,
    organization: organization ? { ...organization, phones: organization.phones ?? [] } : null,
    locations: locations.map((location) => ({
      id: location.id,
      name: location.name,
      address: location.address,
      latitude: location.latitude,
      longitude: location.longitude,
      phones: location.phones ?? [],
      hours: (location.schedules ?? []).map(scheduleLine).filter((line): line is string => line !== null),
    })),
    phones: extras?.phones ?? [],
    languages: extras?.languages ?? [],
    needDomains: extras?.domains ?? [],
    intake: presentIntake(await findIntake(db, serviceId)),
    capacityHistory: history.map((row) => ({
      recordedAt: row.recorded_at.toISOString(),
      capacityStatus: row.capacity_status,
      openSlots: row.open_slots,
      waitlistLength: row.waitlist_length,
      acceptingReferrals: row.accepting_referrals,
    })),
    canUpdateCapacity:
      context.actor === 'system' ||
      can(context.actor, 'directory_service.update_intake', { id: serviceId, organizationId: owner.network_organization_id ?? undefined }),
  };
}

export async function readDirectoryOrganization(context: UseCaseContext, organizationId: string) {
  const { db } = context;
  const [organization] = await db.query<{ id: string; name: string; description: string | null; website: string | null; email: string | null; phones: string[] | null; network_organization_id: string | null }>(
    `SELECT o.id, o.name, o.description, o.website, o.email,
            (SELECT array_agg(p.number ORDER BY p.number) FROM hsds_phone p WHERE p.organization_id = o.id) AS phones,
            link.organization_id AS network_organization_id
       FROM hsds_organization o LEFT JOIN directory_organization_link link ON link.hsds_organization_id = o.id
      WHERE o.id = $1`,
    [organizationId],
  );
  if (!organization) throw new AppError('not_found', 'No directory organization with this id.');
  const services = await db.query<{ id: string; name: string; summary: string; accepting_referrals: boolean | null; capacity_status: Intake['capacityStatus']; capacity_updated_at: Date | null }>(
    `SELECT s.id, s.name, left(COALESCE(s.description, ''), 300) AS summary, i.accepting_referrals, i.capacity_status,
            i.capacity_updated_at
       FROM hsds_service s LEFT JOIN directory_service_intake i ON i.service_id = s.id
      WHERE s.organization_id = $1 ORDER BY s.name LIMIT 500`,
    [organizationId],
  );
  return {
    id: organization.id,
    name: organization.name,
    description: organization.description,
    website: organization.website,
    email: organization.email,
    phones: organization.phones ?? [],
    networkOrganizationId: organization.network_organization_id,
    services: services.map((service) => ({
      id: service.id,
      name: service.name,
      summary: service.summary,
      acceptingReferrals: service.accepting_referrals ?? true,
      capacityStatus: service.capacity_status,
      capacityUpdatedAt: service.capacity_updated_at?.toISOString() ?? null,
    })),
  };
}
