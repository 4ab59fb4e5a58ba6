// `shoreline simulate`: read a scenario, optionally replace one skill's arrivals with the Anonymous
// Bank trace, validate (every problem by JSON path), simulate with a progress bar, print a table
// with 95% confidence intervals and write the JSON result.

import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { BankCallRow, Estimate, SimulationResult } from '@shoreline/core/simulation/index';
import { startProgress } from '../../../platform/cli/progress.js';

/** A scenario the simulator cannot run: `problems` name each field by its JSON path. */
export class ScenarioFileError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ScenarioFileError';
  }
}

export interface SimulateRunOptions {
  output?: string | undefined;
  replications?: number | undefined;
  seed?: number | undefined;
  traceBank?: string | undefined;
  traceSkill?: string | undefined;
  table?: boolean;
  progress?: boolean;
}

type Json = Record<string, unknown>;

async function readScenario(file: string): Promise<Json> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ScenarioFileError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new ScenarioFileError(`${file}: must be a JSON object`);
    return value as Json;
  } catch (err) {
    if (err instanceof ScenarioFileError) throw err;
    throw new ScenarioFileError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Reads the bank CSV into rows keyed by header (plain commas: the file has no quoted fields). */
export async function readBankRows(file: string): Promise<BankCallRow[]> {
  const rows: BankCallRow[] = [];
  let header: string[] | undefined;
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const fields = line.split(',');
      if (!header) {
        header = fields.map((f) => f.trim());
        if (!header.includes('q_start') || !header.includes('outcome'))
          throw new ScenarioFileError(
            `--trace-bank ${file}: not an Anonymous Bank call log (no q_start/outcome)`,
          );
        continue;
      }
      const row: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) row[header[i]!] = fields[i] ?? '';
      rows.push(row);
    }
  } catch (err) {
    if (err instanceof ScenarioFileError) throw err;
    throw new ScenarioFileError(`--trace-bank: cannot read ${file}: ${(err as Error).message}`);
  }
  return rows;
}

/** Replaces the arrivals of `skillId` (default the first skill) with the bank trace. */
async function withBankTrace(scenario: Json, file: string, skillId: string | undefined): Promise<string> {
  const { bankTraceFromRows } = await import('@shoreline/core/simulation/index');
  const trace = bankTraceFromRows(await readBankRows(file));
  const skills = Array.isArray(scenario.skills) ? (scenario.skills as Json[]) : [];
  const skill = skillId === undefined ? skills[0] : skills.find((s) => s?.id === skillId);
  if (!skill)
    throw new ScenarioFileError(
      `--trace-skill: no skill ${JSON.stringify(skillId ?? '(first)')} in the scenario`,
    );
  const intervals = scenario.intervals as Json | undefined;
  const horizonSec = Number(intervals?.lengthSec) * Number(intervals?.count);
  const calls = trace.calls
    .filter((c) => !(c.arrivalSec >= horizonSec))
    .map((c) => ({
      arrivalSec: c.arrivalSec,
      ...(c.serviceSec !== undefined && { serviceSec: c.serviceSec }),
      ...(c.patienceSec !== undefined && { patienceSec: c.patienceSec }),
    }));
  skill.arrivals = { kind: 'trace', calls };
  const left = trace.calls.length - calls.length;
  return `replaying ${calls.length.toLocaleString('en-US')} bank calls from ${trace.originDate} into skill "${String(skill.id)}"${left ? ` (${left} after the last interval left out)` : ''}; skipped: ${trace.skipped.hungUpInVoiceMenu} hung up in the voice menu, ${trace.skipped.phantom} phantom, ${trace.skipped.malformed} malformed`;
}

function pct(e: Estimate): string {
  if (e.mean === null) return '—';
  return `${(e.mean * 100).toFixed(1)}%${e.halfWidth95 === null ? '' : ` ±${(e.halfWidth95 * 100).toFixed(1)}`}`;
}

function sec(e: Estimate): string {
  if (e.mean === null) return '—';
  return `${e.mean.toFixed(1)}${e.halfWidth95 === null ? '' : ` ±${e.halfWidth95.toFixed(1)}`}`;
}

function clock(startSec: number, multiDay: boolean): string {
  const day = Math.floor(startSec / 86_400);
  const rest = startSec - day * 86_400;
  const hh = String(Math.floor(rest / 3600)).padStart(2, '0');
  const mm = String(Math.floor((rest % 3600) / 60)).padStart(2, '0');
  return multiDay ? `d${day + 1} ${hh}:${mm}` : `${hh}:${mm}`;
}

/** The result as a markdown table: one row per interval and a total, each figure ± its 95% half-width. */
export function resultTable(result: SimulationResult): string {
  const multiDay = result.intervalLengthSec * result.intervals.length > 86_400;
  const head = [
    '#',
    'start',
    'offered',
    `SL ${result.serviceLevelThresholdSec}s`,
    'ASA s',
    'abandoned',
    ...result.groups.map((g) => `occ ${g.id}`),
  ];
  const rows = result.intervals.map((i) => [
    String(i.index),
    clock(i.startSec, multiDay),
    i.offered.mean === null ? '—' : i.offered.mean.toFixed(1),
    pct(i.serviceLevel),
    sec(i.asaSec),
    pct(i.abandonRate),
    ...i.occupancy.map(pct),
  ]);
  const t = result.total;
  rows.push([
    'total',
    result.warmupIntervals ? `after ${result.warmupIntervals} warm-up` : '',
    t.offered.mean === null ? '—' : t.offered.mean.toFixed(1),
    pct(t.serviceLevel),
    sec(t.asaSec),
    pct(t.abandonRate),
    ...t.occupancy.map(pct),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padStart(widths[c]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`, ...rows.map(line)].join(
    '\n',
  );
}

/** Runs the scenario file; throws ScenarioFileError for anything wrong with the inputs. */
export async function runSimulate(file: string, options: SimulateRunOptions): Promise<SimulationResult> {
  const scenario = await readScenario(file);
  if (options.replications !== undefined) scenario.replications = options.replications;
  if (options.seed !== undefined) scenario.seed = options.seed;
  if (options.traceBank) console.error(await withBankTrace(scenario, options.traceBank, options.traceSkill));
  const { simulate, validateScenario } = await import('@shoreline/core/simulation/index');
  const problems = validateScenario(scenario);
  if (problems.length > 0)
    throw new ScenarioFileError(
      `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`,
      problems.slice(0, 50).map((p) => `${p.path || '(root)'}: ${p.message}`),
    );
  const progress = await startProgress('simulate', options.progress !== false);
  const started = performance.now();
  let result: SimulationResult;
  try {
    result = simulate(scenario as unknown as Parameters<typeof simulate>[0], {
      onProgress: (fraction) => progress.update(fraction),
    });
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const toStdout = options.output === '-';
  if (options.table !== false && !toStdout) console.log(resultTable(result));
  if (options.output) {
    const json = JSON.stringify(result, null, 2);
    if (toStdout) process.stdout.write(`${json}\n`);
    else await writeFile(options.output, `${json}\n`);
  }
  console.error(
    `${result.replications} replication${result.replications > 1 ? 's' : ''}, ${result.events.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s${options.output && !toStdout ? `; result written to ${options.output}` : ''}`,
  );
  return result;
}
