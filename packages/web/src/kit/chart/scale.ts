// Scales for the kit's SVG charts: round axis ticks, and a frame whose x runs in the reading
// direction (mirrored right to left) so every chart mirrors the same way.

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

export interface Padding {
  /** On the reading side where the value axis sits (left in LTR, right in RTL). */
  start: number;
  end: number;
  top: number;
  bottom: number;
}

/**
 * A chart's drawing area. Charts lay out in left-to-right units from `pad.start`; `x` and `box`
 * turn those into SVG coordinates, mirrored in right-to-left languages.
 */
export interface Frame {
  width: number;
  height: number;
  pad: Padding;
  rtl: boolean;
  plotWidth: number;
  plotHeight: number;
  /** A point's x. */
  x(ltr: number): number;
  /** The left edge of a box that starts at `ltr` (its reading-direction start) and is `width` wide. */
  box(ltr: number, width: number): number;
}

export function frame(width: number, height: number, pad: Padding, rtl: boolean): Frame {
  const x = directedX(width, rtl);
  return {
    width,
    height,
    pad,
    rtl,
    plotWidth: width - pad.start - pad.end,
    plotHeight: height - pad.top - pad.bottom,
    x,
    box: rtl ? (from, w) => width - from - w : (from) => from,
  };
}

/** A value scale from 0 at the bottom of the plot to `top` at its top (values clamped inside). */
export function linearY(f: Frame, top: number): (v: number) => number {
  const max = top > 0 ? top : 1;
  return (v) => f.pad.top + f.plotHeight * (1 - Math.min(Math.max(v, 0), max) / max);
}

/**
 * Which category labels fit under a plot without overlapping: every k-th one, with the smallest k
 * for which neighbouring kept labels are at least as far apart as the widest label (estimated at
 * `charWidth` per character plus a gap). `strong` labels are always kept. Returns kept indices.
 */
export function thinLabels(
  labels: readonly { at: number; text: string; strong?: boolean }[],
  charWidth = 6.5,
  gap = 8,
): number[] {
  if (labels.length < 2) return labels.map((_, i) => i);
  const widest = Math.max(...labels.map((l) => l.text.length)) * charWidth + gap;
  let spacing = Number.POSITIVE_INFINITY;
  for (let i = 1; i < labels.length; i++)
    spacing = Math.min(spacing, Math.abs(labels[i]!.at - labels[i - 1]!.at));
  const step = spacing > 0 ? Math.max(1, Math.ceil(widest / spacing)) : labels.length;
  return labels.flatMap((l, i) => (i % step === 0 || l.strong ? [i] : []));
}
