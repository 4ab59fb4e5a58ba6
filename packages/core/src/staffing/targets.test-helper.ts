import fc from 'fast-check';
import { type ErlangAMetrics, erlangAMetrics } from './erlang-a.js';
import { type ErlangCMetrics, erlangCMetrics } from './erlang-c.js';
import type { StaffingTargets } from './required-agents.js';

// Targets as the property tests draw them, and the oracle that judges a staffing against them from
// the closed forms evaluated from scratch (erlangCMetrics, erlangAMetrics), not the search's steps.

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Erlang C calls: a load of 0.01 … `maxLoad` erlangs, an average handle time of 30 s … 15 min. */
export function cCall(maxLoad: number): fc.Arbitrary<{ offeredLoad: number; ahtSec: number }> {
  return fc.record({
    offeredLoad: fc.double({ min: 0.01, max: maxLoad, noNaN: true }),
    ahtSec: fc.integer({ min: 30, max: 900 }),
  });
}

/** Erlang C targets: SL `percent` % within `withinSec` (none when `percent` is absent), ASA and occupancy caps. */
export interface CTargetDraw {
  readonly percent: number | undefined;
  readonly withinSec: number;
  readonly maxAsa: number | undefined;
  readonly occupancyPercent: number | undefined;
}

/** Erlang C targets with the given SL percentages (an arbitrary that may give undefined: no SL target). */
export function cTargetDraw(percent: fc.Arbitrary<number | undefined>): fc.Arbitrary<CTargetDraw> {
  return fc.record({
    percent,
    withinSec: fc.integer({ min: 0, max: 120 }),
    maxAsa: optional(fc.integer({ min: 1, max: 120 })),
    occupancyPercent: optional(fc.integer({ min: 50, max: 100 })),
  });
}

export function cTargets(d: CTargetDraw): StaffingTargets {
  return {
    ...(d.percent !== undefined && { serviceLevel: { fraction: d.percent / 100, withinSec: d.withinSec } }),
    ...(d.maxAsa !== undefined && { maxAverageSpeedOfAnswerSec: d.maxAsa }),
    ...(d.occupancyPercent !== undefined && { maxOccupancy: d.occupancyPercent / 100 }),
  };
}

/** Erlang C metrics of `agents`, SL at the target's threshold (t = 0 without one, as the search reports it). */
export function cMetricsAt(
  d: CTargetDraw,
  offeredLoad: number,
  ahtSec: number,
  agents: number,
): ErlangCMetrics {
  const targetAnswerSec = d.percent === undefined ? 0 : d.withinSec;
  return erlangCMetrics({ agents, offeredLoad, ahtSec, targetAnswerSec });
}

/** Whether `agents` meet every drawn Erlang C target: stable (n > A), occupancy A/n, SL and ASA. */
export function meetsCTargets(d: CTargetDraw, offeredLoad: number, ahtSec: number, agents: number): boolean {
  if (agents <= offeredLoad) return false;
  if (d.occupancyPercent !== undefined && offeredLoad / agents > d.occupancyPercent / 100) return false;
  const m = cMetricsAt(d, offeredLoad, ahtSec, agents);
  return (
    (d.percent === undefined || m.serviceLevel >= d.percent / 100) &&
    (d.maxAsa === undefined || m.averageSpeedOfAnswerSec <= d.maxAsa)
  );
}

/** Erlang A targets: SL `percent` % within 20 s and an abandonment cap, each may be absent. */
export interface ATargetDraw {
  readonly percent: number | undefined;
  readonly maxAbandonRate: number | undefined;
}

export const aTargetDraw: fc.Arbitrary<ATargetDraw> = fc.record({
  percent: optional(fc.integer({ min: 1, max: 95 })),
  maxAbandonRate: optional(fc.double({ min: 0.005, max: 0.5, noNaN: true })),
});

export function aTargets(d: ATargetDraw): StaffingTargets {
  return {
    ...(d.percent !== undefined && { serviceLevel: { fraction: d.percent / 100, withinSec: 20 } }),
    ...(d.maxAbandonRate !== undefined && { maxAbandonRate: d.maxAbandonRate }),
  };
}

/** The Erlang A calls of a test: load, patience and the SL definition the targets use (default the search's). */
export interface ACall {
  readonly offeredLoad: number;
  readonly patienceSec: number;
  readonly serviceLevelDefinition?: StaffingTargets['serviceLevelDefinition'];
}

/** Erlang A calls at AHT 300 s: a load of 0.1 … `maxLoad` erlangs, mean patience 30 s … 20 min. */
export function aCall(maxLoad: number): fc.Arbitrary<ACall> {
  return fc.record({
    offeredLoad: fc.double({ min: 0.1, max: maxLoad, noNaN: true }),
    patienceSec: fc.integer({ min: 30, max: 1200 }),
  });
}

/** Erlang A metrics of `agents` at AHT 300 s, SL at 20 s (t = 0 without an SL target, as the search reports it). */
export function aMetricsAt(d: ATargetDraw, call: ACall, agents: number): ErlangAMetrics {
  return erlangAMetrics({ agents, ahtSec: 300, targetAnswerSec: d.percent === undefined ? 0 : 20, ...call });
}

/** Whether `agents` (at least one) meet every drawn Erlang A target: SL and abandonment. */
export function meetsATargets(d: ATargetDraw, call: ACall, agents: number): boolean {
  if (agents < 1) return false;
  const m = aMetricsAt(d, call, agents);
  return (
    (d.percent === undefined || m.serviceLevel >= d.percent / 100) &&
    (d.maxAbandonRate === undefined || m.probabilityOfAbandon <= d.maxAbandonRate)
  );
}
