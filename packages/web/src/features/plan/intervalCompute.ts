// Staffs every interval of a parsed file with @shoreline/core, in the browser: on the main thread
// for small files (so the what-if sliders answer at once), in a Web Worker for big ones. Each row
// is staffed on its own (SIPP) by `requiredAgents`, because the file may set patience, ASA and
// abandonment targets and a minimum per row; totals come from core's `createPlanTotals`.

import {
  createPlanTotals,
  erlangAMetrics,
  erlangCMetrics,
  type PlanTotals,
  type QueuePerformance,
  requiredAgents,
  StaffingInputError,
  type StaffingTargets,
  scheduledAgents,
} from '@shoreline/core/staffing/index';
import { type CsvProblem, FIELD_COLUMNS, type IntervalTable } from './intervalCsv';

/** What-if overrides; null keeps each row's own value. */
export interface WhatIf {
  /** Service-level target fraction for every row. */
  slTarget: number | null;
  /** Multiplies every row's AHT. */
  ahtFactor: number;
  shrinkage: number | null;
  maxOccupancy: number | null;
  /** Paid hours of one FTE per week; FTE = scheduled agent-hours ÷ (this × days ÷ 7). */
  weeklyHoursPerFte: number;
}

export const NO_WHAT_IF: WhatIf = {
  slTarget: null,
  ahtFactor: 1,
  shrinkage: null,
  maxOccupancy: null,
  weeklyHoursPerFte: 40,
};

/** One entry per interval, in file order. */
export interface PlanColumns {
  offeredLoad: Float64Array;
  /** Productive agents the targets need. */
  required: Int32Array;
  /** Productive agents planned: max(required, min_agents). */
  raw: Int32Array;
  /** After shrinkage. */
  scheduled: Int32Array;
  serviceLevel: Float64Array;
  occupancy: Float64Array;
  probabilityOfWait: Float64Array;
  asaSec: Float64Array;
  probabilityOfAbandon: Float64Array;
  /** 1 for intervals starting 22:00–06:00. */
  night: Uint8Array;
  erlangA: Uint8Array;
}

export interface PlanResult {
  columns: PlanColumns;
  totals: PlanTotals;
}

export type PlanOutcome = { ok: true; result: PlanResult } | { ok: false; problem: CsvProblem };

const NIGHT_FROM_MIN = 22 * 60;
const NIGHT_TO_MIN = 6 * 60;
/** Rows between progress reports. */
export const PROGRESS_EVERY = 2048;

const IDLE: QueuePerformance = {
  serviceLevel: 1,
  probabilityOfWait: 0,
  averageSpeedOfAnswerSec: 0,
  occupancy: 0,
  probabilityOfAbandon: 0,
};

function minuteOfDay(start: string): number {
  return Number(start.slice(11, 13)) * 60 + Number(start.slice(14, 16));
}

/** The typed arrays of a result, for `postMessage(…, { transfer })`. */
export function transferables(columns: PlanColumns): ArrayBuffer[] {
  return Object.values(columns).map((array: { buffer: ArrayBufferLike }) => array.buffer as ArrayBuffer);
}

/**
 * Staffs every row of `table` under the what-if overrides. A row the maths rejects (a target no
 * number of agents reaches, say) stops the run with a problem naming that row and column.
 */
export function computePlan(
  table: IntervalTable,
  whatIf: WhatIf,
  onProgress?: (fractionDone: number) => void,
): PlanOutcome {
  const n = table.count;
  const columns: PlanColumns = {
    offeredLoad: new Float64Array(n),
    required: new Int32Array(n),
    raw: new Int32Array(n),
    scheduled: new Int32Array(n),
    serviceLevel: new Float64Array(n),
    occupancy: new Float64Array(n),
    probabilityOfWait: new Float64Array(n),
    asaSec: new Float64Array(n),
    probabilityOfAbandon: new Float64Array(n),
    night: new Uint8Array(n),
    erlangA: new Uint8Array(n),
  };
  const days = Math.max(1, table.dates.length);
  const totals = createPlanTotals((whatIf.weeklyHoursPerFte * days) / 7);

  for (let i = 0; i < n; i++) {
    if (onProgress && i > 0 && i % PROGRESS_EVERY === 0) onProgress(i / n);
    const intervalMin = table.intervalMin[i]!;
    const ahtSec = table.ahtSec[i]! * whatIf.ahtFactor;
    const volume = table.volume[i]!;
    const withinSec = table.targetAnswerSec[i]!;
    const shrinkage = whatIf.shrinkage ?? table.shrinkage[i]!;
    const patience = table.patienceSec[i]!;
    const asaTarget = table.asaTargetSec[i]!;
    const maxAbandon = table.maxAbandon[i]!;
    const minAgents = table.minAgents[i]!;
    const targets: StaffingTargets = {
      serviceLevel: { fraction: whatIf.slTarget ?? table.slTarget[i]!, withinSec },
      maxOccupancy: whatIf.maxOccupancy ?? table.maxOccupancy[i]!,
      ...(!Number.isNaN(asaTarget) && { maxAverageSpeedOfAnswerSec: asaTarget }),
      ...(!Number.isNaN(maxAbandon) && { maxAbandonRate: maxAbandon }),
    };
    const hasPatience = !Number.isNaN(patience);
    let need: ReturnType<typeof requiredAgents>;
    try {
      need = requiredAgents({
        volume,
        intervalSec: intervalMin * 60,
        ahtSec,
        targets,
        shrinkage,
        ...(hasPatience && { patienceSec: patience }),
      });
    } catch (error) {
      if (!(error instanceof StaffingInputError)) throw error;
      return {
        ok: false,
        problem: {
          row: table.fileRow[i]!,
          column: FIELD_COLUMNS[error.field] ?? error.field,
          code: error.field === 'targets' ? 'unattainable' : 'invalid',
        },
      };
    }
    const floor = Number.isNaN(minAgents) ? 0 : minAgents;
    const raw = Math.max(need.rawAgents, floor);
    let performance = need.performance;
    if (raw > need.rawAgents) {
      performance =
        need.offeredLoad === 0
          ? IDLE
          : hasPatience
            ? erlangAMetrics({
                agents: raw,
                offeredLoad: need.offeredLoad,
                ahtSec,
                patienceSec: patience,
                targetAnswerSec: withinSec,
              })
            : {
                ...erlangCMetrics({
                  agents: raw,
                  offeredLoad: need.offeredLoad,
                  ahtSec,
                  targetAnswerSec: withinSec,
                }),
                probabilityOfAbandon: 0,
              };
    }
    const minute = minuteOfDay(table.start[i]!);
    const night = minute >= NIGHT_FROM_MIN || minute < NIGHT_TO_MIN;
    const scheduled = raw === need.rawAgents ? need.scheduledAgents : scheduledAgents(raw, shrinkage);
    columns.offeredLoad[i] = need.offeredLoad;
    columns.required[i] = need.rawAgents;
    columns.raw[i] = raw;
    columns.scheduled[i] = scheduled;
    columns.serviceLevel[i] = performance.serviceLevel;
    columns.occupancy[i] = performance.occupancy;
    columns.probabilityOfWait[i] = performance.probabilityOfWait;
    columns.asaSec[i] = performance.averageSpeedOfAnswerSec;
    columns.probabilityOfAbandon[i] = performance.probabilityOfAbandon;
    columns.night[i] = night ? 1 : 0;
    columns.erlangA[i] = hasPatience ? 1 : 0;
    totals.add({
      intervalMin,
      volume,
      open: true,
      night,
      atMinimum: raw > need.rawAgents,
      rawAgents: raw,
      scheduledAgents: scheduled,
      serviceLevel: performance.serviceLevel,
      probabilityOfAbandon: performance.probabilityOfAbandon,
    });
  }
  onProgress?.(1);
  return { ok: true, result: { columns, totals: totals.result() } };
}

/** The plan as CSV: the CLI's output columns (`shoreline staff`), then required agents, abandonment and night. */
export function planCsv(table: IntervalTable, columns: PlanColumns): string {
  const lines = [
    'interval_start,volume,raw_positions,positions,service_level,occupancy,waiting_probability,asa_sec,required_agents,abandon_probability,night',
  ];
  const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));
  for (let i = 0; i < table.count; i++) {
    lines.push(
      [
        table.start[i],
        table.volume[i],
        columns.raw[i],
        columns.scheduled[i],
        round(columns.serviceLevel[i]!, 6),
        round(columns.occupancy[i]!, 6),
        round(columns.probabilityOfWait[i]!, 6),
        round(columns.asaSec[i]!, 3),
        columns.required[i],
        round(columns.probabilityOfAbandon[i]!, 6),
        columns.night[i] ? 1 : 0,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
