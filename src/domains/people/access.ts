// Who may see a person, and which of their data: the ONE rule of the people domain. Every read of
// a person (a page, a list, a search, a CSV, a count, a FHIR read) goes through `viewerOf` here and
// the SQL filter of access.store.ts built from it; every answer's fields go through `sees` in the
// presenter. Minimum necessary: each viewer sees the least their work needs.
//
// - Staff of the organisation that holds the record see the person (basis 'holder'). Which
//   categories follows their roles (`holderRoleCategories`): admins, program managers and care
//   coordinators see every category; leaders, who oversee, see demographics and needs; partner
//   staff see none of the people their own organisation holds except through its care teams.
// - Being an active member of the person's care team (person_care_team.user_id is the user, begun,
//   not ended) shapes what a member sees by their care-team role (`careTeamRoleCategories`; the
//   union when they hold several). 'sud' is never given by a care-team role: it follows the holder
//   rule for the holder's staff, and across organisations only a consent naming it.
//   - Holder staff on the team see their holder categories narrowed to the role's (and 'sud' as the
//     holder rule gives it), except the (lead) coordinators, who keep everything the holder rule
//     gives them (`keepsHolderCategories`).
//   - A user of the holder with no holder access (partner staff of a department of the host) sees
//     the person as a member of the care team (basis 'care_team'), with their role's categories.
//     Ending the membership ends it at the next request.
// - Staff of any other organisation see a person only through a live consent (not revoked, begun,
//   not ended) that names their organisation as grantee for care coordination (basis 'consent'),
//   and then only the categories that consent names; when they are also on the care team, those
//   narrowed to their role's (and 'sud' only as the consent names it). A referral or
//   case-conference consent grants nothing by itself (it takes effect through a referral or a
//   conference). Across organisations the care team grants nothing without a consent.
// - Without access a person does not exist: 404, never 403; never in a list, a search or a count.
// - The operator at the CLI (`system`) sees everyone; nobody who is not signed in sees anyone.
import { hasRole, type Actor, type Role } from '../../platform/auth/actor';
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { careTeamRoles, consentCategories, type CareTeamRole, type ConsentCategory } from './people.schema';

/** What each role of a user sees of the people their own organisation holds (the union over their roles); empty: none of them. */
export const holderRoleCategories: Record<Role, readonly ConsentCategory[]> = {
  admin: consentCategories,
  program_manager: consentCategories,
  care_coordinator: consentCategories,
  // Read-only oversight: who the people are and what they need, not how to reach them nor their care plan.
  leader: ['demographics', 'needs'],
  partner_staff: [],
};

/**
 * The least each care-team role needs of the person, and whether a member of the holder's staff
 * in that role keeps everything their holder roles give them (the coordinators run the person's
 * care, so being on the team never narrows them). Never 'sud'.
 */
export const careTeamRoleCategories: Record<
  CareTeamRole,
  { categories: readonly Exclude<ConsentCategory, 'sud'>[]; keepsHolderCategories: boolean }
> = {
  lead_coordinator: { categories: ['contact', 'demographics', 'needs', 'care_plan'], keepsHolderCategories: true },
  coordinator: { categories: ['contact', 'demographics', 'needs', 'care_plan'], keepsHolderCategories: true },
  pcp: { categories: ['contact', 'demographics', 'needs', 'care_plan'], keepsHolderCategories: false },
  specialist: { categories: ['demographics', 'needs', 'care_plan'], keepsHolderCategories: false },
  cbo_case_manager: { categories: ['contact', 'demographics', 'needs'], keepsHolderCategories: false },
  community_health_worker: { categories: ['contact', 'demographics', 'needs'], keepsHolderCategories: false },
  other: { categories: ['demographics'], keepsHolderCategories: false },
};

/** Whose eyes a query is for: the SQL filter and the presenter are built from this alone. */
export type Viewer =
  | { kind: 'everyone' }
  | {
      kind: 'organization';
      organizationId: string;
      userId: string;
      /** The categories this user sees of the people their organisation holds; null: none of them (but through its care teams). */
      holderCategories: ConsentCategory[] | null;
    };

/** What a user's roles see of the people their organisation holds, in the categories' order; null: none of them. */
export function holderCategories(actor: Actor): ConsentCategory[] | null {
  const granted = new Set(actor.roles.flatMap((role) => holderRoleCategories[role]));
  return granted.size > 0 ? consentCategories.filter((category) => granted.has(category)) : null;
}

/** The viewer of a use case's context; someone not signed in is refused. */
export function viewerOf(context: UseCaseContext): Viewer {
  if (context.actor === 'system') return { kind: 'everyone' };
  if (context.actor === 'anonymous') throw new AppError('unauthenticated');
  return {
    kind: 'organization',
    organizationId: context.actor.organizationId,
    userId: context.actor.userId,
    holderCategories: holderCategories(context.actor),
  };
}

/** The user may change the records of people their organisation holds (and add people to it): leaders and partner staff only read. */
export function writesForHolder(actor: Actor, holderOrganizationId: string | undefined): boolean {
  return (
    holderOrganizationId !== undefined &&
    actor.organizationId === holderOrganizationId &&
    hasRole(actor, 'admin', 'program_manager', 'care_coordinator')
  );
}

export const accessBases = ['holder', 'consent', 'care_team', 'referral'] as const;
export type AccessBasis = (typeof accessBases)[number];

/**
 * What one viewer sees of one person, as the access query worked it out; or, with the basis
 * 'referral', what another domain's rule gave them (the organisation a referral was sent to sees
 * the person in the categories of the consent it went under: see shared-people.ts).
 */
export interface PersonAccess {
  /**
   * Why the viewer sees the person: their organisation holds the record, a consent, (staff of the
   * holder without holder access) the care team, or a referral sent to their organisation.
   */
  basis: AccessBasis;
  categories: ConsentCategory[];
  /** The viewer's roles on the person's active care team (empty when they are not on it). */
  careTeamRoles: CareTeamRole[];
}

/** The categories a viewer sees, as the SQL filter computed them for a row, ordered and known. */
export function accessOf(row: { access_basis: string; access_categories: string[]; access_roles: string[] }): PersonAccess {
  const known = new Set<string>(row.access_categories);
  const roles = new Set<string>(row.access_roles);
  return {
    basis: accessBases.find((basis) => basis === row.access_basis) ?? 'consent',
    // 'sud' is listed only when the holder rule or a consent gives it: it is never implied by another category.
    categories: consentCategories.filter((category) => known.has(category)),
    careTeamRoles: careTeamRoles.filter((role) => roles.has(role)),
  };
}

export function sees(access: PersonAccess, category: ConsentCategory): boolean {
  return access.categories.includes(category);
}

/** What an audit row of a read says of the access it was read with: why, the care-team roles that shaped it, what was shown. */
export function accessAuditDetails(access: PersonAccess): {
  basis: AccessBasis;
  careTeamRoles?: CareTeamRole[];
  categories: ConsentCategory[];
} {
  return {
    basis: access.basis,
    ...(access.careTeamRoles.length > 0 && { careTeamRoles: access.careTeamRoles }),
    categories: access.categories,
  };
}
