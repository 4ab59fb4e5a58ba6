// Small helpers for the hand-written SVG charts: nice axis ticks and a mirrored x for right-to-left.

/** About `count` round tick values from 0 to at least `max` (1, 2, 2.5 or 5 × 10^k steps). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  if ((ticks.at(-1) ?? 0) < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Maps a left-to-right x in [0, width] to the reading direction: mirrored when `rtl`. */
export function directedX(width: number, rtl: boolean): (x: number) => number {
  return rtl ? (x) => width - x : (x) => x;
}
