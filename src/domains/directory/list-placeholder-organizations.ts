// The stand-in organisations imports made for organisations their sources name and lack, for the
// network admins who fix the data (ask the publisher, or import the missing organisations). Not
// personal data: no audit row.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { listPlaceholderOrganizationRows, type PlaceholderOrganizationRow } from './import-repairs.store';

/** More would not be read on one page; the list is sorted so the stand-ins that hold the most come first. */
export const PLACEHOLDER_LIST_LIMIT = 500;

export async function listPlaceholderOrganizations(
  context: UseCaseContext,
  _props: Record<string, never> = {},
): Promise<PlaceholderOrganizationRow[]> {
  await authorizeFor(context, 'directory.administer', {}, 'directory_placeholder_organization');
  return listPlaceholderOrganizationRows(context.db, PLACEHOLDER_LIST_LIMIT);
}
