// Adds a member to a person's care team: a unit of the host or a partner organisation, a role and dates.
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findOrganization, findUnit, findUser } from '../identity';
import { insertCareTeamMember } from './care.store';
import type { AddCareTeamMemberBody } from './people.schema';
import type { PersonRecord } from './read-person';
import { changeAround } from './change-around';

export async function addCareTeamMember(
  context: UseCaseContext,
  props: { personId: string; body: AddCareTeamMemberBody },
): Promise<PersonRecord> {
  const { body } = props;
  return changeAround(context, props.personId, 'person.add_care_team_member', async (q) => {
    const organization = await findOrganization(q, body.organizationId);
    if (!organization) throw AppError.field('organizationId', 'is not an organisation of the network');
    if (body.userId) {
      const user = await findUser(q, body.userId);
      if (!user || user.organization_id !== organization.id) throw AppError.field('userId', 'is not a user of this organisation');
    }
    if (body.unitId) {
      const unit = await findUnit(q, body.unitId);
      if (!unit || unit.organization_id !== organization.id) throw AppError.field('unitId', 'is not a unit of this organisation');
    }
    const memberId = await insertCareTeamMember(q, props.personId, body);
    return { memberId, organizationId: organization.id, role: body.role };
  });
}
