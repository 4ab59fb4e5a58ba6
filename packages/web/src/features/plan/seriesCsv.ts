// SERIES.csv (interval_start,volume; the `shoreline forecast` input) read in the browser for a saved plan.
import type { SavedPlanInput } from '@shoreline/server/contract';

/** SERIES.csv → the history the API takes: local timestamps at one step from a midnight. */
export function parseSeries(text: string): SavedPlanInput['history'] | 'header' | 'rows' | 'step' {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  const at = header.indexOf('interval_start');
  const vol = header.indexOf('volume');
  if (at < 0 || vol < 0) return 'header';
  const rows = lines.slice(1).map((l) => l.split(',').map((c) => c.trim()));
  const stamps = rows.map((r) => {
    const stamp = (r[at] ?? '').replace(' ', 'T').slice(0, 16);
    return /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(stamp) ? Date.parse(`${stamp}:00Z`) : Number.NaN;
  });
  const values = rows.map((r) => Number(r[vol]));
  if (stamps.length < 2 || stamps.some(Number.isNaN) || values.some((v) => !(v >= 0))) return 'rows';
  const stepMin = (stamps[1]! - stamps[0]!) / 60_000;
  if (stepMin !== 15 && stepMin !== 30 && stepMin !== 60) return 'step';
  // No gaps: every row one step after the one before.
  if (stamps.some((ms, i) => i > 0 && ms - stamps[i - 1]! !== stepMin * 60_000)) return 'step';
  return { start: new Date(stamps[0]!).toISOString().slice(0, 16), stepMin, values };
}
