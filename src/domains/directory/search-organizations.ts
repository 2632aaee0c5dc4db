// The organisations a search's words name, listed before its services: directory organisations
// and the network's own members alike, one row each (a member linked to a directory organisation
// is that organisation). A member without a directory record is still found by its name.
import type { UseCaseContext } from '../../platform/context';
import { findOrganizationsByName } from '../identity';
import { queryWords } from './search-words';
import { directoryOrganizationsLinkedTo, directoryOrganizationsNamed } from './search.store';

export interface FoundOrganization {
  name: string;
  /** Its page in the directory, if it has one. */
  directoryOrganizationId: string | null;
  /** The network organisation it is, if it is a member of the network. */
  networkOrganizationId: string | null;
}

/** At most this many organisations are listed: the ones named for the words, before any service. */
export const ORGANIZATIONS_LISTED = 5;

export async function findOrganizations(
  context: UseCaseContext,
  props: { words: string[]; lastIsPrefix: boolean },
): Promise<FoundOrganization[]> {
  const { words, lastIsPrefix } = props;
  const typed = words.join(' ');
  if (words.length === 0) return [];
  const tsquery = words.map((word, index) => (index === words.length - 1 && lastIsPrefix ? `${word}:*` : word)).join(' & ');
  const [inDirectory, members] = await Promise.all([
    directoryOrganizationsNamed(context.db, { tsquery, typed, limit: ORGANIZATIONS_LISTED }),
    findOrganizationsByName(context, { words, lastIsPrefix, typed, limit: ORGANIZATIONS_LISTED }),
  ]);
  const listed = new Set(inDirectory.flatMap((row) => (row.network_organization_id ? [row.network_organization_id] : [])));
  const otherMembers = members.filter((member) => !listed.has(member.id));
  const records = otherMembers.length
    ? await directoryOrganizationsLinkedTo(
        context.db,
        otherMembers.map((m) => m.id),
      )
    : new Map();
  const found: (FoundOrganization & { exact: boolean })[] = [
    ...otherMembers.map((member) => ({
      name: member.name,
      directoryOrganizationId: (records.get(member.id) as string | undefined) ?? null,
      networkOrganizationId: member.id,
      exact: queryWords(member.name).join(' ') === typed,
    })),
    ...inDirectory.map((row) => ({
      name: row.name,
      directoryOrganizationId: row.id,
      networkOrganizationId: row.network_organization_id,
      exact: queryWords(row.name).join(' ') === typed,
    })),
  ];
  // The one named exactly as typed first, then the network's members, then the rest of the directory.
  const rank = (organization: FoundOrganization & { exact: boolean }) =>
    organization.exact ? 0 : organization.networkOrganizationId ? 1 : 2;
  return found
    .map((organization, position) => ({ organization, position }))
    .sort((a, b) => rank(a.organization) - rank(b.organization) || a.position - b.position)
    .slice(0, ORGANIZATIONS_LISTED)
    .map(({ organization: { exact: _exact, ...organization } }) => organization);
}
