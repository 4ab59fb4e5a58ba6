import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTO_CANDIDATES } from '@shoreline/core/forecast/index';
import { bankTraceFromRows } from '@shoreline/core/simulation/index';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { ForecastFileError, parseSeriesCsv } from '../src/modules/plan/cli/forecast-csv.js';
import { runForecast } from '../src/modules/plan/cli/forecast-run.js';
import { registerPlanCommands } from '../src/modules/plan/cli/index.js';
import { cliScratch } from './cli-scratch.js';

// `shoreline forecast`: its input rules, error messages and output, in-process.

const BANK = new URL('../../../../shared/data/call-center/anonymous_bank_1999-08_calls.csv', import.meta.url);
const ifShared = existsSync(BANK) ? '' : ' (../shared not found: skipping)';
const { dir, file } = cliScratch('shoreline-forecast-');

/** Hourly rows from 2026-11-01T00:00 (a Sunday), volume(day, hour). */
function hourly(days: number, volume: (day: number, hour: number) => number, sep = 'T'): string[] {
  const lines = ['interval_start,volume'];
  for (let d = 0; d < days; d++)
    for (let h = 0; h < 24; h++) {
      const date = new Date(Date.UTC(2026, 10, 1 + d, h)).toISOString();
      lines.push(`${date.slice(0, 10)}${sep}${date.slice(11, 16)},${volume(d, h)}`);
    }
  return lines;
}

function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])));
}

async function problem(text: string): Promise<string> {
  try {
    await runForecast({ input: file('bad.csv', text), output: join(dir, 'never.csv'), horizonDays: 1 });
  } catch (err) {
    if (err instanceof ForecastFileError) return err.message;
    throw err;
  }
  throw new Error('expected a ForecastFileError');
}

describe('shoreline forecast', () => {
  it('writes interval_start,volume,lower,upper for N days after the last interval, at its step', async () => {
    // Two weeks, volume = day of week + hour: seasonal naive repeats the last week exactly.
    const input = file('series.csv', `${hourly(14, (d, h) => (d % 7) + h).join('\n')}\n`);
    const output = join(dir, 'forecast.csv');
    const result = await runForecast({ input, output, horizonDays: 2, method: 'snaive' });
    const rows = readCsv(output);
    expect(Object.keys(rows[0]!)).toEqual(['interval_start', 'volume', 'lower', 'upper']);
    expect(rows).toHaveLength(48);
    expect(rows[0]!.interval_start).toBe('2026-11-15T00:00');
    expect(rows[47]!.interval_start).toBe('2026-11-16T23:00');
    expect(rows[25]!.volume).toBe(String(1 + 1)); // Monday 01:00
    for (const r of rows) {
      expect(Number(r.lower)).toBeLessThanOrEqual(Number(r.volume));
      expect(Number(r.upper)).toBeGreaterThanOrEqual(Number(r.volume));
    }
    expect(result.method).toBe('snaive');
  });

  it('starts after a history that ends mid-day and keeps the input timestamp style', async () => {
    const lines = hourly(8, () => 5, ' ').slice(0, 1 + 7 * 24 + 10); // ends 2026-11-08 09:00
    const output = join(dir, 'midday.csv');
    await runForecast({
      input: file('midday.csv', `${lines.join('\n')}\n`),
      output,
      horizonDays: 1,
      method: 'mean2',
    });
    const rows = readCsv(output);
    expect(rows).toHaveLength(24);
    expect(rows[0]!.interval_start).toBe('2026-11-08 10:00');
    expect(Number(rows[0]!.volume)).toBe(5);
  });

  it('missing intervals are an error unless the file says "# missing: zero"', async () => {
    const lines = hourly(8, () => 3);
    lines.splice(30, 2); // 2026-11-02T05:00 and 06:00 gone
    expect(await problem(lines.join('\n'))).toContain(
      'line 31, column interval_start: 2 intervals missing before it (from 2026-11-02T05:00); write "# missing: zero" in the file if missing intervals mean zero',
    );
    const parsed = parseSeriesCsv(['# missing: zero', ...lines].join('\n'));
    expect(parsed.filledZero).toBe(2);
    expect(parsed.values.slice(28, 32)).toEqual([3, 0, 0, 3]);
  });

  it('names the line and column of each unusable row', async () => {
    const lines = hourly(8, () => 3);
    lines[3] = '2026-11-01T02:00,-4';
    lines[5] = '2026-11-01T04:00Z,1';
    lines[6] = '1/11/2026 05:00,1';
    const message = await problem(lines.join('\n'));
    expect(message).toContain('line 4, column volume: "-4" is not a number ≥ 0');
    expect(message).toContain(
      'line 6, column interval_start: "2026-11-01T04:00Z" has a zone: interval_start must be a local time',
    );
    expect(message).toContain(
      'line 7, column interval_start: "1/11/2026 05:00" is not a local timestamp YYYY-MM-DDTHH:MM[:SS]',
    );
  });

  it('refuses a header without the columns, an odd step, disorder and less than a week', async () => {
    expect(await problem('start,count\n2026-11-01T00:00,1\n')).toContain(
      'the header must have the columns interval_start,volume',
    );
    expect(await problem('interval_start,volume\n2026-11-01T00:00,1\n2026-11-01T00:20,1\n')).toContain(
      'line 3: the step between the first two intervals is 20 minutes; it must be 5, 15, 30 or 60',
    );
    const lines = hourly(8, () => 1);
    lines[10] = lines[9]!;
    expect(await problem(lines.join('\n'))).toContain(
      'line 11, column interval_start: repeats the previous interval',
    );
    expect(await problem(hourly(3, () => 1).join('\n'))).toContain('the history covers less than one week');
  });

  it('holidays: left out of the history, their factor applied in the horizon', async () => {
    // Day 7 (2026-11-08, a Sunday) is a holiday with 0 calls; 2026-11-15 is a campaign (+30 %).
    const input = file('hol-series.csv', `${hourly(14, (d) => (d === 7 ? 0 : 10)).join('\n')}\n`);
    const holidays = file(
      'holidays.csv',
      'date,factor,name\n2026-11-08,,Armistice\n2026-11-15,1.3,campaign\n',
    );
    const output = join(dir, 'hol.csv');
    await runForecast({ input, output, horizonDays: 2, method: 'snaive', holidays });
    const rows = readCsv(output);
    expect(Number(rows[0]!.volume)).toBe(13); // Sunday: the week before the holiday (10) × 1.3
    expect(Number(rows[24]!.volume)).toBe(10);
    expect(await problemHolidays('date,factor\n2026-13-01,x\n')).toContain('line 2, column date');
  });

  it('through the command table: exit code 2 and the message on stderr', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void errors.push(parts.join(' ')));
    const program = new Command('shoreline').exitOverride();
    registerPlanCommands(program);
    const input = file('short.csv', hourly(2, () => 1).join('\n'));
    await program.parseAsync(
      ['forecast', '--input', input, '--horizon-days', '7', '--output', join(dir, 'x.csv')],
      { from: 'user' },
    );
    expect(process.exitCode).toBe(2);
    expect(errors.join('\n')).toMatch(/^shoreline forecast: .*the history covers less than one week/);
  });

  it.skipIf(!existsSync(BANK))(
    `forecasts the Anonymous Bank half-hours a week ahead${ifShared}`,
    async () => {
      const [header, ...lines] = readFileSync(fileURLToPath(BANK), 'utf8').trim().split(/\r?\n/);
      const names = header!.split(',');
      const trace = bankTraceFromRows(
        lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v]))),
      );
      const counts = new Array<number>(31 * 48).fill(0);
      for (const c of trace.calls) if (c.arrivalSec < 31 * 86_400) counts[Math.floor(c.arrivalSec / 1800)]!++;
      const series = ['interval_start,volume'];
      counts.forEach((v, i) => {
        const at = new Date(Date.UTC(1999, 7, 1) + i * 1_800_000).toISOString();
        series.push(`${at.slice(0, 10)}T${at.slice(11, 16)},${v}`);
      });
      const output = join(dir, 'bank.csv');
      const result = await runForecast({
        input: file('bank-series.csv', series.join('\n')),
        output,
        horizonDays: 7,
      });
      expect(readCsv(output)).toHaveLength(7 * 48);
      // Every candidate of core's `auto`, in its order.
      expect(result.backtest.map((b) => b.method)).toEqual(AUTO_CANDIDATES);
      // 31 days, a week ahead: origins at days 7 … 24, where taylor (two weeks) cannot start: left out.
      expect(result.backtest.filter((b) => b.failed).map((b) => b.method)).toEqual(['taylor']);
      const least = Math.min(...result.backtest.filter((b) => !b.failed).map((b) => b.interval.mae));
      expect(result.backtest.find((b) => b.method === result.method)!.interval.mae).toBe(least);
    },
  );
});

async function problemHolidays(text: string): Promise<string> {
  const input = file('ok.csv', hourly(8, () => 1).join('\n'));
  try {
    await runForecast({
      input,
      output: join(dir, 'never2.csv'),
      horizonDays: 1,
      holidays: file('h.csv', text),
    });
  } catch (err) {
    if (err instanceof ForecastFileError) return err.message;
    throw err;
  }
  throw new Error('expected a ForecastFileError');
}
