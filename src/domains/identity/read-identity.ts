// Reads of organisations, units and users, each through the policy. Lists of people (users) are
// personal data of staff and are written to the audit log.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { pageOf } from '../../platform/http/pagination';
import { presentOrganization, presentUnit, presentUser } from './identity.presenter';
import { findOrganization, findUser, listOrganizations, listUnits, listUsers } from './identity.store';

interface PageRequest {
  limit: number;
  cursor?: string;
  q?: string;
}

export async function readOrganizations(context: UseCaseContext, page: PageRequest) {
  const rows = await listOrganizations(context.db, page);
  return pageOf(rows, page.limit, (row) => [row.name.toLowerCase(), row.id]);
}

export async function readOrganization(context: UseCaseContext, organizationId: string) {
  const organization = await findOrganization(context.db, organizationId);
  if (!organization) throw new AppError('not_found', 'No organization with this id.');
  await authorizeFor(context, 'organization.read', { id: organization.id, organizationId: organization.id }, 'organization');
  return presentOrganization(organization);
}

export async function readUnits(context: UseCaseContext, organizationId: string, page: PageRequest) {
  await authorizeFor(context, 'unit.read', { organizationId }, 'unit');
  const organization = await findOrganization(context.db, organizationId);
  if (!organization) throw new AppError('not_found', 'No organization with this id.');
  const rows = await listUnits(context.db, organizationId, page);
  const result = pageOf(rows, page.limit, (row) => [row.name.toLowerCase(), row.id]);
  return { ...result, items: result.items.map(presentUnit) };
}

export async function readUsers(context: UseCaseContext, organizationId: string, page: PageRequest) {
  await authorizeFor(context, 'user.list', { organizationId }, 'user');
  const organization = await findOrganization(context.db, organizationId);
  if (!organization) throw new AppError('not_found', 'No organization with this id.');
  return context.db.tx(async (q) => {
    const rows = await listUsers(q, { organizationId, ...page });
    const result = pageOf(rows, page.limit, (row) => [row.display_name.toLowerCase(), row.id]);
    await audit(q, auditContextOf(context), {
      action: 'user.list',
      recordType: 'organization',
      recordId: organizationId,
      recordOrganizationId: organizationId,
      details: { count: result.items.length },
    });
    return { ...result, items: result.items.map(presentUser) };
  });
}

export async function readUser(context: UseCaseContext, userId: string) {
  const user = await findUser(context.db, userId);
  if (!user) throw new AppError('not_found', 'No user with this id.');
  await authorizeFor(context, 'user.read', { id: user.id, organizationId: user.organization_id }, 'user');
  await audit(context.db, auditContextOf(context), {
    action: 'user.read',
    recordType: 'user',
    recordId: user.id,
    recordOrganizationId: user.organization_id,
  });
  return presentUser(user);
}
