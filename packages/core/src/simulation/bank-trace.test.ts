import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type BankCallRow, bankTraceFromRows } from './bank-trace.js';
import { simulate } from './simulate.js';

const BANK_CSV = new URL(
  '../../../../../shared/data/call-center/anonymous_bank_1999-08_calls.csv',
  import.meta.url,
);

function row(fields: Partial<Record<string, string>>): BankCallRow {
  const base = { call_id: '1', type: 'PS', date: '1999-08-01', vru_entry: '10:00:00', vru_exit: '10:00:10' };
  const noQueue = {
    q_start: '0:00:00',
    q_time: '0',
    ser_start: '0:00:00',
    ser_time: '0',
    server: 'NO_SERVER',
  };
  return { ...base, ...noQueue, ...fields } as BankCallRow;
}

describe('bankTraceFromRows', () => {
  it('maps served, abandoned, voice-menu and phantom calls as documented', () => {
    const trace = bankTraceFromRows([
      row({
        call_id: 'served',
        q_start: '10:00:10',
        q_time: '30',
        outcome: 'AGENT',
        ser_start: '10:00:40',
        ser_time: '200',
        server: 'DORIT',
      }),
      row({ call_id: 'direct', outcome: 'AGENT', ser_start: '10:00:10', ser_time: '90', server: 'AVI' }),
      row({ call_id: 'abandoned', date: '1999-08-02', q_start: '10:00:10', q_time: '45', outcome: 'HANG' }),
      row({ call_id: 'menu-only', outcome: 'HANG' }),
      row({ call_id: 'phantom', q_start: '10:00:10', q_time: '5', outcome: 'PHANTOM' }),
    ]);
    expect(trace.originDate).toBe('1999-08-01');
    expect(trace.skipped).toEqual({ hungUpInVoiceMenu: 1, phantom: 1, malformed: 0 });
    const [served, direct, abandoned] = trace.calls;
    // 10:00:10 = 36,010 s after midnight of the first day.
    expect(served).toMatchObject({
      arrivalSec: 36_010,
      serviceSec: 200,
      outcome: 'served',
      agent: 'DORIT',
      serviceStartSec: 36_040,
    });
    expect(served!.patienceSec).toBeUndefined(); // right-censored: only known to exceed 30 s
    expect(direct).toMatchObject({ arrivalSec: 36_010, serviceSec: 90, observedWaitSec: 0 });
    expect(abandoned).toMatchObject({ arrivalSec: 86_400 + 36_010, patienceSec: 45, outcome: 'abandoned' });
    expect(abandoned!.serviceSec).toBeUndefined();
  });

  it('refuses rows without a date, naming why, instead of failing on an invalid time', () => {
    expect(() => bankTraceFromRows([])).toThrow('bank trace: no rows');
    expect(() => bankTraceFromRows([row({ date: '1999/08/01', outcome: 'AGENT' })])).toThrow(
      'bank trace: none of the 1 rows has a date in YYYY-MM-DD form',
    );
  });

  it('puts a call that reaches the queue after midnight on the next day', () => {
    const trace = bankTraceFromRows([
      row({ vru_entry: '23:59:50', vru_exit: '0:00:05', q_start: '0:00:05', q_time: '10', outcome: 'HANG' }),
    ]);
    expect(trace.calls[0]!.arrivalSec).toBe(86_400 + 5);
  });
});

describe('replaying the Anonymous Bank, August 1999 (Brown et al., JASA 2005)', () => {
  // Vitest runs a describe's body while collecting even when the suite is skipped, so nothing
  // below may run without the file.
  if (!existsSync(BANK_CSV)) {
    it.skip(`../shared not found: skipping (needs ${fileURLToPath(BANK_CSV)})`, () => {});
    return;
  }
  const [header = '', ...lines] = readFileSync(BANK_CSV, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  const rows: BankCallRow[] = lines.map((line) =>
    Object.fromEntries(line.split(',').map((v, i) => [names[i], v])),
  );

  // Observed figures straight from the raw columns, independently of bankTraceFromRows: calls that
  // reached the agent queue are the AGENT rows plus the HANG rows with a queue start; ASA is the
  // mean q_time of the AGENT rows.
  const servedRows = rows.filter((r) => r.outcome === 'AGENT');
  const abandonedRows = rows.filter((r) => r.outcome === 'HANG' && r.q_start !== '0:00:00');
  const observedAbandonRate = abandonedRows.length / (servedRows.length + abandonedRows.length);
  const observedAsaSec = servedRows.reduce((sum, r) => sum + Number(r.q_time), 0) / servedRows.length;

  // Staffing from the data, per hour (day index × 24 + hour of ser_start): an upper bound on
  // capacity, the distinct agents who answered a call that hour; a lower bound, the agent-hours
  // spent serving (⌈busy seconds / 3600⌉), since nobody can serve without being there.
  const hours = 32 * 24; // August, plus the night of 31 August that ends in September
  const distinctAgents = Array.from({ length: hours }, () => new Set<string>());
  const busySec = new Float64Array(hours);
  for (const r of servedRows) {
    const [h = 0, m = 0, s = 0] = (r.ser_start ?? '').split(':').map(Number);
    const start = (Number((r.date ?? '').slice(8, 10)) - 1) * 86_400 + h * 3600 + m * 60 + s;
    distinctAgents[Math.floor(start / 3600)]?.add(r.server ?? '');
    busySec[Math.floor(start / 3600)]! += Number(r.ser_time);
  }
  const upperBoundStaffing = distinctAgents.map((agents) => agents.size);
  const lowerBoundStaffing = Array.from(busySec, (busy) => Math.ceil(busy / 3600));

  const trace = bankTraceFromRows(rows);
  const replay = (agentsPerInterval: number[]) =>
    simulate({
      seed: 1999,
      intervals: { lengthSec: 3600, count: hours },
      serviceLevelThresholdSec: 30,
      skills: [
        {
          id: 'bank',
          arrivals: { kind: 'trace', calls: trace.calls },
          // Abandoned calls were never served: their service time is drawn from the served ones.
          service: { kind: 'empirical', valuesSec: servedRows.map((r) => Number(r.ser_time)) },
          // Served calls' patience is censored; replay them as willing to wait.
          patience: { kind: 'none' },
        },
      ],
      groups: [{ id: 'bank', skills: ['bank'], agentsPerInterval }],
    }).total;

  let upperBoundReplay: ReturnType<typeof replay> | undefined;
  const replayWithUpperBound = () => {
    upperBoundReplay ??= replay(upperBoundStaffing);
    return upperBoundReplay;
  };

  it('replays every call that reached the agent queue', () => {
    expect(observedAbandonRate).toBeCloseTo(0.1888, 4); // 7,309 of 38,711
    const total = replayWithUpperBound();
    expect(total.offered.mean).toBe(servedRows.length + abandonedRows.length);
    expect(total.stillWaiting.mean).toBe(0);
  });

  it('with the most agents the data allows, waits less than observed but within a factor of 4', () => {
    // The real center also ran priority queues and agents had work besides calls, so the same
    // names answered fewer calls than a fully available team would.
    const total = replayWithUpperBound();
    expect(total.abandonRate.mean!).toBeLessThanOrEqual(observedAbandonRate);
    expect(total.abandonRate.mean!).toBeGreaterThanOrEqual(observedAbandonRate / 4);
    expect(total.asaSec.mean!).toBeLessThanOrEqual(observedAsaSec);
    expect(total.asaSec.mean!).toBeGreaterThanOrEqual(observedAsaSec / 4);
  });

  it('with the fewest agents the data allows, waits longer than observed and abandons comparably', () => {
    const total = replay(lowerBoundStaffing);
    expect(total.asaSec.mean!).toBeGreaterThanOrEqual(observedAsaSec);
    expect(total.abandonRate.mean!).toBeGreaterThanOrEqual(observedAbandonRate / 2);
    expect(total.abandonRate.mean!).toBeLessThanOrEqual(observedAbandonRate * 2);
    // Occupancy is high but below 1: the busy time fits in the derived staffing.
    expect(total.occupancy[0]!.mean!).toBeLessThan(1);
  });
});
