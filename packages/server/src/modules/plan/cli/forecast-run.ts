// `shoreline forecast`: read SERIES.csv (and the holidays), forecast with core's `forecast`, write
// FORECAST.csv (interval_start,volume,lower,upper) for the N days after the last input interval.
import { readFile, writeFile } from 'node:fs/promises';
import { ForecastInputError, type ForecastResult, forecast } from '@shoreline/core/forecast/index';
import { ForecastFileError, formatLocalTimestamp, parseHolidaysCsv, parseSeriesCsv } from './forecast-csv.js';

export interface ForecastRunOptions {
  input: string;
  output: string;
  horizonDays: number;
  method?: string | undefined;
  holidays?: string | undefined;
  level?: number | undefined;
}

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new ForecastFileError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Runs the forecast and writes the CSV; returns what was made (for the summary and tests).
 *
 * @throws {ForecastFileError} an input that cannot be used (the CLI exits with code 2).
 */
export async function runForecast(options: ForecastRunOptions): Promise<ForecastResult & { rows: number }> {
  const parsed = parseSeriesCsv(await read(options.input), options.input);
  const specialDays = options.holidays
    ? parseHolidaysCsv(await read(options.holidays), parsed.originMs, options.holidays)
    : [];
  const stepMs = parsed.stepMin * 60_000;
  // The input may end mid-day: the horizon is N days of intervals after its last one.
  const horizon = options.horizonDays * parsed.periodsPerDay;
  let result: ForecastResult;
  try {
    result = forecast({
      series: {
        values: parsed.values,
        periodsPerDay: parsed.periodsPerDay,
        firstDayOfWeek: parsed.firstDayOfWeek,
      },
      horizon,
      method: options.method ?? 'auto',
      specialDays,
      ...(options.level !== undefined ? { level: options.level } : {}),
    });
  } catch (err) {
    if (err instanceof ForecastInputError) throw new ForecastFileError(`${err.field}: ${err.message}`);
    throw err;
  }
  const lines = ['interval_start,volume,lower,upper'];
  result.points.forEach((p, h) => {
    const at = formatLocalTimestamp(parsed.lastMs + (h + 1) * stepMs, parsed.style);
    lines.push(`${at},${round(p.volume)},${round(p.lower)},${round(p.upper)}`);
  });
  await writeFile(options.output, `${lines.join('\n')}\n`);
  return { ...result, rows: result.points.length };
}

/** The summary printed after a run: the method, each candidate's backtest, outliers. */
export function forecastSummary(result: ForecastResult, output: string): string {
  const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '—');
  const num = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
  const out = [
    `wrote ${result.points.length} intervals to ${output} (method ${result.method}, dispersion ${num(result.dispersion)})`,
  ];
  if (result.backtest.length > 0) {
    out.push('backtest (rolling origin, last days)   MAE   WAPE   MASE | day MAE   WAPE   MASE');
    for (const b of result.backtest)
      out.push(
        `  ${b.method.padEnd(8)}${b.failed ? `  failed: ${b.failed}` : `${num(b.interval.mae).padStart(30)} ${pct(b.interval.wape).padStart(7)} ${num(b.interval.mase).padStart(6)} | ${num(b.day.mae).padStart(7)} ${pct(b.day.wape).padStart(7)} ${num(b.day.mase).padStart(6)}`}`,
      );
  }
  if (result.outliers.length > 0)
    out.push(`${result.outliers.length} outlier interval(s) replaced by their weekly median`);
  return out.join('\n');
}
