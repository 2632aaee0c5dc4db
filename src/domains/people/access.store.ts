// The access rule of access.ts as SQL: the filter every query of people carries, so that a list
// is filtered before it is paged and counted, never in JavaScript afterwards. `p` is the people row.
import { careTeamRoleCategories, type Viewer } from './access';
import { careTeamRoles, consentCategories } from './people.schema';

/** A consent that lets the grantee see the person now: for care coordination, not revoked, begun and not ended. */
export function liveCareConsent(consent: string, organizationParam: string): string {
  return `${consent}.grantee_organization_id = ${organizationParam}
      AND ${consent}.purpose = 'care_coordination'
      AND ${consent}.revoked_at IS NULL
      AND ${consent}.starts_on <= current_date
      AND (${consent}.ends_on IS NULL OR ${consent}.ends_on >= current_date)`;
}

/**
 * A care-team membership of the user now: begun and not ended (a membership given an end date
 * has ended, as the care team's own lists have it). Its rows are found through the partial index
 * person_care_team_user (user_id, person_id) WHERE ended_on IS NULL.
 */
export function activeMembership(member: string, userParam: string): string {
  return `${member}.user_id = ${userParam} AND ${member}.ended_on IS NULL AND ${member}.started_on <= current_date`;
}

const textArray = (values: readonly string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;
const everyCategory = textArray(consentCategories);

/**
 * access.ts's table of care-team roles as SQL rows (role, categories, narrows, keeps_holder), made
 * from constants of the code, never from input. `narrows` is what a member's other access is
 * narrowed to: the role's categories and 'sud' (which only the holder rule or a consent gives, and
 * a role never takes away).
 */
const roleTable = `(VALUES ${careTeamRoles
  .map((role) => {
    const { categories, keepsHolderCategories } = careTeamRoleCategories[role];
    return `('${role}', ${textArray(categories)}, ${textArray([...categories, 'sud'])}, ${keepsHolderCategories})`;
  })
  .join(', ')}) AS rc (role, categories, narrows, keeps_holder)`;

export interface AccessSql {
  /** A boolean expression: the viewer may see person `p`. */
  visible: string;
  /** 'holder', 'consent' or 'care_team', for a visible row. */
  basis: string;
  /** text[]: the categories the viewer sees of `p`. */
  categories: string;
  /** text[]: the viewer's roles on `p`'s active care team (empty when they are not on it). */
  roles: string;
  /**
   * For a viewer who sees people only through consents and care teams: SQL selecting the ids of
   * everyone they may see, a set small enough to start a list from (`visible` is then `p.id` among
   * them). Null for staff of the holder and the operator, who see too many people for that.
   */
  ids: string | null;
  values: unknown[];
}

/**
 * The filter and the columns of the access rule, with its values numbered from `firstParam`.
 * For the operator at the CLI, every person, every category.
 */
export function accessSql(viewer: Viewer, firstParam: number): AccessSql {
  if (viewer.kind === 'everyone') {
    return { visible: 'TRUE', basis: `'holder'`, categories: everyCategory, roles: `'{}'::text[]`, ids: null, values: [] };
  }
  const organization = `$${firstParam}::uuid`;
  const holderCategories = `$${firstParam + 1}::text[]`;
  const user = `$${firstParam + 2}::uuid`;
  const values = [viewer.organizationId, viewer.holderCategories, viewer.userId];
  // The people the organisation's consents name, and the people whose care team the user is on.
  // As arrays (each computed once, before the people are read), the planner reads just those
  // people by their key; as sub-selects it would walk the whole population in name order testing
  // each one, which is slow when few match.
  const consentedIds = `SELECT ac.person_id FROM person_consents ac WHERE ${liveCareConsent('ac', organization)}`;
  const onTeam = `p.id = ANY (ARRAY(SELECT ot.person_id FROM person_care_team ot WHERE ${activeMembership('ot', user)}))`;
  const consentCategoriesOfP = `COALESCE((
        SELECT array_agg(DISTINCT category ORDER BY category)
          FROM person_consents ac CROSS JOIN LATERAL unnest(ac.categories) AS category
         WHERE ac.person_id = p.id AND ${liveCareConsent('ac', organization)}), '{}'::text[])`;
  // A member's role rows for `p`, each with `c` one of the role's categories in `column` (looked
  // up only for the people `onTeam` names).
  const membershipOfP = (column?: 'categories' | 'narrows') =>
    `person_care_team mt JOIN ${roleTable} ON rc.role = mt.role${column ? ` CROSS JOIN LATERAL unnest(rc.${column}) AS c` : ''}
         WHERE mt.person_id = p.id AND ${activeMembership('mt', user)}`;
  const roles = `CASE WHEN ${onTeam} THEN ARRAY(SELECT DISTINCT mt.role FROM ${membershipOfP()} ORDER BY mt.role) ELSE '{}'::text[] END`;
  /** `base` narrowed to what the member's roles allow; `keeps`: a role that keeps the holder's categories keeps `base` whole. */
  const narrowed = (base: string, keeps: boolean) => {
    const union = 'array_agg(DISTINCT c)';
    const allowed = keeps ? `CASE WHEN bool_or(rc.keeps_holder) THEN ${everyCategory} ELSE ${union} END` : union;
    return `CASE WHEN ${onTeam}
      THEN ARRAY(SELECT b FROM unnest(${base}) AS b WHERE b = ANY (COALESCE((SELECT ${allowed} FROM ${membershipOfP('narrows')}), '{}'::text[])))
      ELSE ${base} END`;
  };
  // What a care-team member who has no other access sees: their roles' categories, never 'sud'.
  const teamCategoriesOfP = `ARRAY(SELECT DISTINCT c FROM ${membershipOfP('categories')} ORDER BY c)`;
  if (viewer.holderCategories === null) {
    // This user sees none of the people their organisation holds but those whose care team they
    // are on; everyone else only through consents. (The second value is null here; it is named so
    // that its parameter keeps a type.)
    const teamIds = `SELECT tt.person_id FROM person_care_team tt JOIN people tp ON tp.id = tt.person_id
       WHERE ${activeMembership('tt', user)} AND tp.holder_organization_id = ${organization}`;
    const ids = `(${consentedIds} AND ${holderCategories} IS NULL) UNION (${teamIds})`;
    const asMember = `(p.holder_organization_id = ${organization} AND ${onTeam})`;
    return {
      visible: `p.id = ANY (ARRAY(${ids}))`,
      basis: `CASE WHEN ${asMember} THEN 'care_team' ELSE 'consent' END`,
      categories: `CASE WHEN ${asMember} THEN ${teamCategoriesOfP} ELSE ${narrowed(consentCategoriesOfP, false)} END`,
      roles,
      ids,
      values,
    };
  }
  const asHolder = `(p.holder_organization_id = ${organization} AND ${holderCategories} IS NOT NULL)`;
  return {
    // (The user is named here only so that its parameter keeps a type where just `visible` is used.)
    visible: `(${asHolder} OR p.id = ANY (ARRAY(${consentedIds} AND ${user} IS NOT NULL)))`,
    basis: `CASE WHEN ${asHolder} THEN 'holder' ELSE 'consent' END`,
    categories: `CASE WHEN ${asHolder} THEN ${narrowed(holderCategories, true)} ELSE ${narrowed(consentCategoriesOfP, false)} END`,
    roles,
    ids: null,
    values,
  };
}

/** The people a viewer sees, as a subquery another domain's SQL joins its rows about a person to. */
export interface VisiblePeopleSql {
  /**
   * `(SELECT …) ` with the columns `id`, `holder_organization_id`, `access_basis` ('holder',
   * 'consent' or 'care_team') and `access_categories` (text[]): use it as
   * `JOIN ${from} vp ON vp.id = x.person_id`, so that a list is filtered by the one access rule
   * before it is paged and counted.
   */
  from: string;
  values: unknown[];
}

/** The access rule as a subquery of the visible people (merged records left out), its values numbered from `firstParam`. */
export function visiblePeopleSql(viewer: Viewer, firstParam: number): VisiblePeopleSql {
  const access = accessSql(viewer, firstParam);
  return {
    from: `(SELECT p.id, p.holder_organization_id, ${access.basis} AS access_basis, ${access.categories} AS access_categories
              FROM people p WHERE p.merged_into IS NULL AND ${access.visible})`,
    values: access.values,
  };
}
