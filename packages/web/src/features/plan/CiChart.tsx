// Per-interval means with 95% confidence intervals as error bars: one bar per series and interval,
// a whisker from mean − half-width to mean + half-width. Drawn with the kit's chart parts.
import type { Estimate } from '@shoreline/core/simulation/index';
import { Baseline, CategoryLabels, Chart, useRtl, ValueAxis } from '../../kit/chart/Chart';
import { frame, linearY, niceTicks } from '../../kit/chart/scale';

export interface CiSeries {
  key: string;
  label: string;
  /** CSS class giving the bar its colour (plan-ci-0, plan-ci-1, …). */
  className: string;
  values: Estimate[];
}

const PAD = { start: 52, end: 14, top: 14, bottom: 36 };

export function CiChart(props: {
  title: string;
  description: string;
  /** One per interval: a stable key and the axis text. */
  labels: { key: string; text: string }[];
  series: CiSeries[];
  format: (value: number) => string;
  /** Fixed top of the scale (1 for shares); else from the data. */
  max?: number;
}) {
  const fr = frame(720, 240, PAD, useRtl());
  let dataMax = 0;
  for (const s of props.series)
    for (const v of s.values) dataMax = Math.max(dataMax, (v.mean ?? 0) + (v.halfWidth95 ?? 0));
  const ticks = niceTicks(props.max ?? (dataMax || 1), 4);
  const y = linearY(fr, ticks.at(-1) ?? 1);
  const band = fr.plotWidth / Math.max(1, props.labels.length);
  const barW = (band * 0.7) / Math.max(1, props.series.length);

  return (
    <Chart
      frame={fr}
      title={props.title}
      description={props.description}
      legend={props.series.map((s) => ({ key: s.key, label: s.label, swatch: s.className }))}
    >
      <ValueAxis frame={fr} ticks={ticks} y={y} format={props.format} />
      {props.labels.map((label, i) => (
        <g key={label.key}>
          {props.series.map((s, k) => {
            const v = s.values[i];
            if (!v || v.mean === null) return null;
            const left = PAD.start + i * band + band * 0.15 + k * barW;
            const centre = fr.x(left + barW * 0.45);
            const half = v.halfWidth95 ?? 0;
            return (
              <g key={s.key}>
                <rect
                  className={`plan-ci-bar ${s.className}`}
                  x={fr.box(left, barW * 0.9)}
                  y={y(v.mean)}
                  width={barW * 0.9}
                  height={y(0) - y(v.mean)}
                />
                {half > 0 ? (
                  <g className="plan-whisker">
                    <line x1={centre} x2={centre} y1={y(v.mean - half)} y2={y(v.mean + half)} />
                    <line x1={centre - 4} x2={centre + 4} y1={y(v.mean + half)} y2={y(v.mean + half)} />
                    <line x1={centre - 4} x2={centre + 4} y1={y(v.mean - half)} y2={y(v.mean - half)} />
                  </g>
                ) : null}
              </g>
            );
          })}
        </g>
      ))}
      <CategoryLabels
        frame={fr}
        y={y(0)}
        labels={props.labels.map((label, i) => ({
          key: label.key,
          at: PAD.start + (i + 0.5) * band,
          text: label.text,
        }))}
      />
      <Baseline frame={fr} y={y(0)} />
    </Chart>
  );
}
