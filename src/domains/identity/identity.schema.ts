// Request and response schemas of the identity domain, with their inferred types side by side.
import { z } from 'zod';
import { roles } from '../../platform/auth/actor';
import { PageQuery, pageSchema } from '../../platform/http/pagination';
import { multiLineText, oneLineText } from '../../platform/http/text';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords';

export const organizationKinds = [
  'health_system',
  'primary_care_practice',
  'community_organization',
  'public_agency',
  'coalition_backbone',
  'payer',
] as const;
export const OrganizationKind = z.enum(organizationKinds);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const unitKinds = ['department', 'program', 'clinic', 'team'] as const;
export const UnitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof UnitKind>;

export const Role = z.enum(roles);

const Name = oneLineText().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const Description = multiLineText().max(4000, 'must be at most 4000 characters');
const Email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'))
  .transform((email) => email.toLowerCase());
const Website = z.url('must be a web address').max(500, 'must be at most 500 characters');
const Phone = oneLineText()
  .max(50, 'must be at most 50 characters')
  .regex(/^[0-9+() .-]*$/, 'may hold only digits, spaces and + ( ) . -');
const Password = z.string().max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
/** A password being set: its length is checked with the other fields, so a form hears of every mistake at once. */
const NewPassword = Password.min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
export const Id = z.uuid('must be a UUID');

export const SignInBody = z.strictObject({ email: Email, password: Password.min(1, 'must not be empty') });
export type SignInBody = z.infer<typeof SignInBody>;

export const CreateOrganizationBody = z.strictObject({
  name: Name,
  kind: OrganizationKind,
  description: Description.optional(),
  website: Website.nullish(),
  phone: Phone.nullish(),
});
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = CreateOrganizationBody.partial();
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

export const CreateUnitBody = z.strictObject({ name: Name, kind: UnitKind, description: Description.optional() });
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;
export const UpdateUnitBody = CreateUnitBody.partial();
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const CreateUserBody = z.strictObject({
  organizationId: Id,
  email: Email,
  displayName: Name,
  roles: z.array(Role).min(1, 'must hold at least one role').max(5),
  unitIds: z.array(Id).max(50).default([]),
  password: NewPassword,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.strictObject({
  displayName: Name.optional(),
  roles: z.array(Role).min(1, 'must hold at least one role').max(5).optional(),
  unitIds: z.array(Id).max(50).optional(),
  disabled: z.boolean().optional(),
  password: NewPassword.optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const CreateApiTokenBody = z.strictObject({ name: Name.max(100, 'must be at most 100 characters') });

export const ChangeOwnPasswordBody = z.strictObject({
  currentPassword: Password.min(1, 'must not be empty'),
  newPassword: NewPassword,
  /** Also revoke every API token the user made. */
  revokeApiTokens: z.boolean('must be true or false').default(false),
});
export type ChangeOwnPasswordBody = z.infer<typeof ChangeOwnPasswordBody>;

export const ListQuery = PageQuery.extend({ q: oneLineText().max(200).optional() }).strict();
/** A page of a list: how many, after which cursor, and the words its names hold. */
export type PageRequest = z.infer<typeof ListQuery>;

export const OrganizationIdParams = z.strictObject({ organizationId: Id });
export const UnitIdParams = z.strictObject({ unitId: Id });
export const UserIdParams = z.strictObject({ userId: Id });
export const TokenIdParams = z.strictObject({ tokenId: Id });

export const Organization = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrganizationKind,
  isHost: z.boolean(),
  description: z.string(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof Organization>;

export const Unit = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  kind: UnitKind,
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

export const User = z.object({
  id: z.string(),
  organizationId: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  unitIds: z.array(z.string()),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const Me = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    unitIds: z.array(z.string()),
  }),
  organization: z.object({ id: z.string(), name: z.string(), isHost: z.boolean() }),
  networkAdmin: z.boolean(),
  csrfToken: z.string().nullable(),
  demoMode: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
export const ApiTokenList = z.object({ items: z.array(ApiToken) });

export const distanceUnits = ['mi', 'km'] as const;
export const DistanceUnit = z.enum(distanceUnits);
export type DistanceUnit = z.infer<typeof DistanceUnit>;

/**
 * The network's settings every signed-in user's pages follow: the unit distances are shown in
 * (stored, or the usual one of the network's country), and the map tiles (null: no tile server,
 * the map shows its markers on a plain background).
 */
export const NetworkSettings = z.object({
  country: z.string(),
  distanceUnit: DistanceUnit,
  /** The unit of the network's country, which distanceUnit follows until a network admin chooses. */
  usualDistanceUnit: DistanceUnit,
  mapTiles: z.object({ urlTemplate: z.string(), attribution: z.string() }).nullable(),
});
export type NetworkSettings = z.infer<typeof NetworkSettings>;

/** `distanceUnit: null` goes back to the country's usual unit. */
export const UpdateNetworkSettingsBody = z.strictObject({
  distanceUnit: z.enum(distanceUnits, 'must be mi or km').nullable().optional(),
});
export type UpdateNetworkSettingsBody = z.infer<typeof UpdateNetworkSettingsBody>;

export const OrganizationPage = pageSchema(Organization);
export const UnitPage = pageSchema(Unit);
export const UserPage = pageSchema(User);

// Named in the OpenAPI document (components.schemas), so that the web app's types are generated
// from them (web/src/api/openapi.generated.ts) rather than copied by hand.
for (const [schema, id] of [
  [Role, 'Role'],
  [OrganizationKind, 'OrganizationKind'],
  [UnitKind, 'UnitKind'],
  [Organization, 'Organization'],
  [Unit, 'Unit'],
  [User, 'User'],
  [Me, 'Me'],
  [DistanceUnit, 'DistanceUnit'],
  [NetworkSettings, 'NetworkSettings'],
  [UpdateNetworkSettingsBody, 'UpdateNetworkSettingsBody'],
  [ApiToken, 'ApiToken'],
  [CreatedApiToken, 'CreatedApiToken'],
  [SignInBody, 'SignInBody'],
  [CreateOrganizationBody, 'CreateOrganizationBody'],
  [UpdateOrganizationBody, 'UpdateOrganizationBody'],
  [CreateUnitBody, 'CreateUnitBody'],
  [UpdateUnitBody, 'UpdateUnitBody'],
  [CreateUserBody, 'CreateUserBody'],
  [UpdateUserBody, 'UpdateUserBody'],
  [CreateApiTokenBody, 'CreateApiTokenBody'],
  [ChangeOwnPasswordBody, 'ChangeOwnPasswordBody'],
] as const) {
  z.globalRegistry.add(schema, { id });
}
