// Insight's charts, drawn with the kit's chart parts: horizontal bars, volume and backlog over
// time, an hour-of-week heatmap and topic small multiples. Each is an image to assistive
// technology whose description states the figures; the same figures are in the table beside every
// chart, whose rows are the keyboard path to the drill-down. Mirrored right to left.
import type { ComponentProps } from 'react';
import { Baseline, CategoryLabels, Chart, useRtl, ValueAxis } from '../../kit/chart/Chart';
import { frame, linearY, niceTicks } from '../../kit/chart/scale';
import { useFormat } from '../../lib/useFormat';

export interface BarItem {
  key: string;
  label: string;
  value: number | null;
  display: string;
  /** Drill-down; absent when the group cannot be filtered on. */
  onSelect?: (() => void) | undefined;
}

/** The kit's chart, styled as Insight's (`insight-chart`); a variant adds its own class. */
function InsightChart(
  props: Omit<ComponentProps<typeof Chart>, 'className'> & { variant?: 'heatmap' | 'multiple' },
) {
  const { variant, ...chart } = props;
  return <Chart {...chart} className={variant ? `insight-chart insight-${variant}` : 'insight-chart'} />;
}

const trim = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One horizontal bar per group, longest scale wins; the value is written at the bar's end. */
export function BarChart(props: { title: string; items: BarItem[]; testId?: string }) {
  const row = 26;
  const pad = { start: 170, end: 110, top: 6, bottom: 6 };
  const fr = frame(720, pad.top + pad.bottom + Math.max(1, props.items.length) * row, pad, useRtl());
  const max = Math.max(0, ...props.items.map((i) => i.value ?? 0));
  const len = (v: number) => (max > 0 ? (fr.plotWidth * v) / max : 0);
  const description = props.items.map((i) => `${i.label}: ${i.display}`).join('; ');
  return (
    <InsightChart frame={fr} title={props.title} description={description} testId={props.testId}>
      {props.items.map((item, i) => {
        const y = pad.top + i * row;
        const w = Math.max(item.value ? 2 : 0, len(item.value ?? 0));
        const clickable = item.onSelect !== undefined;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the table beside the chart holds the same drill-down links for keyboards.
          <g
            key={item.key}
            className={clickable ? 'chart-clickable insight-clickable' : undefined}
            onClick={item.onSelect}
          >
            <text
              className="chart-axis-label"
              x={fr.x(pad.start - 8)}
              y={y + row / 2 + 4}
              textAnchor={fr.rtl ? 'start' : 'end'}
            >
              {trim(item.label, 24)}
            </text>
            <rect
              className="insight-bar"
              data-key={item.key}
              x={fr.box(pad.start, w)}
              y={y + 4}
              width={w}
              height={row - 8}
              rx={2}
            >
              <title>{`${item.label}: ${item.display}`}</title>
            </rect>
            <text
              className="chart-value-label"
              x={fr.x(pad.start + w + 6)}
              y={y + row / 2 + 4}
              textAnchor={fr.rtl ? 'end' : 'start'}
            >
              {item.display}
            </text>
          </g>
        );
      })}
      <line
        className="chart-axis"
        x1={fr.x(pad.start)}
        x2={fr.x(pad.start)}
        y1={pad.top}
        y2={fr.height - pad.bottom}
      />
    </InsightChart>
  );
}

export interface VolumeDatum {
  start: string;
  created: number;
  solved: number;
  backlog: number;
}

/** Tickets created per bucket as bars, solved and backlog as lines. Clicking a bar drills down. */
export function VolumeChart(props: {
  title: string;
  points: VolumeDatum[];
  dateLabel: (start: string) => string;
  onSelect?: (start: string) => void;
  legend: { created: string; solved: string; backlog: string };
}) {
  const fmt = useFormat();
  const pad = { start: 48, end: 14, top: 12, bottom: 34 };
  const fr = frame(900, 280, pad, useRtl());
  const n = props.points.length;
  const band = fr.plotWidth / Math.max(1, n);
  const ticks = niceTicks(Math.max(1, ...props.points.map((p) => Math.max(p.created, p.solved, p.backlog))));
  const y = linearY(fr, ticks.at(-1) ?? 1);
  const mid = (i: number) => pad.start + (i + 0.5) * band;
  const line = (get: (p: VolumeDatum) => number) =>
    props.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${fr.x(mid(i)).toFixed(1)} ${y(get(p)).toFixed(1)}`)
      .join('');
  const every = Math.max(1, Math.ceil(n / 8));
  const total = props.points.reduce((s, p) => s + p.created, 0);
  const last = props.points.at(-1);
  const description = `${props.legend.created}: ${fmt.number(total)}. ${props.legend.backlog}: ${fmt.number(
    last?.backlog ?? 0,
  )}${last ? ` (${props.dateLabel(last.start)})` : ''}. ${props.points
    .map((p) => `${props.dateLabel(p.start)} ${p.created}/${p.solved}/${p.backlog}`)
    .join('; ')}`;
  return (
    <InsightChart
      frame={fr}
      title={props.title}
      description={description}
      legend={[
        { key: 'created', label: props.legend.created, swatch: 'insight-swatch-bar' },
        { key: 'solved', label: props.legend.solved, swatch: 'insight-swatch-solved' },
        { key: 'backlog', label: props.legend.backlog, swatch: 'insight-swatch-backlog' },
      ]}
    >
      <ValueAxis frame={fr} ticks={ticks} y={y} format={(v) => fmt.number(v)} />
      {props.points.map((p, i) => {
        const w = Math.max(1, band * 0.7);
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the filters and tables give the same drill-down by keyboard.
          <rect
            key={p.start}
            className={props.onSelect ? 'insight-bar chart-clickable insight-clickable' : 'insight-bar'}
            data-start={p.start}
            x={fr.box(pad.start + i * band + (band - w) / 2, w)}
            y={y(p.created)}
            width={w}
            height={y(0) - y(p.created)}
            onClick={props.onSelect ? () => props.onSelect?.(p.start) : undefined}
          >
            <title>{`${props.dateLabel(p.start)}: ${props.legend.created} ${fmt.number(p.created)}, ${
              props.legend.solved
            } ${fmt.number(p.solved)}, ${props.legend.backlog} ${fmt.number(p.backlog)}`}</title>
          </rect>
        );
      })}
      {n > 1 ? <path className="insight-line-solved" d={line((p) => p.solved)} /> : null}
      {n > 1 ? <path className="insight-line-backlog" d={line((p) => p.backlog)} /> : null}
      <Baseline frame={fr} y={y(0)} />
      <CategoryLabels
        frame={fr}
        y={y(0) + 2}
        labels={props.points
          .map((p, i) => ({ key: p.start, at: mid(i), text: props.dateLabel(p.start) }))
          .filter((_, i) => i % every === 0)}
      />
    </InsightChart>
  );
}

/** 7 days × 24 hours, darker = more; clicking a cell drills down. */
export function HourHeatmap(props: {
  title: string;
  /** Value per hour of the week (0 = Monday 00:00), null where nothing was measured. */
  values: (number | null)[];
  display: (how: number) => string;
  dayLabel: (day: number) => string;
  onSelect?: (how: number) => void;
}) {
  const cell = 30;
  const pad = { start: 56, end: 4, top: 22, bottom: 4 };
  const fr = frame(pad.start + 24 * cell + pad.end, pad.top + 7 * cell + pad.bottom, pad, useRtl());
  const max = Math.max(0, ...props.values.map((v) => v ?? 0));
  const description = props.values
    .map((v, i) => (v !== null && v > 0 ? props.display(i) : null))
    .filter((d) => d !== null)
    .join('; ');
  return (
    <InsightChart frame={fr} title={props.title} description={description} variant="heatmap">
      {Array.from({ length: 8 }, (_, k) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the hour of the day ÷ 3.
          key={k}
          className="chart-axis-label"
          x={fr.x(pad.start + k * 3 * cell + cell / 2)}
          y={14}
          textAnchor="middle"
        >
          {String(k * 3).padStart(2, '0')}
        </text>
      ))}
      {Array.from({ length: 7 }, (_, d) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the day of the week.
          key={d}
          className="chart-axis-label"
          x={fr.x(pad.start - 6)}
          y={pad.top + d * cell + cell / 2 + 4}
          textAnchor={fr.rtl ? 'start' : 'end'}
        >
          {props.dayLabel(d)}
        </text>
      ))}
      {props.values.map((v, how) => {
        const share = v && max > 0 ? v / max : 0;
        const clickable = props.onSelect !== undefined && v !== null && v > 0;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the table below the heatmap links every hour.
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the hour of the week.
            key={how}
            className={clickable ? 'insight-cell chart-clickable insight-clickable' : 'insight-cell'}
            data-hour-of-week={how}
            x={fr.box(pad.start + (how % 24) * cell, cell - 2)}
            y={pad.top + Math.floor(how / 24) * cell}
            width={cell - 2}
            height={cell - 2}
            rx={3}
            style={v ? { fillOpacity: 0.12 + 0.88 * share } : { fill: 'var(--bg)' }}
            onClick={clickable ? () => props.onSelect?.(how) : undefined}
          >
            <title>{props.display(how)}</title>
          </rect>
        );
      })}
    </InsightChart>
  );
}

/** A small bar chart of one series over shared buckets (one per topic, side by side). */
export function SmallMultiple(props: {
  title: string;
  description: string;
  values: number[];
  max: number;
  onSelect?: () => void;
}) {
  const fr = frame(240, 64, { start: 0, end: 0, top: 4, bottom: 2 }, useRtl());
  const y = linearY(fr, Math.max(1, props.max));
  const band = fr.plotWidth / Math.max(1, props.values.length);
  const w = Math.max(1, band * 0.75);
  return (
    <InsightChart frame={fr} title={props.title} description={props.description} variant="multiple">
      {props.values.map((v, i) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the topic name above is the link.
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional and shared.
          key={i}
          className={props.onSelect ? 'insight-bar chart-clickable insight-clickable' : 'insight-bar'}
          x={fr.box(i * band + (band - w) / 2, w)}
          y={y(v)}
          width={w}
          height={y(0) - y(v)}
          onClick={props.onSelect}
        />
      ))}
      <Baseline frame={fr} y={fr.height - 1.5} />
    </InsightChart>
  );
}

/** A bar inside a table cell (HTML, so it mirrors with the text). */
export function InlineBar({ share, tone }: { share: number; tone?: 'a' | 'b' }) {
  return (
    <span className="insight-inline-bar" aria-hidden="true">
      <span
        className={tone === 'b' ? 'insight-inline-fill insight-inline-b' : 'insight-inline-fill'}
        style={{ inlineSize: `${Math.max(0, Math.min(1, share)) * 100}%` }}
      />
    </span>
  );
}
