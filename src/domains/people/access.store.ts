// The access rule of access.ts as SQL: the filter every query of people carries, so that a list
// is filtered before it is paged and counted, never in JavaScript afterwards. `p` is the people row.
import type { Viewer } from './access';

/** A consent that lets the grantee see the person now: for care coordination, not revoked, begun and not ended. */
export function liveCareConsent(consent: string, organizationParam: string): string {
  return `${consent}.grantee_organization_id = ${organizationParam}
      AND ${consent}.purpose = 'care_coordination'
      AND ${consent}.revoked_at IS NULL
      AND ${consent}.starts_on <= current_date
      AND (${consent}.ends_on IS NULL OR ${consent}.ends_on >= current_date)`;
}

export interface AccessSql {
  /** A boolean expression: the viewer may see person `p`. */
  visible: string;
  /** 'holder' or 'consent', for a visible row. */
  basis: string;
  /** text[]: the categories the viewer sees of `p`. */
  categories: string;
  /**
   * For a viewer who sees people only through consents: SQL selecting the ids of everyone they may
   * see, a set small enough to start a list from (`visible` is then `p.id` among them). Null for
   * staff of the holder and the operator, who see too many people for that.
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
    return {
      visible: 'TRUE',
      basis: `'holder'`,
      categories: `ARRAY['contact', 'demographics', 'needs', 'care_plan', 'sud']::text[]`,
      ids: null,
      values: [],
    };
  }
  const organization = `$${firstParam}::uuid`;
  const holderCategories = `$${firstParam + 1}::text[]`;
  // The people the organisation's consents name. As an array (computed once, before the people are
  // read), the planner reads just those people by their key; as a sub-select it would walk the
  // whole population in name order testing each one, which is slow when few match.
  const consentedIds = `SELECT ac.person_id FROM person_consents ac WHERE ${liveCareConsent('ac', organization)}`;
  const consentCategoriesOfP = `COALESCE((
        SELECT array_agg(DISTINCT category ORDER BY category)
          FROM person_consents ac CROSS JOIN LATERAL unnest(ac.categories) AS category
         WHERE ac.person_id = p.id AND ${liveCareConsent('ac', organization)}), '{}'::text[])`;
  if (viewer.holderCategories === null) {
    // This user sees none of the people their organisation holds: consents are the only way in.
    // (The second value is null here; it is named so that its parameter keeps a type.)
    const ids = `${consentedIds} AND ${holderCategories} IS NULL`;
    return {
      visible: `p.id = ANY (ARRAY(${ids}))`,
      basis: `'consent'`,
      categories: consentCategoriesOfP,
      ids,
      values: [viewer.organizationId, viewer.holderCategories],
    };
  }
  const asHolder = `(p.holder_organization_id = ${organization} AND ${holderCategories} IS NOT NULL)`;
  return {
    visible: `(${asHolder} OR p.id = ANY (ARRAY(${consentedIds})))`,
    basis: `CASE WHEN ${asHolder} THEN 'holder' ELSE 'consent' END`,
    categories: `CASE WHEN ${asHolder} THEN ${holderCategories} ELSE ${consentCategoriesOfP} END`,
    ids: null,
    values: [viewer.organizationId, viewer.holderCategories],
  };
}

/** The people a viewer sees, as a subquery another domain's SQL joins its rows about a person to. */
export interface VisiblePeopleSql {
  /**
   * `(SELECT …) ` with the columns `id`, `holder_organization_id`, `access_basis` ('holder' or
   * 'consent') and `access_categories` (text[]): use it as `JOIN ${from} vp ON vp.id = x.person_id`,
   * so that a list is filtered by the one access rule before it is paged and counted.
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
