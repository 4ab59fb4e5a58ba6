import { zonedToUtc } from '../time/zoned-time.js';
import type { PhoneEvent } from './phone-call.js';

/** A row of the Technion "Anonymous Bank" call log, keyed by its header. */
export type BankRow = Readonly<Record<string, string | undefined>>;

const NO_TIME = '0:00:00';

function instant(date: string | undefined, clock: string | undefined, timeZone: string, notBefore: number) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  const t = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(clock ?? '');
  if (!d || !t) return null;
  let ms = zonedToUtc(
    {
      year: Number(d[1]),
      month: Number(d[2]),
      day: Number(d[3]),
      hour: Number(t[1]),
      minute: Number(t[2]),
      second: Number(t[3]),
    },
    timeZone,
  );
  // A call that entered the voice menu before midnight reaches later stages the next day.
  if (ms < notBefore) ms += 86_400_000;
  return new Date(ms);
}

/**
 * The phone events a telephony system would have sent for one bank call (Brown et al., "Statistical
 * analysis of a telephone call center", JASA 100(469), 2005; Technion SEE Center data), or null for
 * a call the phone channel never logs: `PHANTOM` rows (recording artefacts) and calls that hung up
 * in the voice menu before reaching the agent queue (as core/simulation/bank-trace.ts reads them).
 * queued at `q_start` (or `vru_exit` when the call met no queue), `answered` at `ser_start` with the
 * agent (`server`), `abandoned` at `q_exit` (`HANG`), `ended` at `ser_exit`; the system's own
 * measures `q_time` and `ser_time` ride along as queue and talk seconds. Times are the bank's wall
 * clock in `timeZone`.
 *
 * @example bankCallEvents({call_id:'1', date:'1999-08-02', vru_entry:'7:00:00', vru_exit:'7:00:10', q_start:'7:00:10', q_exit:'7:00:40', q_time:'30', outcome:'AGENT', ser_start:'7:00:40', ser_exit:'7:04:00', ser_time:'200', server:'DORIT'}, 'Asia/Jerusalem')
 * // [queued 04:00:10Z, answered 04:00:40Z (DORIT), ended 04:04:00Z] with queueSeconds 30, talkSeconds 200
 */
export function bankCallEvents(row: BankRow, timeZone: string): PhoneEvent[] | null {
  const outcome = row.outcome;
  if (outcome !== 'AGENT' && outcome !== 'HANG') return null;
  const queued = row.q_start !== undefined && row.q_start !== NO_TIME;
  if (outcome === 'HANG' && !queued) return null;
  const entry = instant(row.date, row.vru_entry, timeZone, Number.NEGATIVE_INFINITY);
  if (!entry) return null;
  const queuedAt = instant(row.date, queued ? row.q_start : row.vru_exit, timeZone, entry.getTime());
  const queueSeconds = Number(row.q_time);
  // `call_id` repeats across voice-menu lines; with the line it identifies one call in the month.
  const callId = row.call_id ? `${row['vru+line'] ? `${row['vru+line']}-` : ''}${row.call_id}` : '';
  if (!queuedAt || !(queueSeconds >= 0) || callId === '') return null;
  const queuedEvent: PhoneEvent = {
    callId,
    kind: 'queued',
    at: queuedAt,
    ...(row.customer_id ? { from: row.customer_id } : {}),
  };
  if (outcome === 'HANG') {
    const left = new Date(queuedAt.getTime() + queueSeconds * 1000);
    return [queuedEvent, { callId, kind: 'abandoned', at: left, queueSeconds }];
  }
  const talkSeconds = Number(row.ser_time);
  if (!(talkSeconds >= 0)) return null;
  const answeredAt =
    instant(row.date, row.ser_start, timeZone, entry.getTime()) ??
    new Date(queuedAt.getTime() + queueSeconds * 1000);
  const endedAt = new Date(answeredAt.getTime() + talkSeconds * 1000);
  return [
    queuedEvent,
    { callId, kind: 'answered', at: answeredAt, queueSeconds, ...(row.server ? { agent: row.server } : {}) },
    { callId, kind: 'ended', at: endedAt, talkSeconds, outcome: 'served' },
  ];
}
