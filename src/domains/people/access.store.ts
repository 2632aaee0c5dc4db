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
      values: [],
    };
  }
  const organization = `$${firstParam}::uuid`;
  const holderCategories = `$${firstParam + 1}::text[]`;
  const asHolder = `(p.holder_organization_id = ${organization} AND ${holderCategories} IS NOT NULL)`;
  return {
    visible: `(${asHolder} OR EXISTS (SELECT 1 FROM person_consents ac WHERE ac.person_id = p.id AND ${liveCareConsent('ac', organization)}))`,
    basis: `CASE WHEN ${asHolder} THEN 'holder' ELSE 'consent' END`,
    categories: `CASE WHEN ${asHolder} THEN ${holderCategories} ELSE COALESCE((
        SELECT array_agg(DISTINCT category ORDER BY category)
          FROM person_consents ac CROSS JOIN LATERAL unnest(ac.categories) AS category
         WHERE ac.person_id = p.id AND ${liveCareConsent('ac', organization)}), '{}'::text[]) END`,
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
