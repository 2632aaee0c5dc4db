// The network's organisations whose name holds a search's words ("bluebird" → Bluebird Community
// Health Center), for the directory search to list before services. The words are letters and
// digits only; the last may be matched as the beginning of a word.
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { findOrganizationsNamed, type NamedOrganizationRow } from './organization-names.store';

export async function findOrganizationsByName(
  context: UseCaseContext,
  props: { words: string[]; lastIsPrefix: boolean; typed: string; limit: number },
): Promise<NamedOrganizationRow[]> {
  await authorizeFor(context, 'organization.read', {}, 'organization');
  const words = props.words.filter((word) => /^[a-z0-9]+$/.test(word));
  if (words.length === 0) return [];
  const tsquery = words.map((word, index) => (index === words.length - 1 && props.lastIsPrefix ? `${word}:*` : word)).join(' & ');
  return findOrganizationsNamed(context.db, { tsquery, typed: props.typed, limit: props.limit });
}
