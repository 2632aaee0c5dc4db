// The states of a referral and the moves between them, after the SDOHCC Task for referral
// management (Gravity Project SDOH Clinical Care IG, its Task state diagram): pure, no I/O.
//
//   draft → requested (sent) → accepted | rejected
//   accepted → in_progress | on_hold | completed | failed
//   in_progress ⇄ on_hold, either → completed | failed
//   cancelled: by either side, from any state that has not ended
//   entered_in_error: by the sender, from any state (the IG's "any state": a correction of a
//   record that should never have existed, not a step of the work)
//
// rejected, cancelled, completed, failed and entered_in_error have ended: no step of the work
// leads out of them (a rejected referral is sent again as a new one). The API names the states in
// snake_case; `fhirTaskStatus` gives the FHIR Task.status code of each.

export const referralStatuses = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'in_progress',
  'on_hold',
  'completed',
  'failed',
  'cancelled',
  'entered_in_error',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Who moves a referral: the organisation that sent it, or the one it was sent to. */
export type ReferralSide = 'sender' | 'recipient';

/** The states a referral ends in. */
export const endedStatuses: readonly ReferralStatus[] = ['rejected', 'cancelled', 'completed', 'failed', 'entered_in_error'];

/** Why a referral was rejected, failed, cancelled, put on hold or entered in error. */
export const referralReasonCodes = ['not_eligible', 'no_capacity', 'could_not_reach', 'person_declined', 'other'] as const;
export type ReferralReasonCode = (typeof referralReasonCodes)[number];

/** Whether the need was met, as a completion records it. */
export const needOutcomes = ['met', 'partly_met', 'not_met'] as const;
export type NeedOutcome = (typeof needOutcomes)[number];

/** FHIR R4 Task.status of each state (SDOHCC-ValueSetReferralTaskStatus). */
export const fhirTaskStatus: Record<ReferralStatus, string> = {
  draft: 'draft',
  requested: 'requested',
  accepted: 'accepted',
  rejected: 'rejected',
  in_progress: 'in-progress',
  on_hold: 'on-hold',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  entered_in_error: 'entered-in-error',
};

/** The state of a FHIR Task.status code, or undefined for a code the workflow does not allow (ready, received). */
export function statusOfFhirTask(code: string): ReferralStatus | undefined {
  return referralStatuses.find((status) => fhirTaskStatus[status] === code);
}

const both: readonly ReferralSide[] = ['sender', 'recipient'];
const sender: readonly ReferralSide[] = ['sender'];
const recipient: readonly ReferralSide[] = ['recipient'];

/** Every move: from a state, to a state, by whom. A move not listed is not a move. */
const moves: Record<ReferralStatus, Partial<Record<ReferralStatus, readonly ReferralSide[]>>> = {
  draft: { requested: sender, cancelled: sender, entered_in_error: sender },
  requested: { accepted: recipient, rejected: recipient, cancelled: both, entered_in_error: sender },
  accepted: {
    in_progress: recipient,
    on_hold: recipient,
    completed: recipient,
    failed: recipient,
    cancelled: both,
    entered_in_error: sender,
  },
  in_progress: { on_hold: recipient, completed: recipient, failed: recipient, cancelled: both, entered_in_error: sender },
  on_hold: { in_progress: recipient, completed: recipient, failed: recipient, cancelled: both, entered_in_error: sender },
  rejected: { entered_in_error: sender },
  completed: { entered_in_error: sender },
  failed: { entered_in_error: sender },
  cancelled: { entered_in_error: sender },
  entered_in_error: {},
};

export function hasEnded(status: ReferralStatus): boolean {
  return endedStatuses.includes(status);
}

/** Whether anyone may move a referral from `from` to `to`. */
export function isMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return moves[from][to] !== undefined;
}

/** Whether `side` may move a referral from `from` to `to`. */
export function mayMove(from: ReferralStatus, to: ReferralStatus, side: ReferralSide): boolean {
  return moves[from][to]?.includes(side) ?? false;
}

/** The states a referral may go to next, by `side` (or by anyone), in the order of `referralStatuses`. */
export function nextStatuses(from: ReferralStatus, side?: ReferralSide): ReferralStatus[] {
  return referralStatuses.filter((to) => (side ? mayMove(from, to, side) : isMove(from, to)));
}

/** Whether a move to `to` takes a reason: it must (rejected, failed, cancelled), it may (on hold, entered in error), or it does not. */
export function reasonRule(to: ReferralStatus): 'required' | 'optional' | 'none' {
  if (to === 'rejected' || to === 'failed' || to === 'cancelled') return 'required';
  if (to === 'on_hold' || to === 'entered_in_error') return 'optional';
  return 'none';
}

/** A move to completed records its outcome; no other move takes one. */
export function takesOutcome(to: ReferralStatus): boolean {
  return to === 'completed';
}

/** The moments a move sets on the referral: sent (to requested), answered (accepted or rejected), ended. */
export function momentsOf(to: ReferralStatus): { sent: boolean; answered: boolean; ended: boolean } {
  return { sent: to === 'requested', answered: to === 'accepted' || to === 'rejected', ended: hasEnded(to) };
}

/** The first state of a new referral: a draft, or sent. */
export function firstStatus(send: boolean): 'draft' | 'requested' {
  return send ? 'requested' : 'draft';
}

/** Whether a list of states, in order, is a path the workflow allows from a new referral (as the events record it). */
export function isLegalPath(path: readonly ReferralStatus[]): boolean {
  const [first, ...rest] = path;
  if (first !== 'draft' && first !== 'requested') return false;
  let at: ReferralStatus = first;
  for (const next of rest) {
    if (!isMove(at, next)) return false;
    at = next;
  }
  return true;
}
