// Per-interval means with 95% confidence intervals as error bars: one bar per series and interval,
// a whisker from mean − half-width to mean + half-width. Hand-written SVG, mirrored right to left.
import type { Estimate } from '@shoreline/core/simulation/index';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { directedX, niceTicks } from './chartScale';

export interface CiSeries {
  key: string;
  label: string;
  /** CSS class giving the bar its colour (plan-ci-0, plan-ci-1, …). */
  className: string;
  values: Estimate[];
}

const W = 720;
const H = 240;
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
  const { i18n } = useTranslation();
  const id = useId();
  const rtl = i18n.dir() === 'rtl';
  const x = directedX(W, rtl);
  const plotW = W - PAD.start - PAD.end;
  const plotH = H - PAD.top - PAD.bottom;
  let dataMax = 0;
  for (const s of props.series)
    for (const v of s.values) dataMax = Math.max(dataMax, (v.mean ?? 0) + (v.halfWidth95 ?? 0));
  const ticks = props.max !== undefined ? niceTicks(props.max, 4) : niceTicks(dataMax || 1, 4);
  const top = ticks.at(-1) ?? 1;
  const y = (v: number) => PAD.top + plotH * (1 - Math.min(Math.max(v, 0), top) / top);
  const band = plotW / Math.max(1, props.labels.length);
  const barW = (band * 0.7) / Math.max(1, props.series.length);

  return (
    <figure className="plan-figure">
      <svg
        className="plan-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        direction="ltr"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="plan-grid" x1={x(PAD.start)} x2={x(W - PAD.end)} y1={y(tick)} y2={y(tick)} />
            <text
              className="plan-axis-label"
              x={x(PAD.start - 6)}
              y={y(tick) + 4}
              textAnchor={rtl ? 'start' : 'end'}
            >
              {props.format(tick)}
            </text>
          </g>
        ))}
        {props.labels.map((label, i) => (
          <g key={label.key}>
            {props.series.map((s, k) => {
              const v = s.values[i];
              if (!v || v.mean === null) return null;
              const left = PAD.start + i * band + band * 0.15 + k * barW;
              const centre = x(left + barW * 0.45);
              const half = v.halfWidth95 ?? 0;
              return (
                <g key={s.key}>
                  <rect
                    className={`plan-ci-bar ${s.className}`}
                    x={rtl ? W - left - barW * 0.9 : left}
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
            <text
              className="plan-axis-label"
              x={x(PAD.start + (i + 0.5) * band)}
              y={H - PAD.bottom + 16}
              textAnchor="middle"
            >
              {label.text}
            </text>
          </g>
        ))}
        <line className="plan-axis" x1={x(PAD.start)} x2={x(W - PAD.end)} y1={y(0)} y2={y(0)} />
      </svg>
      <figcaption className="plan-legend">
        {props.series.map((s) => (
          <span key={s.key} className="plan-legend-item">
            <span className={`plan-swatch ${s.className}`} aria-hidden="true" />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
