// Ends a care team membership on a date; the member stays in the history.
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { endCareTeamMember as endMemberRow, findCareTeamMember } from './care.store';
import type { EndCareTeamMemberBody } from './people.schema';
import type { PersonRecord } from './read-person';
import { changeAround } from './change-around';

export async function endCareTeamMember(
  context: UseCaseContext,
  props: { personId: string; memberId: string; body: EndCareTeamMemberBody },
): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.end_care_team_member', async (q) => {
    const member = await findCareTeamMember(q, props.personId, props.memberId);
    if (!member) throw new AppError('not_found', 'No care team member with this id.');
    if (member.ended_on) throw AppError.field('memberId', 'has already left the care team', 'conflict');
    if (props.body.endedOn && props.body.endedOn < member.started_on) {
      throw AppError.field('endedOn', 'must not be before the day they joined');
    }
    await endMemberRow(q, member.id, props.body.endedOn ?? null);
    return { memberId: member.id };
  });
}
