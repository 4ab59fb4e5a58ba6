// Required (productive) and scheduled agents per interval for a day or a week: scheduled as bars,
// required as a step line, night intervals shaded. Hand-written SVG, mirrored right to left.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/useFormat';
import { directedX, niceTicks } from './chartScale';
import type { PlanColumns } from './intervalCompute';
import type { IntervalTable } from './intervalCsv';
import { planFormat } from './numbers';

const W = 900;
const H = 290;
const PAD = { start: 46, end: 14, top: 14, bottom: 38 };

export function StaffingChart(props: {
  table: IntervalTable;
  columns: PlanColumns;
  /** Row indices shown, in time order. */
  rows: Int32Array;
  /** The period shown, for the title ("4 Mar 2025"). */
  periodLabel: string;
  week: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { locale } = useFormat();
  const f = planFormat(locale);
  const id = useId();
  const { table, columns, rows } = props;
  const rtl = i18n.dir() === 'rtl';
  const x = directedX(W, rtl);
  const plotW = W - PAD.start - PAD.end;
  const plotH = H - PAD.top - PAD.bottom;
  const n = rows.length;
  const band = plotW / Math.max(1, n);

  let peak = 0;
  let peakRow = rows[0] ?? 0;
  let agentHours = 0;
  for (const r of rows) {
    const s = columns.scheduled[r]!;
    if (s > peak) {
      peak = s;
      peakRow = r;
    }
    agentHours += (s * table.intervalMin[r]!) / 60;
  }
  const ticks = niceTicks(Math.max(peak, 1));
  const top = ticks.at(-1) ?? 1;
  const y = (v: number) => PAD.top + plotH * (1 - v / top);
  const left = (i: number) => PAD.start + i * band;
  const rect = (from: number, width: number) => (rtl ? W - from - width : from);

  // Required agents as one step path.
  let path = '';
  rows.forEach((r, i) => {
    const yy = y(columns.raw[r]!).toFixed(1);
    path += `${i === 0 ? 'M' : 'L'}${x(left(i)).toFixed(1)} ${yy}L${x(left(i + 1)).toFixed(1)} ${yy}`;
  });

  // Night shading: contiguous runs of night intervals.
  const nights: [number, number][] = [];
  rows.forEach((r, i) => {
    if (!columns.night[r]) return;
    const last = nights.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else nights.push([i, i + 1]);
  });

  // Time labels: every three hours in a day, each midnight in a week.
  const labels: { i: number; text: string }[] = [];
  rows.forEach((r, i) => {
    const start = table.start[r]!;
    const hhmm = start.slice(11, 16);
    if (props.week) {
      if (i === 0 || start.slice(0, 10) !== table.start[rows[i - 1]!]!.slice(0, 10))
        labels.push({ i, text: f.day(start.slice(0, 10), true) });
    } else if (hhmm.endsWith(':00') && Number(hhmm.slice(0, 2)) % 3 === 0) {
      labels.push({ i, text: f.clock(hhmm) });
    }
  });

  const peakStart = table.start[peakRow] ?? '';
  const title = t('plan.intervals.chartTitle', { period: props.periodLabel });
  const description = t('plan.intervals.chartDesc', {
    peak: f.int(peak),
    time: peakStart ? `${f.day(peakStart.slice(0, 10), true)} ${f.clock(peakStart.slice(11, 16))}` : '',
    hours: f.dec(agentHours, 1),
  });

  return (
    <figure className="plan-figure">
      <svg
        className="plan-chart plan-staffing-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        direction="ltr"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {nights.map(([from, to]) => (
          <rect
            key={from}
            className="plan-night"
            x={rect(left(from), (to - from) * band)}
            y={PAD.top}
            width={(to - from) * band}
            height={plotH}
          />
        ))}
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="plan-grid" x1={x(PAD.start)} x2={x(W - PAD.end)} y1={y(tick)} y2={y(tick)} />
            <text
              className="plan-axis-label"
              x={x(PAD.start - 6)}
              y={y(tick) + 4}
              textAnchor={rtl ? 'start' : 'end'}
            >
              {f.int(tick)}
            </text>
          </g>
        ))}
        {Array.from(rows, (r, i) => {
          const s = columns.scheduled[r]!;
          if (s === 0) return null;
          const width = Math.max(band * 0.8, 0.6);
          return (
            <rect
              key={r}
              className="plan-bar-scheduled"
              x={rect(left(i) + (band - width) / 2, width)}
              y={y(s)}
              width={width}
              height={y(0) - y(s)}
            />
          );
        })}
        <path className="plan-line-required" d={path} />
        <line className="plan-axis" x1={x(PAD.start)} x2={x(W - PAD.end)} y1={y(0)} y2={y(0)} />
        {labels.map((label) => (
          <g key={label.i}>
            <line className="plan-axis" x1={x(left(label.i))} x2={x(left(label.i))} y1={y(0)} y2={y(0) + 5} />
            <text className="plan-axis-label" x={x(left(label.i))} y={y(0) + 18} textAnchor="middle">
              {label.text}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="plan-legend">
        <span className="plan-legend-item">
          <span className="plan-swatch plan-swatch-scheduled" aria-hidden="true" />
          {t('plan.intervals.legendScheduled')}
        </span>
        <span className="plan-legend-item">
          <span className="plan-swatch plan-swatch-required" aria-hidden="true" />
          {t('plan.intervals.legendRequired')}
        </span>
        <span className="plan-legend-item">
          <span className="plan-swatch plan-swatch-night" aria-hidden="true" />
          {t('plan.intervals.legendNight')}
        </span>
      </figcaption>
    </figure>
  );
}
