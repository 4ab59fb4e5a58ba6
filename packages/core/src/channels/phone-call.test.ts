import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BankRow, bankCallEvents } from './bank-calls.js';
import { applyPhoneEvent, callKpiFacts, type PhoneCallState, type PhoneEvent } from './phone-call.js';

const fold = (events: readonly PhoneEvent[]) =>
  events.reduce<PhoneCallState | null>((s, e) => applyPhoneEvent(s, e), null)!;

/** A row of the bank's call log (Mandelbaum's Anonymous Bank, Israel): 2 August 1999 unless given, on its wall clock. */
const bankEvents = (row: Omit<BankRow, 'date'>) =>
  bankCallEvents({ date: '1999-08-02', ...row }, 'Asia/Jerusalem');

describe('phone calls', () => {
  const served = bankEvents({
    call_id: '1',
    vru_entry: '7:00:00',
    vru_exit: '7:00:10',
    q_start: '7:00:10',
    q_exit: '7:00:40',
    q_time: '30',
    outcome: 'AGENT',
    ser_start: '7:00:40',
    ser_exit: '7:04:00',
    ser_time: '200',
    server: 'DORIT',
  })!;
  /** Hung up in the queue after 45 s, the wait running past midnight. */
  const hungUp = {
    call_id: '2',
    vru_entry: '23:59:50',
    vru_exit: '23:59:58',
    q_start: '23:59:58',
    q_time: '45',
    outcome: 'HANG',
  };
  it('reads a served bank call as queued → answered → ended on the bank wall clock (Israel, UTC+3 in August)', () => {
    expect(served.map((e) => [e.kind, e.at.toISOString()])).toEqual([
      ['queued', '1999-08-02T04:00:10.000Z'],
      ['answered', '1999-08-02T04:00:40.000Z'],
      ['ended', '1999-08-02T04:04:00.000Z'],
    ]);
    expect(callKpiFacts(fold(served))).toEqual({ waitSeconds: 30, handleSeconds: 200, abandoned: false });
  });
  it('an abandoned call counts its wait and no handle time; voice-menu hang-ups and phantoms are not calls', () => {
    const events = bankEvents(hungUp)!;
    expect(callKpiFacts(fold(events))).toEqual({ waitSeconds: 45, handleSeconds: null, abandoned: true });
    expect(bankEvents({ ...hungUp, q_start: '0:00:00' })).toBeNull();
    expect(bankEvents({ ...hungUp, outcome: 'PHANTOM' })).toBeNull();
  });
  it('a waiting call has no outcome yet', () => {
    expect(callKpiFacts(fold(served.slice(0, 1))).abandoned).toBeNull();
  });
  it('folding a call’s events in any order, with repeats, gives the same state (at-least-once webhooks)', () => {
    const abandoned = bankEvents(hungUp)!;
    for (const events of [served, abandoned]) {
      fc.assert(
        fc.property(
          fc.array(fc.nat(events.length - 1), { maxLength: 4 }),
          fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
          (repeats, keys) => {
            const withRepeats = [...events, ...repeats.map((i) => events[i]!)];
            const order = withRepeats
              .map((e) => ({ e, k: keys.next().value as number }))
              .sort((a, b) => a.k - b.k);
            expect(fold(order.map((x) => x.e))).toEqual(fold(events));
          },
        ),
        { numRuns: 100 },
      );
    }
  });
});
