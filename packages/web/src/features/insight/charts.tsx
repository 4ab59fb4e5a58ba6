// Hand-written SVG charts for Insight: horizontal bars, volume and backlog over time, an
// hour-of-week heatmap and topic small multiples. Each is an image to assistive technology (role
// "img" with a title and a description that states the figures); the same figures are in the table
// beside every chart, whose rows are the keyboard path to the drill-down. Mirrored right to left.
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/useFormat';
import { directedX, niceTicks } from '../plan/chartScale';

export interface BarItem {
  key: string;
  label: string;
  value: number | null;
  display: string;
  /** Drill-down; absent when the group cannot be filtered on. */
  onSelect?: (() => void) | undefined;
}

function Figure(props: {
  title: string;
  description: string;
  width: number;
  height: number;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <svg
      className={`insight-chart ${props.className ?? ''}`}
      viewBox={`0 0 ${props.width} ${props.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      direction="ltr"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

const trim = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One horizontal bar per group, longest scale wins; the value is written at the bar's end. */
export function BarChart(props: { title: string; items: BarItem[]; testId?: string }) {
  const { i18n } = useTranslation();
  const rtl = i18n.dir() === 'rtl';
  const W = 720;
  const row = 26;
  const pad = { start: 170, end: 110, top: 6, bottom: 6 };
  const H = pad.top + pad.bottom + Math.max(1, props.items.length) * row;
  const x = directedX(W, rtl);
  const max = Math.max(0, ...props.items.map((i) => i.value ?? 0));
  const plotW = W - pad.start - pad.end;
  const len = (v: number) => (max > 0 ? (plotW * v) / max : 0);
  const description = props.items.map((i) => `${i.label}: ${i.display}`).join('; ');
  return (
    <div data-testid={props.testId}>
      <Figure title={props.title} description={description} width={W} height={H}>
        {props.items.map((item, i) => {
          const y = pad.top + i * row;
          const w = Math.max(item.value ? 2 : 0, len(item.value ?? 0));
          const clickable = item.onSelect !== undefined;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the table beside the chart holds the same drill-down links for keyboards.
            <g key={item.key} className={clickable ? 'insight-clickable' : undefined} onClick={item.onSelect}>
              <text
                className="insight-axis-label"
                x={x(pad.start - 8)}
                y={y + row / 2 + 4}
                textAnchor={rtl ? 'start' : 'end'}
              >
                {trim(item.label, 24)}
              </text>
              <rect
                className="insight-bar"
                data-key={item.key}
                x={rtl ? W - pad.start - w : pad.start}
                y={y + 4}
                width={w}
                height={row - 8}
                rx={2}
              >
                <title>{`${item.label}: ${item.display}`}</title>
              </rect>
              <text
                className="insight-value-label"
                x={x(pad.start + w + 6)}
                y={y + row / 2 + 4}
                textAnchor={rtl ? 'end' : 'start'}
              >
                {item.display}
              </text>
            </g>
          );
        })}
        <line className="insight-axis" x1={x(pad.start)} x2={x(pad.start)} y1={pad.top} y2={H - pad.bottom} />
      </Figure>
    </div>
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
  const { i18n } = useTranslation();
  const fmt = useFormat();
  const rtl = i18n.dir() === 'rtl';
  const W = 900;
  const H = 280;
  const pad = { start: 48, end: 14, top: 12, bottom: 34 };
  const x = directedX(W, rtl);
  const n = props.points.length;
  const plotW = W - pad.start - pad.end;
  const plotH = H - pad.top - pad.bottom;
  const band = plotW / Math.max(1, n);
  const ticks = niceTicks(Math.max(1, ...props.points.map((p) => Math.max(p.created, p.solved, p.backlog))));
  const top = ticks.at(-1) ?? 1;
  const y = (v: number) => pad.top + plotH * (1 - v / top);
  const mid = (i: number) => pad.start + (i + 0.5) * band;
  const line = (get: (p: VolumeDatum) => number) =>
    props.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(mid(i)).toFixed(1)} ${y(get(p)).toFixed(1)}`)
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
    <figure className="insight-figure">
      <Figure title={props.title} description={description} width={W} height={H}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="insight-grid" x1={x(pad.start)} x2={x(W - pad.end)} y1={y(tick)} y2={y(tick)} />
            <text
              className="insight-axis-label"
              x={x(pad.start - 6)}
              y={y(tick) + 4}
              textAnchor={rtl ? 'start' : 'end'}
            >
              {fmt.number(tick)}
            </text>
          </g>
        ))}
        {props.points.map((p, i) => {
          const w = Math.max(1, band * 0.7);
          const left = pad.start + i * band + (band - w) / 2;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the filters and tables give the same drill-down by keyboard.
            <rect
              key={p.start}
              className={props.onSelect ? 'insight-bar insight-clickable' : 'insight-bar'}
              data-start={p.start}
              x={rtl ? W - left - w : left}
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
        <line className="insight-axis" x1={x(pad.start)} x2={x(W - pad.end)} y1={y(0)} y2={y(0)} />
        {props.points.map((p, i) =>
          i % every === 0 ? (
            <text
              key={p.start}
              className="insight-axis-label"
              x={x(mid(i))}
              y={y(0) + 18}
              textAnchor="middle"
            >
              {props.dateLabel(p.start)}
            </text>
          ) : null,
        )}
      </Figure>
      <figcaption className="insight-legend">
        <span className="insight-legend-item">
          <span className="insight-swatch insight-swatch-bar" aria-hidden="true" />
          {props.legend.created}
        </span>
        <span className="insight-legend-item">
          <span className="insight-swatch insight-swatch-solved" aria-hidden="true" />
          {props.legend.solved}
        </span>
        <span className="insight-legend-item">
          <span className="insight-swatch insight-swatch-backlog" aria-hidden="true" />
          {props.legend.backlog}
        </span>
      </figcaption>
    </figure>
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
  const { i18n } = useTranslation();
  const rtl = i18n.dir() === 'rtl';
  const cell = 30;
  const pad = { start: 56, top: 22 };
  const W = pad.start + 24 * cell + 4;
  const H = pad.top + 7 * cell + 4;
  const x = directedX(W, rtl);
  const max = Math.max(0, ...props.values.map((v) => v ?? 0));
  const measured = props.values.map((v, i) => ({ v, i })).filter((c) => c.v !== null && c.v > 0);
  const description = measured.map((c) => `${props.display(c.i)}`).join('; ');
  return (
    <Figure title={props.title} description={description} width={W} height={H} className="insight-heatmap">
      {Array.from({ length: 24 }, (_, h) =>
        h % 3 === 0 ? (
          <text
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the hour of the day.
            key={h}
            className="insight-axis-label"
            x={x(pad.start + h * cell + cell / 2)}
            y={14}
            textAnchor="middle"
          >
            {String(h).padStart(2, '0')}
          </text>
        ) : null,
      )}
      {Array.from({ length: 7 }, (_, d) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the day of the week.
          key={d}
          className="insight-axis-label"
          x={x(pad.start - 6)}
          y={pad.top + d * cell + cell / 2 + 4}
          textAnchor={rtl ? 'start' : 'end'}
        >
          {props.dayLabel(d)}
        </text>
      ))}
      {props.values.map((v, how) => {
        const d = Math.floor(how / 24);
        const h = how % 24;
        const left = pad.start + h * cell;
        const share = v && max > 0 ? v / max : 0;
        const clickable = props.onSelect !== undefined && v !== null && v > 0;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the table below the heatmap links every hour.
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the hour of the week.
            key={how}
            className={clickable ? 'insight-cell insight-clickable' : 'insight-cell'}
            data-hour-of-week={how}
            x={rtl ? W - left - (cell - 2) : left}
            y={pad.top + d * cell}
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
    </Figure>
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
  const { i18n } = useTranslation();
  const rtl = i18n.dir() === 'rtl';
  const W = 240;
  const H = 64;
  const n = props.values.length;
  const band = W / Math.max(1, n);
  const y = (v: number) => H - 2 - ((H - 6) * v) / Math.max(1, props.max);
  return (
    <Figure
      title={props.title}
      description={props.description}
      width={W}
      height={H}
      className="insight-multiple"
    >
      {props.values.map((v, i) => {
        const w = Math.max(1, band * 0.75);
        const left = i * band + (band - w) / 2;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the topic name above is the link.
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional and shared.
            key={i}
            className={props.onSelect ? 'insight-bar insight-clickable' : 'insight-bar'}
            x={rtl ? W - left - w : left}
            y={y(v)}
            width={w}
            height={H - 2 - y(v)}
            onClick={props.onSelect}
          />
        );
      })}
      <line className="insight-axis" x1={0} x2={W} y1={H - 1.5} y2={H - 1.5} />
    </Figure>
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
