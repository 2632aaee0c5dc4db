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
