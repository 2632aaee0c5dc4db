// The home page's "my people": the people whose care team the user is on first, then the others
// they may see; among them, whoever has the most urgent open need first (as far as the viewer sees
// needs), then the most recently changed. One audit row naming the count.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { accessOf, viewerOf, type PersonAccess } from './access';
import { listMyPeople, type MyPersonRow, type VisiblePersonRow } from './people.store';

export async function readMyPeople(
  context: UseCaseContext,
  props: { limit: number },
): Promise<{ row: VisiblePersonRow; access: PersonAccess; onMyTeam: boolean; openNeeds: MyPersonRow['open_needs'] }[]> {
  const viewer = viewerOf(context);
  if (viewer.kind !== 'organization') throw new AppError('forbidden', 'Only a signed-in user has people of their own.');
  await authorizeFor(context, 'person.list', {}, 'person');
  return context.db.tx(async (q) => {
    const rows = await listMyPeople(q, viewer, props.limit);
    await audit(q, auditContextOf(context), {
      action: 'person.list',
      recordType: 'person',
      details: { count: rows.length, filter: { mine: true } },
    });
    return rows.map(({ on_my_team, open_needs, ...row }) => ({
      row,
      access: accessOf(row),
      onMyTeam: on_my_team,
      openNeeds: open_needs,
    }));
  });
}
