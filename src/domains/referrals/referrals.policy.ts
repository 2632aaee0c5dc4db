// Who may do what with referrals. A referral is between two organisations: the one that sent it
// (which holds the person) and the one it was sent to (which offers the service). Anyone else
// does not see it at all (404, audited). The sender's staff who change the holder's records make
// and send referrals, cancel them and mark them entered in error; the recipient's staff (partner
// staff too) answer them and record the work; leaders of either only read. Which move each side
// may make from which state is the state diagram's (referral-states.ts): the rule asks it.
import { hasRole, type Actor } from '../../platform/auth/actor';
import { registerRules, type Guarded } from '../../platform/policy/policy';
import { writesForHolder, type GuardedPerson } from '../people';
import { mayMove, type ReferralSide, type ReferralStatus } from './referral-states';

/** A referral as the policy judges it: the actor's side of it, and whether it has been sent. */
export interface GuardedReferral extends Guarded {
  id: string;
  /** The recipient when the actor is of it, else the sender (a third organisation is foreign to both). */
  organizationId: string;
  side: ReferralSide | null;
  sent: boolean;
  /** For a move: from which state to which. */
  from?: ReferralStatus;
  to?: ReferralStatus;
}

declare module '../../platform/policy/policy' {
  interface PolicyActions {
    /** A referral made for a person the actor's organisation holds (a draft, or sent). */
    'referral.create': GuardedPerson;
    /** One referral: the sender's staff, and the recipient's once it is sent. */
    'referral.read': GuardedReferral;
    /** A move of a referral from one state to another. */
    'referral.transition': GuardedReferral;
    /** The inbox and the outbox, and their counts: filtered in SQL to the actor's organisation. */
    'referral.list': Guarded;
    'referral.count': Guarded;
    /** An organisation's answer time: its admins. */
    'referral_settings.read': Guarded;
    'referral_settings.update': Guarded;
  }
}

const reads = (_actor: Actor, referral: GuardedReferral) =>
  referral.side === 'sender' || (referral.side === 'recipient' && referral.sent);
/** Who of each side moves referrals: the sender's writers, the recipient's staff; leaders only read. */
const movesFor = (actor: Actor, side: ReferralSide) =>
  side === 'sender'
    ? hasRole(actor, 'admin', 'program_manager', 'care_coordinator')
    : hasRole(actor, 'admin', 'program_manager', 'care_coordinator', 'partner_staff');
const ownAdmin = (actor: Actor, record: Guarded) => record.organizationId === actor.organizationId && hasRole(actor, 'admin');

registerRules({
  'referral.create': (actor, person) => person.visible && writesForHolder(actor, person.organizationId),
  'referral.read': reads,
  'referral.transition': (actor, referral) =>
    reads(actor, referral) &&
    referral.side !== null &&
    movesFor(actor, referral.side) &&
    (referral.from === undefined || referral.to === undefined || mayMove(referral.from, referral.to, referral.side)),
  'referral.list': () => true,
  'referral.count': () => true,
  'referral_settings.read': ownAdmin,
  'referral_settings.update': ownAdmin,
});
