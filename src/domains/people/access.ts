// Who may see a person, and which of their data: the ONE rule of the people domain. Every read of
// a person (a page, a list, a search, a CSV, a count) goes through `viewerOf` here and the SQL
// filter of access.store.ts built from it; every answer's fields go through `sees` in the presenter.
//
// - Staff of the organisation that holds the record see the person. Which categories follows the
//   role (`holderCategories`): today every role but partner_staff sees them all; minimum necessary
//   by role refines this one function.
// - Staff of any other organisation see a person only through a live consent (not revoked, begun,
//   not ended) that names their organisation as grantee for care coordination, and then only the
//   categories that consent names. A referral or case-conference consent grants nothing by itself
//   (it takes effect through a referral or a conference). Being on the care team grants nothing.
// - Without access a person does not exist: 404, never 403; never in a list, a search or a count.
// - The operator at the CLI (`system`) sees everyone; nobody who is not signed in sees anyone.
import { hasRole, type Actor } from '../../platform/auth/actor';
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { consentCategories, type ConsentCategory } from './people.schema';

/** Whose eyes a query is for: the SQL filter and the presenter are built from this alone. */
export type Viewer =
  | { kind: 'everyone' }
  | {
      kind: 'organization';
      organizationId: string;
      userId: string;
      /** The categories this user sees of the people their organisation holds; null: none of them. */
      holderCategories: ConsentCategory[] | null;
    };

/** What a role of the holder organisation sees of the people it holds. */
export function holderCategories(actor: Actor): ConsentCategory[] | null {
  const staffRoles = actor.roles.filter((role) => role !== 'partner_staff');
  return staffRoles.length > 0 ? [...consentCategories] : null;
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

/**
 * What one viewer sees of one person, as the access query worked it out; or, with the basis
 * 'referral', what another domain's rule gave them (the organisation a referral was sent to sees
 * the person in the categories of the consent it went under: see shared-people.ts).
 */
export interface PersonAccess {
  basis: 'holder' | 'consent' | 'referral';
  categories: ConsentCategory[];
}

/** The categories a viewer sees, as the SQL filter computed them for a row, ordered and known. */
export function accessOf(row: { access_basis: string; access_categories: string[] }): PersonAccess {
  const known = new Set<string>(row.access_categories);
  return {
    basis: row.access_basis === 'holder' ? 'holder' : 'consent',
    // 'sud' is listed only when a consent names it: it is never implied by another category.
    categories: consentCategories.filter((category) => known.has(category)),
  };
}

export function sees(access: PersonAccess, category: ConsentCategory): boolean {
  return access.categories.includes(category);
}
