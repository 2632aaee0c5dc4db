// The shapes the Kith HTTP API sends and accepts (see src/domains/identity/identity.schema.ts and
// src/platform/audit/audit.routes.ts). Web pages talk to the server only through these.

export const roles = ['admin', 'program_manager', 'care_coordinator', 'partner_staff', 'leader'] as const;
export type Role = (typeof roles)[number];

export const organizationKinds = [
  'health_system',
  'primary_care_practice',
  'community_organization',
  'public_agency',
  'coalition_backbone',
  'payer',
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const unitKinds = ['department', 'program', 'clinic', 'team'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const auditOutcomes = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

export interface Me {
  user: { id: string; email: string; displayName: string; roles: Role[]; unitIds: string[] };
  organization: { id: string; name: string; isHost: boolean };
  networkAdmin: boolean;
  csrfToken: string | null;
  demoMode: boolean;
}

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  isHost: boolean;
  description: string;
  website: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateOrganizationBody {
  name: string;
  kind: OrganizationKind;
  description?: string;
  website?: string | null;
  phone?: string | null;
}

export interface Unit {
  id: string;
  organizationId: string;
  name: string;
  kind: UnitKind;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUnitBody {
  name: string;
  kind: UnitKind;
  description?: string;
}

export interface User {
  id: string;
  organizationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  unitIds: string[];
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface CreateUserBody {
  organizationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  unitIds: string[];
  password: string;
}

export interface UpdateUserBody {
  displayName?: string;
  roles?: Role[];
  unitIds?: string[];
  disabled?: boolean;
  password?: string;
}

export interface ChangeOwnPasswordBody {
  currentPassword: string;
  newPassword: string;
  /** Also revoke every API token of the user. */
  revokeApiTokens?: boolean;
}

/** An API token as listed: never its secret. */
export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the secret, to tell tokens apart (`kith_abcd`). */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to making a token: the only time its secret is sent. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorKind: 'user' | 'token' | 'system' | 'anonymous';
  actorUserId: string | null;
  actorName: string | null;
  actorOrganizationId: string | null;
  ip: string | null;
  action: string;
  outcome: AuditOutcome;
  recordType: string | null;
  recordId: string | null;
  recordOrganizationId: string | null;
  personId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilters {
  action?: string;
  outcome?: AuditOutcome;
  /** ISO 8601 date-times; `to` is exclusive. */
  from?: string;
  to?: string;
}

/** One field's problem, named by its path (`email`, `roles.0`, `query.to`). */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem+json, as every Kith error is sent. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}
