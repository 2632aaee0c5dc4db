// Change a department's or program's name, kind or description (its organisation's admins, or
// network admins).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { UpdateUnitBody } from './identity.schema';
import { findUnit, unitNameTaken, updateUnitRow, type UnitRow } from './identity.store';

export async function updateUnit(context: UseCaseContext, props: { unitId: string; body: UpdateUnitBody }): Promise<UnitRow> {
  return context.db.tx(async (q) => {
    const unit = await findUnit(q, props.unitId);
    if (!unit) throw new AppError('not_found', 'No unit with this id.');
    await authorizeFor(context, 'unit.update', { id: unit.id, organizationId: unit.organization_id }, 'unit');
    if (props.body.name && (await unitNameTaken(q, unit.organization_id, props.body.name, unit.id))) {
      throw AppError.field('name', 'this organisation already has a unit with this name', 'conflict');
    }
    const updated = await updateUnitRow(q, unit.id, props.body);
    await audit(q, auditContextOf(context), {
      action: 'unit.update',
      recordType: 'unit',
      recordId: unit.id,
      recordOrganizationId: unit.organization_id,
      details: { fields: Object.keys(props.body) },
    });
    return updated;
  });
}
