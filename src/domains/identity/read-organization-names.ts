// The names of the network's organisations, for the words a directory search knows: a member's
// name ("Keystone") is spelled right even where no service of the directory says it.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { listOrganizationNames } from './organization-names.store';

export async function readOrganizationNames(context: UseCaseContext, _props: Record<string, never> = {}): Promise<string[]> {
  await authorizeFor(context, 'organization.read', {}, 'organization');
  return listOrganizationNames(context.db);
}
