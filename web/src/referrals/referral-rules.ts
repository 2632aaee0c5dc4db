// What the referral pages decide for themselves: the moves a side may make from a state (the API
// sends a referral's own `next`; a list item has none, so the state diagram below, the server's
// referral-states.ts, says what a row of the inbox may do), which moves take a reason or an
// outcome, the colour of a state, and what a refused request says (the consent missing, or
// someone else's change).
import { ApiError } from '../api/client';
import type { ConsentCategory, Referral, ReferralListItem, ReferralStatus } from '../api/types';
import { referralStatuses } from '../api/types';

export type ReferralSide = 'sender' | 'recipient';

const both: readonly ReferralSide[] = ['sender', 'recipient'];
const sender: readonly ReferralSide[] = ['sender'];
const recipient: readonly ReferralSide[] = ['recipient'];

/** Every move: from a state, to a state, by whom (after the SDOHCC Task state diagram, as the server has it). */
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

/** The states `side` may move a referral to from `from`, in the diagram's order. */
export function nextStatuses(from: ReferralStatus, side: ReferralSide): ReferralStatus[] {
  return referralStatuses.filter((to) => moves[from][to]?.includes(side) ?? false);
}

/** The moves a referral's page offers: the API's own list for this viewer, in the order they are offered. */
export function movesOffered(referral: Pick<Referral, 'status' | 'next' | 'viewerSide'>): ReferralStatus[] {
  const next = referral.viewerSide ? referral.next : [];
  return moveOrder.filter((to) => next.includes(to));
}

/** The order of the buttons: the work's next step first, the corrections last. */
export const moveOrder: readonly ReferralStatus[] = [
  'requested',
  'accepted',
  'in_progress',
  'completed',
  'on_hold',
  'rejected',
  'failed',
  'cancelled',
  'entered_in_error',
];

/** The moves a row of the inbox offers at once: accept and decline, while it waits for an answer. */
export function inboxRowMoves(item: Pick<ReferralListItem, 'status'>): ReferralStatus[] {
  return nextStatuses(item.status, 'recipient').filter((to) => to === 'accepted' || to === 'rejected');
}

/** Whether a move takes a reason: it must (declined, failed, cancelled), it may (on hold, made by mistake), or not. */
export function reasonRule(to: ReferralStatus): 'required' | 'optional' | 'none' {
  if (to === 'rejected' || to === 'failed' || to === 'cancelled') return 'required';
  if (to === 'on_hold' || to === 'entered_in_error') return 'optional';
  return 'none';
}

/** A completion says what was delivered and whether the need was met. */
export function takesOutcome(to: ReferralStatus): boolean {
  return to === 'completed';
}

/** A move made in one click, with nothing to ask first. */
export function isOneClick(to: ReferralStatus): boolean {
  return reasonRule(to) === 'none' && !takesOutcome(to);
}

/** A move that ends or undoes the work: its button is red. */
export function isDestructive(to: ReferralStatus): boolean {
  return to === 'rejected' || to === 'failed' || to === 'cancelled' || to === 'entered_in_error';
}

export const statusColor: Record<ReferralStatus, string> = {
  draft: 'gray',
  requested: 'blue',
  accepted: 'teal',
  rejected: 'red',
  in_progress: 'teal',
  on_hold: 'orange',
  completed: 'teal',
  failed: 'red',
  cancelled: 'gray',
  entered_in_error: 'gray',
};

/** The states the inbox and outbox filter offers, grouped as the work goes. */
export const stateFilters = {
  waiting: ['requested'],
  working: ['accepted', 'in_progress', 'on_hold'],
  ended: ['completed', 'rejected', 'failed', 'cancelled', 'entered_in_error'],
  drafts: ['draft'],
} as const satisfies Record<string, readonly ReferralStatus[]>;
export type StateFilter = keyof typeof stateFilters | 'all';

/** The consent a 422 says is missing before a referral can be sent. */
export interface MissingConsent {
  personId: string;
  granteeOrganizationId: string;
  granteeName: string;
  purpose: 'referral';
  categories: ConsentCategory[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function missingConsentOf(error: unknown): MissingConsent | null {
  if (!(error instanceof ApiError) || error.status !== 422 || error.problem.code !== 'consent_required') return null;
  const missing = error.problem.data?.missingConsent;
  if (!isRecord(missing)) return null;
  const { personId, granteeOrganizationId, granteeName, categories } = missing;
  if (typeof personId !== 'string' || typeof granteeOrganizationId !== 'string') return null;
  return {
    personId,
    granteeOrganizationId,
    granteeName: typeof granteeName === 'string' ? granteeName : '',
    purpose: 'referral',
    categories: Array.isArray(categories) ? categories.filter((c): c is ConsentCategory => typeof c === 'string') : [],
  };
}

/** The referral as it is now, when a move was refused because someone else changed it first (412). */
export function staleReferralOf(error: unknown): Referral | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = error.problem.data?.current;
  return isRecord(current) && typeof current.id === 'string' ? (current as unknown as Referral) : null;
}

/** The categories a referral consent names when recorded on the spot: contact and needs, and what the 422 asks for. */
export function consentCategoriesFor(missing: MissingConsent): ConsentCategory[] {
  return [...new Set<ConsentCategory>(['contact', 'needs', ...missing.categories])];
}

/** Whole days since an ISO moment (0 on the day itself). */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

/** The great-circle distance between two points, in km (the person's ZIP centre to a service's place). */
export function distanceKm(from: { latitude: number; longitude: number }, to: { latitude: number; longitude: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The nearest of a service's places that has a point, and how far it is; null when either side has no point. */
export function nearestPlace<Place extends { latitude: number | null; longitude: number | null }>(
  from: { latitude: number; longitude: number } | null | undefined,
  places: readonly Place[],
): { place: Place; km: number } | null {
  if (!from) return null;
  let best: { place: Place; km: number } | null = null;
  for (const place of places) {
    if (place.latitude === null || place.longitude === null) continue;
    const km = distanceKm(from, { latitude: place.latitude, longitude: place.longitude });
    if (!best || km < best.km) best = { place, km };
  }
  return best;
}

/** A new Idempotency-Key: a random UUID (also where crypto.randomUUID is missing, outside a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
