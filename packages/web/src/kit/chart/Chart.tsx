// The kit's chart parts: one frame (an image to assistive technology, with a title and a
// description that states the figures), a value axis with grid lines, the baseline, category
// labels and a legend. Plan and Insight draw their series inside these; everything mirrors right
// to left through the Frame (scale.ts).
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Frame, thinLabels } from './scale';
import '../kit.css';

export interface LegendItem {
  key: string;
  label: ReactNode;
  /** CSS class colouring the swatch like its series. */
  swatch: string;
}

/** Whether the page reads right to left (Hebrew). */
export function useRtl(): boolean {
  return useTranslation().i18n.dir() === 'rtl';
}

export function Chart(props: {
  frame: Frame;
  title: string;
  /** The figures in words: what a screen reader says instead of the picture. */
  description: string;
  className?: string;
  legend?: LegendItem[];
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  const { width, height } = props.frame;
  const svg = (
    <svg
      className={`chart ${props.className ?? ''}`}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      // Coordinates are mirrored by the frame; the SVG's own text direction stays fixed.
      direction="ltr"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
  if (!props.legend) return props.testId ? <div data-testid={props.testId}>{svg}</div> : svg;
  return (
    <figure className="chart-figure" data-testid={props.testId}>
      {svg}
      <Legend items={props.legend} />
    </figure>
  );
}

export function Legend({ items }: { items: LegendItem[] }) {
  return (
    <figcaption className="chart-legend">
      {items.map((item) => (
        <span key={item.key} className="chart-legend-item">
          <span className={`chart-swatch ${item.swatch}`} aria-hidden="true" />
          {item.label}
        </span>
      ))}
    </figcaption>
  );
}

/** Grid lines across the plot at each tick, labelled on the reading-direction start side. */
export function ValueAxis(props: {
  frame: Frame;
  ticks: number[];
  y: (v: number) => number;
  format: (v: number) => string;
}) {
  const { frame: f, y } = props;
  return (
    <g className="chart-value-axis">
      {props.ticks.map((tick) => (
        <g key={tick}>
          <line
            className="chart-grid"
            x1={f.x(f.pad.start)}
            x2={f.x(f.width - f.pad.end)}
            y1={y(tick)}
            y2={y(tick)}
          />
          <text
            className="chart-axis-label"
            x={f.x(f.pad.start - 6)}
            y={y(tick) + 4}
            textAnchor={f.rtl ? 'start' : 'end'}
          >
            {props.format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The line the bars stand on. */
export function Baseline({ frame: f, y }: { frame: Frame; y: number }) {
  return <line className="chart-axis" x1={f.x(f.pad.start)} x2={f.x(f.width - f.pad.end)} y1={y} y2={y} />;
}

/** Labels under the plot, each centred on its left-to-right x; with `ticks`, a short mark above. */
export function CategoryLabels(props: {
  frame: Frame;
  labels: { key: string | number; at: number; text: ReactNode; strong?: boolean }[];
  y: number;
  ticks?: boolean;
}) {
  const { frame: f } = props;
  // Thin text labels that would overlap (a simulation's many intervals): every k-th one is kept.
  const texts = props.labels.map((l) =>
    typeof l.text === 'string' || typeof l.text === 'number' ? String(l.text) : null,
  );
  const kept = texts.every((x) => x !== null)
    ? new Set(
        thinLabels(
          props.labels.map((l, i) => ({ at: f.x(l.at), text: texts[i]!, strong: l.strong ?? false })),
        ),
      )
    : null;
  return (
    <g className="chart-category-axis">
      {props.labels.map((label, i) => (
        <g key={label.key}>
          {props.ticks ? (
            <line
              className="chart-axis"
              x1={f.x(label.at)}
              x2={f.x(label.at)}
              y1={props.y}
              y2={props.y + 5}
            />
          ) : null}
          {kept === null || kept.has(i) ? (
            <text
              className={label.strong ? 'chart-axis-label chart-axis-strong' : 'chart-axis-label'}
              x={f.x(label.at)}
              y={props.y + 16}
              textAnchor="middle"
            >
              {label.text}
            </text>
          ) : null}
        </g>
      ))}
    </g>
  );
}
