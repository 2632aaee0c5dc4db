// Add a department or program (a unit) to an organisation (its admins, or network admins).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { CreateUnitBody } from './identity.schema';
import { findOrganization, insertUnit, unitNameTaken, type UnitRow } from './identity.store';

export async function createUnit(
  context: UseCaseContext,
  props: { organizationId: string; body: CreateUnitBody },
): Promise<UnitRow> {
  return context.db.tx(async (q) => {
    const organization = await findOrganization(q, props.organizationId);
    if (!organization) throw new AppError('not_found', 'No organization with this id.');
    await authorizeFor(context, 'unit.create', { organizationId: organization.id }, 'unit');
    if (await unitNameTaken(q, organization.id, props.body.name)) {
      throw AppError.field('name', 'this organisation already has a unit with this name', 'conflict');
    }
    const unit = await insertUnit(q, { organizationId: organization.id, ...props.body });
    await audit(q, auditContextOf(context), {
      action: 'unit.create',
      recordType: 'unit',
      recordId: unit.id,
      recordOrganizationId: organization.id,
    });
    return unit;
  });
}
