// Every pair of states, by each side: the table below is the SDOHCC Task state diagram written
// out by hand (S: the sender may, R: the recipient may, SR: both, -: nobody), and the module must
// say exactly what it says.
import { describe, expect, it } from 'vitest';
import {
  endedStatuses,
  fhirTaskStatus,
  firstStatus,
  hasEnded,
  isLegalPath,
  isMove,
  mayMove,
  momentsOf,
  nextStatuses,
  reasonRule,
  referralStatuses,
  statusOfFhirTask,
  takesOutcome,
  type ReferralStatus,
} from './referral-states';

// prettier-ignore
const table: Record<ReferralStatus, string> = {
  //                 draft req  acc  rej  prog hold done fail canc err
  draft:            '-    S    -    -    -    -    -    -    S    S',
  requested:        '-    -    R    R    -    -    -    -    SR   S',
  accepted:         '-    -    -    -    R    R    R    R    SR   S',
  rejected:         '-    -    -    -    -    -    -    -    -    S',
  in_progress:      '-    -    -    -    -    R    R    R    SR   S',
  on_hold:          '-    -    -    -    R    -    R    R    SR   S',
  completed:        '-    -    -    -    -    -    -    -    -    S',
  failed:           '-    -    -    -    -    -    -    -    -    S',
  cancelled:        '-    -    -    -    -    -    -    -    -    S',
  entered_in_error: '-    -    -    -    -    -    -    -    -    -',
};

const cell = (from: ReferralStatus, to: ReferralStatus) => table[from].trim().split(/\s+/)[referralStatuses.indexOf(to)]!;

describe('referral states', () => {
  it('has ten states, each with a row of ten cells in the table', () => {
    expect(referralStatuses).toHaveLength(10);
    for (const from of referralStatuses) expect(table[from].trim().split(/\s+/), from).toHaveLength(10);
  });

  for (const from of referralStatuses) {
    for (const to of referralStatuses) {
      const expected = cell(from, to);
      it(`${from} → ${to}: ${expected === '-' ? 'nobody' : expected === 'SR' ? 'either side' : expected === 'S' ? 'the sender' : 'the recipient'}`, () => {
        expect(isMove(from, to)).toBe(expected !== '-');
        expect(mayMove(from, to, 'sender')).toBe(expected.includes('S'));
        expect(mayMove(from, to, 'recipient')).toBe(expected.includes('R'));
      });
    }
  }

  it('lists the next states of each state, by each side, in order', () => {
    expect(nextStatuses('draft')).toEqual(['requested', 'cancelled', 'entered_in_error']);
    expect(nextStatuses('requested', 'recipient')).toEqual(['accepted', 'rejected', 'cancelled']);
    expect(nextStatuses('requested', 'sender')).toEqual(['cancelled', 'entered_in_error']);
    expect(nextStatuses('accepted', 'recipient')).toEqual(['in_progress', 'on_hold', 'completed', 'failed', 'cancelled']);
    expect(nextStatuses('on_hold', 'recipient')).toEqual(['in_progress', 'completed', 'failed', 'cancelled']);
    expect(nextStatuses('completed', 'recipient')).toEqual([]);
    expect(nextStatuses('completed', 'sender')).toEqual(['entered_in_error']);
    expect(nextStatuses('entered_in_error')).toEqual([]);
    for (const from of referralStatuses)
      expect(nextStatuses(from).sort()).toEqual(referralStatuses.filter((to) => cell(from, to) !== '-').sort());
  });

  it('ends in rejected, cancelled, completed, failed and entered in error, and no step of the work leads out of them', () => {
    expect([...endedStatuses].sort()).toEqual(['cancelled', 'completed', 'entered_in_error', 'failed', 'rejected']);
    for (const status of referralStatuses) {
      expect(hasEnded(status), status).toBe(endedStatuses.includes(status));
      if (hasEnded(status))
        expect(
          nextStatuses(status).filter((to) => to !== 'entered_in_error'),
          status,
        ).toEqual([]);
    }
    // Nothing leads back to a draft, and only the sender's sending leads to requested.
    for (const from of referralStatuses) {
      expect(isMove(from, 'draft')).toBe(false);
      expect(isMove(from, 'requested')).toBe(from === 'draft');
    }
  });

  it('asks a reason of rejected, failed and cancelled, takes one on hold or entered in error, and none otherwise', () => {
    const rules = Object.fromEntries(referralStatuses.map((status) => [status, reasonRule(status)]));
    expect(rules).toEqual({
      draft: 'none',
      requested: 'none',
      accepted: 'none',
      rejected: 'required',
      in_progress: 'none',
      on_hold: 'optional',
      completed: 'none',
      failed: 'required',
      cancelled: 'required',
      entered_in_error: 'optional',
    });
    expect(referralStatuses.filter(takesOutcome)).toEqual(['completed']);
  });

  it('sets the moments of a move: sent, answered, ended', () => {
    expect(momentsOf('requested')).toEqual({ sent: true, answered: false, ended: false });
    expect(momentsOf('accepted')).toEqual({ sent: false, answered: true, ended: false });
    expect(momentsOf('rejected')).toEqual({ sent: false, answered: true, ended: true });
    expect(momentsOf('in_progress')).toEqual({ sent: false, answered: false, ended: false });
    expect(momentsOf('failed')).toEqual({ sent: false, answered: false, ended: true });
    expect(firstStatus(true)).toBe('requested');
    expect(firstStatus(false)).toBe('draft');
  });

  it('names each state by its FHIR Task status code, and reads them back', () => {
    expect(fhirTaskStatus.in_progress).toBe('in-progress');
    expect(fhirTaskStatus.on_hold).toBe('on-hold');
    expect(fhirTaskStatus.entered_in_error).toBe('entered-in-error');
    for (const status of referralStatuses) {
      expect(fhirTaskStatus[status]).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(statusOfFhirTask(fhirTaskStatus[status])).toBe(status);
    }
    expect(statusOfFhirTask('received')).toBeUndefined();
    expect(statusOfFhirTask('ready')).toBeUndefined();
  });

  it('tells a legal path from an illegal one', () => {
    expect(isLegalPath(['requested', 'accepted', 'in_progress', 'on_hold', 'in_progress', 'completed'])).toBe(true);
    expect(isLegalPath(['draft', 'requested', 'rejected'])).toBe(true);
    expect(isLegalPath(['draft', 'cancelled', 'entered_in_error'])).toBe(true);
    expect(isLegalPath(['accepted'])).toBe(false);
    expect(isLegalPath(['requested', 'in_progress'])).toBe(false);
    expect(isLegalPath(['requested', 'rejected', 'accepted'])).toBe(false);
    expect(isLegalPath([])).toBe(false);
  });
});
