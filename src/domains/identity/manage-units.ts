// Add and change the departments and programs (units) inside an organisation.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { CreateUnitBody, UpdateUnitBody } from './identity.schema';
import { findOrganization, findUnit, insertUnit, updateUnit as updateUnitRow, type UnitRow } from './identity.store';

export async function createUnit(
  context: UseCaseContext,
  props: { organizationId: string; body: CreateUnitBody },
): Promise<UnitRow> {
  return context.db.tx(async (q) => {
    const organization = await findOrganization(q, props.organizationId);
    if (!organization) throw new AppError('not_found', 'No organization with this id.');
    await authorizeFor(context, 'unit.create', { organizationId: organization.id }, 'unit');
    const clash = await q.query('SELECT 1 FROM units WHERE organization_id = $1 AND lower(name) = lower($2)', [
      organization.id,
      props.body.name,
    ]);
    if (clash.length > 0) throw AppError.field('name', 'this organisation already has a unit with this name', 'conflict');
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

export async function updateUnit(context: UseCaseContext, props: { unitId: string; body: UpdateUnitBody }): Promise<UnitRow> {
  return context.db.tx(async (q) => {
    const unit = await findUnit(q, props.unitId);
    if (!unit) throw new AppError('not_found', 'No unit with this id.');
    await authorizeFor(context, 'unit.update', { id: unit.id, organizationId: unit.organization_id }, 'unit');
    if (props.body.name) {
      const clash = await q.query(
        'SELECT 1 FROM units WHERE organization_id = $1 AND lower(name) = lower($2) AND id <> $3',
        [unit.organization_id, props.body.name, unit.id],
      );
      if (clash.length > 0) throw AppError.field('name', 'this organisation already has a unit with this name', 'conflict');
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
