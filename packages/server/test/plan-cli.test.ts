import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requiredAgents } from '@shoreline/core/staffing/index';
import { afterAll, describe, expect, it } from 'vitest';
import { StaffInputError } from '../src/modules/plan/cli/staff-csv.js';
import { runStaff } from '../src/modules/plan/cli/staff-run.js';
import { runSimulate, ScenarioFileError } from '../src/modules/plan/cli/staff-simulate.js';

// `shoreline staff` and `shoreline simulate`, called through their command modules in-process.

const YEAR_CSV = new URL('../../../../shared/reference/staffing/intervals_year.csv', import.meta.url);
const EXAMPLE = fileURLToPath(new URL('../../../examples/plan/multi-skill-overflow.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'shoreline-staff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'interval_start,volume,aht_sec,interval_min,target_answer_sec,sl_target,shrinkage,max_occupancy';

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function readRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

async function staffError(input: string, output?: string): Promise<StaffInputError> {
  try {
    await runStaff({ input, output, progress: false });
  } catch (err) {
    if (err instanceof StaffInputError) return err;
    throw err;
  }
  throw new Error('expected a StaffInputError');
}

describe('shoreline staff', () => {
  it.skipIf(!existsSync(YEAR_CSV))('plans intervals_year.csv row for row like requiredAgents', async () => {
    const output = join(dir, 'year.csv');
    const { totals } = await runStaff({ input: fileURLToPath(YEAR_CSV), output, progress: false });
    const input = readRows(fileURLToPath(YEAR_CSV));
    const rows = readRows(output);
    expect(rows).toHaveLength(35_040);
    expect(rows).toHaveLength(input.length);
    // Every 97th row, and the busiest, against an independent requiredAgents call.
    const busiest = input.reduce(
      (best, r, i) => (Number(r.volume) > Number(input[best]!.volume) ? i : best),
      0,
    );
    const sample = [...Array.from({ length: 362 }, (_, k) => k * 97), busiest];
    for (const i of sample) {
      const r = input[i]!;
      const core = requiredAgents({
        volume: Number(r.volume),
        intervalSec: Number(r.interval_min) * 60,
        ahtSec: Number(r.aht_sec),
        targets: {
          serviceLevel: { fraction: Number(r.sl_target), withinSec: Number(r.target_answer_sec) },
          maxOccupancy: Number(r.max_occupancy),
        },
        shrinkage: Number(r.shrinkage),
      });
      const out = rows[i]!;
      expect(out.interval_start).toBe(r.interval_start);
      expect(Number(out.raw_positions), r.interval_start).toBe(core.rawAgents);
      expect(Number(out.positions), r.interval_start).toBe(core.scheduledAgents);
      expect(Number(out.service_level)).toBeCloseTo(core.performance.serviceLevel, 5);
      expect(Number(out.occupancy)).toBeCloseTo(core.performance.occupancy, 5);
    }
    // Totals are the sums of the rows.
    const sum = (column: string) => rows.reduce((s, r) => s + Number(r[column]), 0);
    expect(totals.intervals).toBe(35_040);
    expect(totals.scheduledAgentHours).toBe(sum('positions') / 4);
    expect(totals.rawAgentHours).toBe(sum('raw_positions') / 4);
    expect(totals.volume).toBe(sum('volume'));
    expect(totals.spanHours).toBe(8760);
    expect(totals.fte).toBeCloseTo(totals.scheduledAgentHours / ((40 * 8760) / 168), 9);
  });

  it.runIf(!existsSync(YEAR_CSV))('../shared not found: skipping', () => {});

  it('volume 0 needs 0 positions, t = 0 is valid, optional columns apply per row', async () => {
    const input = csv('edge.csv', [
      `${HEADER},patience_sec,asa_target_sec,max_abandon,min_agents,weekday`,
      '2025-01-06T09:00,0,300,15,20,0.8,0.3,0.85,,,,,Mon',
      '2025-01-06T09:15,50,300,15,0,0.5,0.3,0.85,,,,,Mon',
      '2025-01-06T09:30,0,300,15,20,0.8,0.3,0.85,,,,2,Mon',
      '2025-01-06T09:45,60,300,15,20,0.8,0,1,240,,0.05,,Mon',
      '"2025-01-06T10:00",60,300,15,20,0.8,0.3,0.85,,30,,,"Mon"',
    ]);
    const output = join(dir, 'edge-out.csv');
    await runStaff({ input, output, progress: false });
    const rows = readRows(output);
    expect(rows[0]).toMatchObject({ raw_positions: '0', positions: '0', service_level: '1' });
    const zeroT = requiredAgents({
      volume: 50,
      intervalSec: 900,
      ahtSec: 300,
      targets: { serviceLevel: { fraction: 0.5, withinSec: 0 }, maxOccupancy: 0.85 },
    });
    expect(Number(rows[1]!.raw_positions)).toBe(zeroT.rawAgents);
    expect(rows[2]).toMatchObject({ raw_positions: '2', positions: '3' });
    const erlangA = requiredAgents({
      volume: 60,
      intervalSec: 900,
      ahtSec: 300,
      patienceSec: 240,
      targets: { serviceLevel: { fraction: 0.8, withinSec: 20 }, maxOccupancy: 1, maxAbandonRate: 0.05 },
    });
    expect(Number(rows[3]!.raw_positions)).toBe(erlangA.rawAgents);
    expect(rows[4]!.interval_start).toBe('2025-01-06T10:00');
    expect(Number(rows[4]!.asa_sec)).toBeLessThanOrEqual(30);
  });

  it('bad rows abort, naming line, column and reason, and leave no output file', async () => {
    const input = csv('bad.csv', [
      HEADER,
      '2025-01-06T09:00,10,300,15,20,0.8,0.3,0.85',
      '2025-01-06T09:15,ten,300,15,20,0.8,0.3,0.85',
      '2025-01-06T09:30,10,300,45,20,0.8,0.3,0.85',
      '2025-01-06T09:45,10,300,15,20,80,0.3,0.85',
      '2025-01-06 10:00,10,-1,15,20,0.8,0.3,0.85',
      '2025-01-06T10:15,10,300,15,20,0.8,0.3',
    ]);
    const output = join(dir, 'bad-out.csv');
    const err = await staffError(input, output);
    expect(err.errors).toEqual([
      { line: 3, column: 'volume', reason: 'must be a number ≥ 0, got "ten"' },
      { line: 4, column: 'interval_min', reason: 'must be 15, 30 or 60, got "45"' },
      expect.objectContaining({ line: 5, column: 'sl_target' }),
      expect.objectContaining({ line: 6, column: 'aht_sec' }),
      { line: 7, column: 'max_occupancy', reason: 'is missing' },
    ]);
    expect(err.errors[2]!.reason).toMatch(/a fraction: 0\.8 means 80 %/);
    expect(readdirSync(dir).filter((f) => f.startsWith('bad-out'))).toEqual([]);
  });

  it('stops after --max-errors problems', async () => {
    const lines = [
      HEADER,
      ...Array.from({ length: 50 }, (_, i) => `2025-01-06T09:00,${-i - 1},300,15,20,0.8,0.3,0.85`),
    ];
    try {
      await runStaff({
        input: csv('many.csv', lines),
        output: join(dir, 'many-out.csv'),
        maxErrors: 5,
        progress: false,
      });
      expect.unreachable();
    } catch (err) {
      expect((err as StaffInputError).errors).toHaveLength(5);
      expect((err as StaffInputError).truncated).toBe(true);
    }
  });

  it('names missing header columns', async () => {
    const err = await staffError(
      csv('header.csv', ['interval_start,volume,aht_sec', '2025-01-06T09:00,1,1']),
    );
    expect(err.errors[0]).toMatchObject({ line: 1, column: expect.stringContaining('interval_min') });
  });
});

describe('shoreline simulate', () => {
  it('runs the 3-provider overflow example and writes JSON', async () => {
    const output = join(dir, 'sim.json');
    const result = await runSimulate(EXAMPLE, { output, replications: 3, table: false, progress: false });
    expect(result.replications).toBe(3);
    expect(result.groups.map((g) => g.id)).toEqual(['in-house', 'nearshore', 'offshore']);
    const written = JSON.parse(readFileSync(output, 'utf8')) as { intervals: unknown[] };
    expect(written.intervals).toHaveLength(result.intervals.length);
    expect(result.total.serviceLevel.halfWidth95).not.toBeNull();
  });

  it('lists scenario problems by field path', async () => {
    const path = join(dir, 'bad-scenario.json');
    const scenario = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { skills: { service: unknown }[] };
    scenario.skills[1]!.service = { kind: 'lognormal', meanSec: 0, sdSec: 10 };
    writeFileSync(path, JSON.stringify(scenario));
    await expect(runSimulate(path, { table: false, progress: false })).rejects.toThrow(ScenarioFileError);
    try {
      await runSimulate(path, { table: false, progress: false });
    } catch (err) {
      expect((err as ScenarioFileError).problems).toContain('skills[1].service.meanSec: must be > 0');
    }
    writeFileSync(path, '{"seed": 1,');
    await expect(runSimulate(path, { table: false, progress: false })).rejects.toThrow(/not valid JSON/);
  });
});
