// Test-only: locates and parses the shared reference CSVs (core source does no I/O; tests may).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const referenceUrl = new URL('../../../../../shared/reference/staffing/', import.meta.url);

/** Whether `<repo>/../shared/reference/staffing/` exists. */
export const referenceAvailable = existsSync(fileURLToPath(referenceUrl));
export const SKIP_MESSAGE = '../shared not found: skipping reference-vector tests';

/** Rows of a reference CSV as records of the raw text cells (quoted commas handled). */
export function readReferenceCsv(name: string): Record<string, string>[] {
  const text = readFileSync(fileURLToPath(new URL(name, referenceUrl)), 'utf8').trim();
  const [header = '', ...lines] = text.split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((cell) => cell.replace(/,$/, '')) ?? [];
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** Relative error of `actual` against `expected` (0 when both are exactly equal, e.g. both 0). */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * The relative rounding of a value printed with fewer digits than 1e-12 needs, e.g. "4.19512323672"
 * (12 significant digits: ±5e-12 absolute). Tolerance = max(1e-12, half a unit in the last printed digit).
 */
export function printedTolerance(text: string): number {
  const mantissa = text.toLowerCase().split('e')[0] ?? text;
  const digits = mantissa.replace(/^[-+]?0*\.?0*/, '').replace('.', '').length;
  return Math.max(1e-12, 0.5 * 10 ** (1 - digits));
}
