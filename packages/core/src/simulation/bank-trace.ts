import type { TraceCall } from './scenario.js';

/** A row of the Anonymous Bank CSV, keyed by its header (`vru+line`, `call_id`, …, `server`). */
export type BankCallRow = Readonly<Record<string, string>>;

/** A replayable bank call, with what was observed kept alongside for checks and staffing. */
export interface BankTraceCall extends TraceCall {
  callId: string;
  /** Bank call type: PS regular, PE regular in English, IN internet, NE stock, NW new customer, TT technical. */
  callType: string;
  outcome: 'served' | 'abandoned';
  /** Observed wait in queue (q_time), seconds. */
  observedWaitSec: number;
  /** Agent name (served calls). */
  agent?: string;
  /** When the agent answered, on the trace clock (served calls). */
  serviceStartSec?: number;
}

export interface BankTrace {
  /** Calls in arrival order; time 0 is midnight of `originDate`. */
  calls: BankTraceCall[];
  /** The earliest date in the rows (YYYY-MM-DD). */
  originDate: string;
  /** Rows left out, by reason. */
  skipped: { hungUpInVoiceMenu: number; phantom: number; malformed: number };
}

const SECONDS_PER_DAY = 86_400;
const NO_TIME = '0:00:00';

function secondsOfDay(clock: string | undefined): number {
  const parts = (clock ?? '').split(':');
  if (parts.length !== 3) return Number.NaN;
  const [h, m, s] = parts.map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
}

function dayNumber(date: string | undefined): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/**
 * Turns rows of the Technion "Anonymous Bank" call log (Brown, Gans, Mandelbaum, Sakov, Shen,
 * Zeltyn & Zhao, "Statistical analysis of a telephone call center", JASA 100(469), 2005; data
 * from the Technion SEE Center) into calls to replay with a `{ kind: 'trace' }` arrival spec.
 *
 * Choices (see docs/maths/simulation.md):
 * - A call arrives at the agent queue when it leaves the voice menu: `q_start`, or `vru_exit` for
 *   calls answered with no queueing (their `q_start` is `0:00:00`).
 * - Served (`AGENT`) calls keep their service time `ser_time`. Their patience is not observed (only
 *   that it exceeded their wait: right-censored), so it is left unset and drawn from the skill's
 *   patience distribution (`none` replays "they would have waited").
 * - Abandoned (`HANG`) calls that reached the queue get their observed wait `q_time` as patience
 *   (uncensored); their service time is unset and drawn from the skill's service distribution.
 * - `HANG` calls that never left the voice menu never reached an agent queue: skipped. `PHANTOM`
 *   calls (recording artefacts, per the data's documentation) are skipped.
 * - Priority is ignored: the replay is FCFS.
 *
 * @throws RangeError when no row has a `date` (YYYY-MM-DD), including no rows at all: the trace
 *   clock starts at midnight of the earliest date.
 * @example
 * bankTraceFromRows([{ call_id: '1', type: 'PS', date: '1999-08-01', vru_entry: '7:00:00',
 *   vru_exit: '7:00:10', q_start: '7:00:10', q_time: '30', outcome: 'AGENT', ser_start: '7:00:40',
 *   ser_time: '200', server: 'DORIT' }]).calls[0]
 * // { arrivalSec: 25210, serviceSec: 200, outcome: 'served', observedWaitSec: 30, … }
 */
export function bankTraceFromRows(rows: readonly BankCallRow[]): BankTrace {
  const skipped = { hungUpInVoiceMenu: 0, phantom: 0, malformed: 0 };
  let originDay = Number.POSITIVE_INFINITY;
  for (const row of rows) originDay = Math.min(originDay, dayNumber(row.date) || Number.POSITIVE_INFINITY);
  // Every call's time counts from the earliest date: without one there is no clock to replay on.
  if (!Number.isFinite(originDay))
    throw new RangeError(
      rows.length === 0
        ? 'bank trace: no rows'
        : `bank trace: none of the ${rows.length} rows has a date in YYYY-MM-DD form`,
    );
  const calls: BankTraceCall[] = [];
  for (const row of rows) {
    const outcome = row.outcome;
    if (outcome === 'PHANTOM') {
      skipped.phantom++;
      continue;
    }
    const queued = row.q_start !== undefined && row.q_start !== NO_TIME;
    if (outcome === 'HANG' && !queued) {
      skipped.hungUpInVoiceMenu++;
      continue;
    }
    const dayStart = (dayNumber(row.date) - originDay) * SECONDS_PER_DAY;
    const voiceMenuEntry = secondsOfDay(row.vru_entry);
    let queueEntry = secondsOfDay(queued ? row.q_start : row.vru_exit);
    // A call that entered the voice menu before midnight reaches the queue the next day.
    if (queueEntry < voiceMenuEntry) queueEntry += SECONDS_PER_DAY;
    const wait = Number(row.q_time);
    const arrivalSec = dayStart + queueEntry;
    if ((outcome !== 'AGENT' && outcome !== 'HANG') || !Number.isFinite(arrivalSec) || !(wait >= 0)) {
      skipped.malformed++;
      continue;
    }
    const common = { callId: row.call_id ?? '', callType: row.type ?? '', arrivalSec, observedWaitSec: wait };
    if (outcome === 'HANG') {
      calls.push({ ...common, outcome: 'abandoned', patienceSec: wait });
      continue;
    }
    const serviceSec = Number(row.ser_time);
    if (!(serviceSec >= 0)) {
      skipped.malformed++;
      continue;
    }
    let serviceStart = secondsOfDay(row.ser_start);
    if (serviceStart < voiceMenuEntry) serviceStart += SECONDS_PER_DAY;
    calls.push({
      ...common,
      outcome: 'served',
      serviceSec,
      agent: row.server ?? '',
      serviceStartSec: Number.isFinite(serviceStart) ? dayStart + serviceStart : arrivalSec + wait,
    });
  }
  calls.sort((a, b) => a.arrivalSec - b.arrivalSec);
  const originDate = new Date(originDay * 86_400_000).toISOString().slice(0, 10);
  return { calls, originDate, skipped };
}
