import { readFileSync } from 'node:fs';
import { bankTraceFromRows, type SeasonalSeries } from '@shoreline/core';
import { sharedPathOrSkip } from './shared-data.js';

const dataDir = sharedPathOrSkip('data/', 'scratch');
function csvRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}
export const trace = bankTraceFromRows(csvRows(`${dataDir}call-center/anonymous_bank_1999-08_calls.csv`));
export const DAYS = 31;
export function bankSeries(stepMin: number): SeasonalSeries {
  const p = 1440 / stepMin;
  const values = new Array<number>(DAYS * p).fill(0);
  for (const call of trace.calls) {
    const i = Math.floor(call.arrivalSec / (stepMin * 60));
    if (i < values.length) values[i]!++;
  }
  return { values, periodsPerDay: p, firstDayOfWeek: 0 };
}
