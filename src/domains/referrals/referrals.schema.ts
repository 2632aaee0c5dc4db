// Request and response schemas of referrals: making one (a draft, or sent), moving it on, the
// inbox and the outbox a page at a time, their counts, and an organisation's answer time. States,
// reasons and outcomes are codes; the web app words them.
import { z } from 'zod';
import { PageQuery, pageSchema } from '../../platform/http/pagination';
import { multiLineText, oneLineText } from '../../platform/http/text';
import { PersonSchema } from '../people';
import { MAX_ANSWER_DAYS, MIN_ANSWER_DAYS } from './business-days';
import { needOutcomes, referralReasonCodes, referralStatuses } from './referral-states';

export const Id = z.uuid('must be a UUID');

export const ReferralStatus = z.enum(referralStatuses);
export const ReferralReasonCode = z.enum(referralReasonCodes);
export const NeedOutcome = z.enum(needOutcomes);
export const referralPriorities = ['routine', 'urgent'] as const;
export const ReferralPriority = z.enum(referralPriorities);
export type ReferralPriority = z.infer<typeof ReferralPriority>;
export const ReferralBox = z.enum(['inbox', 'outbox']);
export type ReferralBox = z.infer<typeof ReferralBox>;
export const ReferralSide = z.enum(['sender', 'recipient']);
/**
 * Why the person's part of a referral is not shown to the organisation it was sent to: the
 * consent it went under was revoked, or has ended; or the sender marked the referral entered in
 * error (it should never have been sent, perhaps about the wrong person).
 */
export const personWithheldReasons = ['consent_revoked', 'consent_ended', 'entered_in_error'] as const;
export const PersonWithheld = z.enum(personWithheldReasons);
export type PersonWithheld = z.infer<typeof PersonWithheld>;

export const ReferralIdParams = z.strictObject({ referralId: Id });

// ----- requests -----

const emptyIsNull = (value: string) => (value === '' ? null : value);

export const CreateReferralBody = z.strictObject({
  personId: Id,
  /** The person's need it is for; none: a referral for no recorded need. */
  needId: Id.nullish(),
  /** The directory's service; the organisation that offers it receives the referral. */
  serviceId: Id,
  priority: ReferralPriority.default('routine'),
  /** The sender's words to the partner. */
  note: multiLineText().max(2000, 'must be at most 2000 characters').transform(emptyIsNull).nullish(),
  /** true: sent now (a live consent naming the partner is needed); false: kept as a draft. */
  send: z.boolean('must be true or false'),
});
export type CreateReferralBody = z.infer<typeof CreateReferralBody>;

export const ReferralOutcomeBody = z.strictObject({
  /** What was delivered, in the partner's words. */
  delivered: multiLineText().min(1, 'must say what was delivered').max(2000, 'must be at most 2000 characters'),
  needOutcome: NeedOutcome,
});

export const ReferralTransitionBody = z.strictObject({
  to: ReferralStatus,
  reasonCode: ReferralReasonCode.nullish(),
  reasonText: oneLineText().max(500, 'must be at most 500 characters').transform(emptyIsNull).nullish(),
  /** What a completion records. */
  outcome: ReferralOutcomeBody.nullish(),
});
export type ReferralTransitionBody = z.infer<typeof ReferralTransitionBody>;

/** One state, several (repeated or comma-separated). */
const StatusList = z
  .union([z.string(), z.array(z.string()).max(20)])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((part) => part.split(','))
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(ReferralStatus).max(20));

export const ReferralsQuery = PageQuery.extend({
  box: ReferralBox.default('inbox'),
  status: StatusList.optional(),
  /** The outbox of this person alone (a person the viewer may not see has none). */
  personId: Id.optional(),
  overdue: z
    .enum(['true', 'false'], 'must be true or false')
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
}).strict();
export type ReferralsQuery = z.infer<typeof ReferralsQuery>;

export const ReferralSettingsBody = z.strictObject({
  answerWithinBusinessDays: z
    .number('must be a whole number of business days')
    .int('must be a whole number of business days')
    .min(MIN_ANSWER_DAYS, `must be from ${MIN_ANSWER_DAYS} to ${MAX_ANSWER_DAYS} business days`)
    .max(MAX_ANSWER_DAYS, `must be from ${MIN_ANSWER_DAYS} to ${MAX_ANSWER_DAYS} business days`),
});
export type ReferralSettingsBody = z.infer<typeof ReferralSettingsBody>;

// ----- answers -----

const Named = z.object({ id: Id, name: z.string() });
const NamedUser = z.object({ userId: Id, name: z.string() });

export const ReferralReason = z.object({ code: ReferralReasonCode, text: z.string().nullable() }).meta({ id: 'ReferralReason' });
export const ReferralOutcome = z.object({ delivered: z.string(), needOutcome: NeedOutcome }).meta({ id: 'ReferralOutcome' });

/** The person's name on a list, where the viewer may see it. */
export const ReferralPersonName = z
  .object({ id: Id, givenName: z.string(), familyName: z.string(), usedName: z.string().nullable() })
  .meta({ id: 'ReferralPersonName' });

const sharedFields = {
  id: Id,
  status: ReferralStatus,
  priority: ReferralPriority,
  /** Why the person is not shown (null: shown). */
  personWithheld: PersonWithheld.nullable(),
  service: Named,
  sender: Named,
  recipient: Named,
  /** The need's domain, where the viewer sees needs. */
  needDomain: z.string().nullable(),
  sentAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Sent, not answered, and past the last day to answer. */
  overdue: z.boolean(),
  /** The last day to answer (the recipient's answer time after the day it was sent), while waiting for an answer. */
  answerDueOn: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const ReferralListItem = z
  .object({
    ...sharedFields,
    /** Null when the viewer may not see the person (see personWithheld). */
    person: ReferralPersonName.nullable(),
  })
  .meta({ id: 'ReferralListItem' });
export type ReferralListItem = z.infer<typeof ReferralListItem>;
export const ReferralPage = pageSchema(ReferralListItem).meta({ id: 'ReferralPage' });

export const ReferralEvent = z
  .object({
    id: z.number(),
    fromStatus: ReferralStatus.nullable(),
    toStatus: ReferralStatus,
    reason: ReferralReason.nullable(),
    actor: z
      .object({ userId: Id.nullable(), name: z.string().nullable(), organizationId: Id, organizationName: z.string() })
      .nullable(),
    at: z.string(),
  })
  .meta({ id: 'ReferralEvent' });

export const Referral = z
  .object({
    ...sharedFields,
    /** The person as the viewer may see them: the sender's staff by the access rule, the recipient's by the referral's consent. */
    person: PersonSchema.nullable(),
    /** The viewer's side of it (null: the operator). */
    viewerSide: ReferralSide.nullable(),
    /** The states this viewer may move it to now. */
    next: z.array(ReferralStatus),
    needId: Id.nullable(),
    /** The sender's words to the partner (null while the person is withheld). */
    note: z.string().nullable(),
    sentBy: NamedUser.nullable(),
    openedBy: NamedUser.nullable(),
    consentId: Id.nullable(),
    reason: ReferralReason.nullable(),
    outcome: ReferralOutcome.nullable(),
    events: z.array(ReferralEvent),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof Referral>;

const BoxCounts = z.object({
  /** Every referral of the box, by state. */
  byStatus: z.record(ReferralStatus, z.number()),
  /** Sent and not answered yet. */
  waiting: z.number(),
  overdue: z.number(),
  total: z.number(),
});
export const ReferralCounts = z.object({ inbox: BoxCounts, outbox: BoxCounts }).meta({ id: 'ReferralCounts' });
export type ReferralCounts = z.infer<typeof ReferralCounts>;

export const ReferralSettings = z
  .object({
    organizationId: Id,
    answerWithinBusinessDays: z.number(),
    /** The organisation has not set one: the default. */
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ReferralSettings' });
export type ReferralSettings = z.infer<typeof ReferralSettings>;

for (const [schema, id] of [
  [ReferralStatus, 'ReferralStatus'],
  [ReferralReasonCode, 'ReferralReasonCode'],
  [NeedOutcome, 'NeedOutcome'],
  [ReferralPriority, 'ReferralPriority'],
  [ReferralBox, 'ReferralBox'],
  [ReferralSide, 'ReferralSide'],
  [PersonWithheld, 'PersonWithheld'],
  [CreateReferralBody, 'CreateReferralBody'],
  [ReferralTransitionBody, 'ReferralTransitionBody'],
  [ReferralOutcomeBody, 'ReferralOutcomeBody'],
  [ReferralSettingsBody, 'ReferralSettingsBody'],
] as const) {
  z.globalRegistry.add(schema, { id });
}
