// Scratch (issue 15, must-show 1): the square-root SVD model of Shen & Huang (2005, 2008) against
// `damped`, rolling origin exactly as bench/forecast-accuracy.bench.ts scores it. Throw-away.
// node --import tsx --conditions=source bench/scratch-svd.ts
import {
  cleanOutliers,
  dampedLevelTuned,
  dayOfWeekAt,
  flagOutliers,
  gaussianSmooth,
  holtDamped,
  type ObservedDay,
  observedDays,
  poissonMedian,
  type SeasonalSeries,
  tuneDampedLevel,
} from '@shoreline/core';
import { dampedMeans, wholeDays } from './scratch-damped-means.js';
import { bankSeries, DAYS } from './scratch-svd-data.js';

// ---------- linear algebra ----------
/** Cyclic Jacobi eigen-decomposition of a symmetric matrix (Golub & Van Loan §8.5). */
export function jacobi(A: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = A.length;
  const a = A.map((r) => [...r]);
  const V = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)),
  );
  let scale = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scale += a[i]![j]! ** 2;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i]![j]! ** 2;
    if (off <= 1e-24 * scale) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k]![p]!;
          const vkq = V[k]![q]!;
          V[k]![p] = c * vkp - s * vkq;
          V[k]![q] = s * vkp + c * vkq;
        }
      }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[j]![j]! - a[i]![i]!);
  return { values: order.map((i) => a[i]![i]!), vectors: order.map((i) => V.map((row) => row[i]!)) };
}

/** Right singular vectors v_k and scores β_k(d) = X v_k of X (n × p), largest first, from X Xᵀ. */
export function svd(X: readonly (readonly number[])[], K: number): { v: number[][]; scores: number[][] } {
  const n = X.length;
  const p = X[0]!.length;
  const G = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let c = 0; c < p; c++) s += X[i]![c]! * X[j]![c]!;
      return s;
    }),
  );
  const { values, vectors } = jacobi(G);
  const v: number[][] = [];
  const scores: number[][] = [];
  for (let k = 0; k < Math.min(K, n); k++) {
    const sk = Math.sqrt(Math.max(values[k]!, 0));
    if (!(sk > 1e-9)) break;
    const u = vectors[k]!;
    let vk = Array.from({ length: p }, (_, c) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[i]![c]! * u[i]!;
      return s / sk;
    });
    let sc = u.map((x) => x * sk);
    if (vk.reduce((a, b) => a + b, 0) < 0) {
      vk = vk.map((x) => -x);
      sc = sc.map((x) => -x);
    }
    v.push(vk);
    scores.push(sc);
  }
  return { v, scores };
}

// ---------- the SVD model ----------
const KMAX = 3;
const PHI = 0.9;
interface GroupFit {
  readonly days: readonly ObservedDay[];
  readonly v: number[][];
  readonly scores: number[][];
  /** Per K (1…KMAX): per-interval mean squared residual of the rank-K fit on the root scale. */
  readonly resVar: number[][];
}

function fitGroup(days: readonly ObservedDay[], p: number): GroupFit {
  const X = days.map((d) => d.row.map((y) => Math.sqrt(y + 0.25)));
  const { v, scores } = svd(X, KMAX);
  const resVar: number[][] = [];
  for (let K = 1; K <= KMAX; K++) {
    const kk = Math.min(K, v.length);
    const r = new Array<number>(p).fill(0);
    X.forEach((row, i) => {
      for (let j = 0; j < p; j++) {
        let f = 0;
        for (let k = 0; k < kk; k++) f += scores[k]![i]! * v[k]![j]!;
        r[j]! += (row[j]! - f) ** 2;
      }
    });
    const dof = Math.max(1, X.length - kk);
    resVar.push(r.map((x) => x / dof));
  }
  return { days, v, scores, resVar };
}

type ScoreModel =
  | { kind: 'holt'; alpha: number; beta: number; delta: number }
  | { kind: 'ar' }
  | { kind: 'ew'; delta: number }
  | { kind: 'reg'; alpha: number; beta: number; delta: number };

/** Day-of-week factors of a positive series as damped's dayFactors: ratio to ±3-day local mean, prior 2. */
function factors(days: readonly ObservedDay[], x: readonly number[]): number[] {
  const sum = new Array<number>(7).fill(0);
  const count = new Array<number>(7).fill(0);
  days.forEach((r, i) => {
    let near = 0;
    let n = 0;
    days.forEach((q, k) => {
      if (Math.abs(q.day - r.day) <= 3) {
        near += x[k]!;
        n++;
      }
    });
    if (near > 0) {
      sum[r.dow]! += (x[i]! * n) / near;
      count[r.dow]!++;
    }
  });
  return sum.map((s, k) => (s + 2) / (count[k]! + 2));
}

/** Shen & Huang (2008) §4: β(i) = a(dow i) + b·β(i−1), least squares; forecast iterated to the target. */
function arForecast(
  days: readonly ObservedDay[],
  x: readonly number[],
  targets: readonly number[],
): number[] {
  const dows = [...new Set(days.map((d) => d.dow))].sort();
  const m = dows.length + 1;
  const A = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const bvec = new Array<number>(m).fill(0);
  for (let i = 1; i < days.length; i++) {
    const row = new Array<number>(m).fill(0);
    row[dows.indexOf(days[i]!.dow)] = 1;
    row[m - 1] = x[i - 1]!;
    for (let r = 0; r < m; r++) {
      bvec[r]! += row[r]! * x[i]!;
      for (let c = 0; c < m; c++) A[r]![c]! += row[r]! * row[c]!;
    }
  }
  // small ridge so a day of week with one day only still solves
  for (let r = 0; r < m; r++) A[r]![r]! += 1e-6 * (1 + A[r]![r]!);
  const coef = solve(A, bvec);
  let b = Math.max(-1, Math.min(1, coef[m - 1]!));
  if (!Number.isFinite(b)) b = 0;
  const meanA = coef.slice(0, m - 1).reduce((s, y) => s + y, 0) / (m - 1);
  let prev = x[x.length - 1]!;
  return targets.map((dow) => {
    const i = dows.indexOf(dow);
    const a = i >= 0 && Number.isFinite(coef[i]!) ? coef[i]! : meanA;
    prev = a + b * prev;
    return prev;
  });
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const d = M[c]![c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / d;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}

/**
 * Root-scale forecasts x̂ for target days (each: its dow and m, group steps ahead) from a group fit.
 * Returns per target the rank-K root-scale curve.
 */
function rootForecast(
  fit: GroupFit,
  K: number,
  model: ScoreModel,
  targets: { dow: number; m: number }[],
  beta1?: number,
) {
  const kk = Math.min(K, fit.v.length);
  const p = fit.v[0]!.length;
  const lastDay = fit.days[fit.days.length - 1]!.day;
  const beta: number[][] = targets.map(() => new Array<number>(kk).fill(0));
  for (let k = 0; k < kk; k++) {
    const x = fit.scores[k]!;
    if (k === 0 && beta1 !== undefined) {
      targets.forEach((_, i) => {
        beta[i]![0] = beta1;
      });
      continue;
    }
    if (model.kind === 'ar') {
      // iterate through each group day up to the furthest target
      const maxM = Math.max(...targets.map((t) => t.m));
      // dows of the following group days: cycle through the group's dows in day order after lastDay
      const groupDows = [...new Set(fit.days.map((d) => d.dow))];
      const seq: number[] = [];
      for (let d = lastDay + 1; seq.length < maxM; d++) {
        const dow = (fit.days[0]!.dow + (d - fit.days[0]!.day)) % 7;
        if (groupDows.includes(dow)) seq.push(dow);
        if (d > lastDay + 400) break;
      }
      const path = arForecast(fit.days, x, seq);
      targets.forEach((t, i) => {
        beta[i]![k] = path[t.m - 1]!;
      });
    } else if (k > 0 && model.kind === 'reg') {
      // β_k = c + g·β_1 over the group's days (weighted by δ^age), at the forecast β_1: the shape follows the level
      const x1 = fit.scores[0]!;
      let sw = 0,
        sx = 0,
        sy = 0,
        sxx = 0,
        sxy = 0;
      fit.days.forEach((d, i) => {
        const w = model.delta ** (lastDay - d.day);
        sw += w;
        sx += w * x1[i]!;
        sy += w * x[i]!;
        sxx += w * x1[i]! ** 2;
        sxy += w * x1[i]! * x[i]!;
      });
      const vx = sxx / sw - (sx / sw) ** 2;
      const g = vx > 1e-12 ? (sxy / sw - (sx / sw) * (sy / sw)) / vx : 0;
      targets.forEach((_, i) => {
        beta[i]![k] = sy / sw + g * (beta[i]![0]! - sx / sw);
      });
    } else if (k === 0 && (model.kind === 'holt' || model.kind === 'reg')) {
      const f = factors(fit.days, x);
      const des = x.map((y, i) => y / f[fit.days[i]!.dow]!);
      targets.forEach((t, i) => {
        beta[i]![k] = holtDamped(des, model.alpha, model.beta, PHI, t.m) * f[t.dow]!;
      });
    } else {
      const delta = model.delta;
      let num = 0;
      let den = 0;
      fit.days.forEach((d, i) => {
        const w = delta ** (lastDay - d.day);
        num += w * x[i]!;
        den += w;
      });
      targets.forEach((_, i) => {
        beta[i]![k] = num / den;
      });
    }
  }
  return beta.map((b) => {
    const out = new Array<number>(p).fill(0);
    for (let k = 0; k < kk; k++) for (let j = 0; j < p; j++) out[j]! += b[k]! * fit.v[k]![j]!;
    return out;
  });
}

type BackTransform = 'var' | 'plain';
function toMean(x: number, resVar: number, bt: BackTransform): number {
  const z = Math.max(x, 0) ** 2;
  return Math.max(0, bt === 'var' ? z + resVar - 0.25 : z - 0.25);
}

interface Config {
  K: number;
  model: ScoreModel;
  bt: BackTransform;
  smooth?: number;
}

/** Means for `horizon` intervals after the series end (a midnight), with group fits from clean history. */
function svdMeans(series: SeasonalSeries, horizon: number, cfg: Config, trueTotals?: number[]): number[] {
  const p = series.periodsPerDay;
  const n = series.values.length;
  const { groups } = wholeDays(series);
  const clean = observedDays(cleanOutliers(series, flagOutliers(series, 4)));
  const lastDay = n / p - 1;
  const out = new Array<number>(horizon).fill(0);
  const fits = new Map<string, GroupFit>();
  for (let h = 0; h < horizon; h += p) {
    const t = n + h;
    const dow = dayOfWeekAt(series, t);
    const group = groups[dow]!;
    const key = group.join(',');
    if (!fits.has(key)) {
      const days = clean.filter((d) => group.includes(d.dow));
      if (days.length === 0) continue;
      fits.set(key, fitGroup(days, p));
    }
    const fit = fits.get(key)!;
    const day = t / p;
    let m = 0;
    for (let d = lastDay + 1; d <= day; d++) if (group.includes((series.firstDayOfWeek + d) % 7)) m++;
    let x = rootForecast(fit, cfg.K, cfg.model, [{ dow, m: Math.max(1, m) }])[0]!;
    if (trueTotals) {
      const T = trueTotals[h / p]!;
      const rv0 = fit.resVar[Math.min(cfg.K, fit.v.length) - 1]!;
      let lo = 0;
      let hi = 1000;
      for (let it = 0; it < 60; it++) {
        const mid = (lo + hi) / 2;
        const xm = rootForecast(fit, cfg.K, cfg.model, [{ dow, m: Math.max(1, m) }], mid)[0]!;
        const tot = xm.reduce((a, v, j) => a + toMean(v, rv0[j]!, cfg.bt), 0);
        if (tot < T) lo = mid;
        else hi = mid;
      }
      x = rootForecast(fit, cfg.K, cfg.model, [{ dow, m: Math.max(1, m) }], lo)[0]!;
    }
    if (cfg.smooth) x = gaussianSmooth(x, cfg.smooth);
    const rv = fit.resVar[Math.min(cfg.K, fit.v.length) - 1]!;
    for (let j = 0; j < p && h + j < horizon; j++) out[h + j] = toMean(x[j]!, rv[j]!, cfg.bt);
  }
  return out;
}

const LEVEL = [0.3, 0.5, 0.7].flatMap((alpha) => [0, 0.1, 0.2].map((beta) => ({ alpha, beta })));
const GRID: Config[] = [];
for (const K of [1, 2, 3]) {
  GRID.push({ K, model: { kind: 'ar' }, bt: 'var' });
  for (const { alpha, beta } of LEVEL)
    for (const delta of [1, 0.9, 0.8])
      GRID.push({ K, model: { kind: 'holt', alpha, beta, delta }, bt: 'var' });
}

/** The config with the least next-day interval error of the Poisson median over the 7 midnights before. */
function tuneSvd(series: SeasonalSeries): Config {
  const p = series.periodsPerDay;
  const days = series.values.length / p;
  const err = GRID.map(() => 0);
  for (let d = Math.max(7, days - 7); d < days; d++) {
    const before = { ...series, values: series.values.slice(0, d * p) };
    const y = series.values.slice(d * p, (d + 1) * p);
    GRID.forEach((cfg, i) => {
      const mu = svdMeans(before, p, cfg);
      for (let j = 0; j < p; j++) err[i]! += Math.abs(poissonMedian(mu[j]!) - y[j]!);
    });
  }
  let best = 0;
  for (let i = 1; i < err.length; i++) if (err[i]! < err[best]!) best = i;
  return GRID[best]!;
}

// ---------- evaluation ----------
const isWeekday = (s: SeasonalSeries, day: number) => (s.firstDayOfWeek + day) % 7 <= 4;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function run(stepMin: number, horizonDays: number) {
  const t0 = process.cpuUsage();
  const series = bankSeries(stepMin);
  const p = series.periodsPerDay;
  const horizon = horizonDays * p;
  const origins: number[] = [];
  for (let d = 14; d + horizonDays <= DAYS; d++) origins.push(d * p);
  const variants: Record<string, number[]> = {};
  const actual: number[] = [];
  const add = (name: string, xs: number[]) => {
    variants[name] = [...(variants[name] ?? []), ...xs];
  };
  const fixed: Record<string, Config> = {
    'svd-ar K1': { K: 1, model: { kind: 'ar' }, bt: 'var' },
    'svd-ar K2': { K: 2, model: { kind: 'ar' }, bt: 'var' },
    'svd-ar K3': { K: 3, model: { kind: 'ar' }, bt: 'var' },
    'svd-holt K1 (0.5,0.1,0.9)': {
      K: 1,
      model: { kind: 'holt', alpha: 0.5, beta: 0.1, delta: 0.9 },
      bt: 'var',
    },
    'svd-holt K2 (0.5,0.1,0.9)': {
      K: 2,
      model: { kind: 'holt', alpha: 0.5, beta: 0.1, delta: 0.9 },
      bt: 'var',
    },
    'svd-holt K3 (0.5,0.1,0.9)': {
      K: 3,
      model: { kind: 'holt', alpha: 0.5, beta: 0.1, delta: 0.9 },
      bt: 'var',
    },
    'svd-holt K2 plain back-transform': {
      K: 2,
      model: { kind: 'holt', alpha: 0.5, beta: 0.1, delta: 0.9 },
      bt: 'plain',
    },
  };
  const chosen = new Map<string, number>();
  for (const o of origins) {
    const training = { ...series, values: series.values.slice(0, o) };
    const y = series.values.slice(o, o + horizon);
    actual.push(...y);
    add('snaive', series.values.slice(o - 7 * p, o - 7 * p + horizon));
    add('damped (core)', dampedLevelTuned(training, horizon));
    const dm = dampedMeans(training, horizon, tuneDampedLevel(training));
    add('damped (scratch clone)', dm.map(poissonMedian));
    for (const [name, cfg] of Object.entries(fixed))
      add(name, svdMeans(training, horizon, cfg).map(poissonMedian));
    const cfg = tuneSvd(training);
    const label = cfg.model.kind === 'ar' ? `K${cfg.K} ar` : `K${cfg.K} holt`;
    chosen.set(label, (chosen.get(label) ?? 0) + 1);
    const sm = svdMeans(training, horizon, cfg);
    add('svd-cv', sm.map(poissonMedian));
    add(
      'mean(svd-cv, damped)',
      sm.map((x, i) => poissonMedian((x + dm[i]!) / 2)),
    );
    // SVD's shape (level-dependent) with damped's daily level
    const hy: number[] = [];
    for (let h = 0; h < horizon; h += p) {
      const a = sm.slice(h, h + p);
      const b = dm.slice(h, h + p);
      const sa = a.reduce((s, x) => s + x, 0);
      const sb = b.reduce((s, x) => s + x, 0);
      hy.push(...a.map((x) => poissonMedian(sa > 0 ? (x * sb) / sa : 0)));
    }
    add('svd-cv shape × damped level', hy);
    const levelSwap = (shape: number[], level: number[][]) => {
      const out: number[] = [];
      for (let h = 0; h < horizon; h += p) {
        const a = shape.slice(h, h + p);
        const sa = a.reduce((s, x) => s + x, 0);
        const sb =
          level.map((l) => l.slice(h, h + p).reduce((s, x) => s + x, 0)).reduce((s, x) => s + x, 0) /
          level.length;
        out.push(...a.map((x) => poissonMedian(sa > 0 ? (x * sb) / sa : 0)));
      }
      return out;
    };
    add('damped shape × svd-cv level', levelSwap(dm, [sm]));
    add('damped shape × mean(damped, svd-cv) level', levelSwap(dm, [sm, dm]));
    const cleanTraining = cleanOutliers(training, flagOutliers(training, 4));
    const dmc = dampedMeans(cleanTraining, horizon, tuneDampedLevel(cleanTraining));
    add('damped on cleaned history', dmc.map(poissonMedian));
    const svdSmooth = svdMeans(training, horizon, {
      K: 1,
      model: { kind: 'holt', alpha: 0.5, beta: 0.1, delta: 0.9 },
      bt: 'var',
      smooth: 0.6,
    });
    add('svd-holt K1 smoothed v 0.6', svdSmooth.map(poissonMedian));
    for (const K of [2, 3]) {
      const r = svdMeans(training, horizon, {
        K,
        model: { kind: 'reg', alpha: 0.5, beta: 0.1, delta: 0.9 },
        bt: 'var',
      });
      add(`svd-reg K${K} (β_k on β_1)`, r.map(poissonMedian));
      add(`svd-reg K${K} shape × TRUE total (oracle)`, levelSwap(r, [y]));
    }
    add(
      'svd-holt K1 shape × TRUE total (oracle)',
      levelSwap(svdMeans(training, horizon, fixed['svd-holt K1 (0.5,0.1,0.9)']!), [y]),
    );
    add(
      'svd-holt K3 shape × TRUE total (oracle)',
      levelSwap(svdMeans(training, horizon, fixed['svd-holt K3 (0.5,0.1,0.9)']!), [y]),
    );
    add('svd-cv shape × TRUE total (oracle)', levelSwap(sm, [y]));
    const totals: number[] = [];
    for (let h = 0; h < horizon; h += p) totals.push(y.slice(h, h + p).reduce((a, b) => a + b, 0));
    for (const K of [2, 3])
      add(
        `svd-reg K${K}, β_1 set so the total is TRUE (oracle)`,
        svdMeans(
          training,
          horizon,
          { K, model: { kind: 'reg', alpha: 0.5, beta: 0.1, delta: 0.9 }, bt: 'var' },
          totals,
        ).map(poissonMedian),
      );
    add(
      `svd-holt K1, β_1 set so the total is TRUE (oracle)`,
      svdMeans(training, horizon, fixed['svd-holt K1 (0.5,0.1,0.9)']!, totals).map(poissonMedian),
    );
    add('damped shape × TRUE total (oracle)', levelSwap(dm, [y]));
    const svdSmooth2 = svdMeans(training, horizon, {
      K: 2,
      model: { kind: 'holt', alpha: 0.5, beta: 0.1, delta: 0.9 },
      bt: 'var',
      smooth: 0.6,
    });
    add('svd-holt K2 smoothed v 0.6', svdSmooth2.map(poissonMedian));
    const fm = svdMeans(training, horizon, fixed['svd-ar K2']!);
    add(
      'mean(svd-ar K2, damped)',
      fm.map((x, i) => poissonMedian((x + dm[i]!) / 2)),
    );
  }
  const mae = (f: number[]) => {
    let s = 0;
    let c = 0;
    origins.forEach((o, k) => {
      for (let h = 0; h < horizon; h++) {
        if (!isWeekday(series, Math.floor((o + h) / p))) continue;
        s += Math.abs(f[k * horizon + h]! - actual[k * horizon + h]!);
        c++;
      }
    });
    return s / c;
  };
  const dayWape = (f: number[]) => {
    let e = 0;
    let t = 0;
    for (let i = 0; i < actual.length; i += p) {
      if (!isWeekday(series, Math.floor((origins[Math.floor(i / horizon)]! + (i % horizon)) / p))) continue;
      let a = 0;
      let b = 0;
      for (let j = 0; j < p; j++) {
        a += actual[i + j]!;
        b += f[i + j]!;
      }
      e += Math.abs(a - b);
      t += a;
    }
    return e / t;
  };
  const sn = mae(variants.snaive!);
  if (horizonDays === 1) {
    const k0 = origins.findIndex((o) => o >= 22 * p);
    const later = (f: number[]) => {
      let e = 0;
      let c = 0;
      for (let k = k0; k < origins.length; k++)
        for (let h = 0; h < horizon; h++) {
          if (!isWeekday(series, Math.floor((origins[k]! + h) / p))) continue;
          e += Math.abs(f[k * horizon + h]! - actual[k * horizon + h]!);
          c++;
        }
      return e / c;
    };
    const s2 = later(variants.snaive!);
    console.log(
      `origins of days 23–31 alone: ${['damped (core)', 'svd-cv', 'mean(svd-cv, damped)'].map((n) => `${n} ${pct(later(variants[n]!) / s2 - 1)}`).join(', ')}`,
    );
  }
  const cpu = process.cpuUsage(t0);
  console.log(
    `\n### ${stepMin} min, ${horizonDays} day(s) ahead, ${origins.length} origins (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU); svd-cv chose ${[...chosen].map(([k, v]) => `${k} ×${v}`).join(', ')}\n`,
  );
  console.log('| method | weekday MAE | vs snaive | day WAPE (weekdays) |\n| --- | --- | --- | --- |');
  for (const [name, f] of Object.entries(variants))
    console.log(`| ${name} | ${mae(f).toFixed(4)} | ${pct(mae(f) / sn - 1)} | ${pct(dayWape(f))} |`);
  // paired per-origin weekday absolute-error differences: combination − damped
  const A = variants['mean(svd-cv, damped)']!;
  const B = variants['damped (core)']!;
  const diffs: number[] = [];
  origins.forEach((o, k) => {
    let s = 0;
    let c = 0;
    for (let h = 0; h < horizon; h++) {
      if (!isWeekday(series, Math.floor((o + h) / p))) continue;
      s +=
        Math.abs(A[k * horizon + h]! - actual[k * horizon + h]!) -
        Math.abs(B[k * horizon + h]! - actual[k * horizon + h]!);
      c++;
    }
    if (c) diffs.push(s / c);
  });
  const md = diffs.reduce((a, b) => a + b, 0) / diffs.length;
  const sd = Math.sqrt(diffs.reduce((a, b) => a + (b - md) ** 2, 0) / (diffs.length - 1));
  console.log(
    `\ncombination − damped, per origin with weekdays (${diffs.length}): mean ${md.toFixed(4)}, sd ${sd.toFixed(4)}, t ${(md / (sd / Math.sqrt(diffs.length))).toFixed(2)}, better at ${diffs.filter((d) => d < 0).length}, worse at ${diffs.filter((d) => d > 0).length}; ${diffs.map((d) => d.toFixed(3)).join(' ')}`,
  );
}

const which = process.argv[2];
for (const step of [30, 15]) for (const h of [1, 7]) if (!which || which === `${step}-${h}`) run(step, h);
