// Required (productive) and scheduled agents per interval for a day or a week: scheduled as bars,
// required as a step line, night intervals shaded. Drawn with the kit's chart parts (mirrored right to left).
import { useTranslation } from 'react-i18next';
import { Baseline, CategoryLabels, Chart, useRtl, ValueAxis } from '../../kit/chart/Chart';
import { frame, linearY, niceTicks } from '../../kit/chart/scale';
import type { PlanColumns } from './intervalCompute';
import type { IntervalTable } from './intervalCsv';
import { usePlanFormat } from './usePlanFormat';

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
  const { t } = useTranslation();
  const f = usePlanFormat();
  const { table, columns, rows } = props;
  const fr = frame(900, 290, PAD, useRtl());
  const n = rows.length;
  const band = fr.plotWidth / Math.max(1, n);

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
  const y = linearY(fr, ticks.at(-1) ?? 1);
  const left = (i: number) => PAD.start + i * band;
  const x = fr.x;

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
    <Chart
      frame={fr}
      title={title}
      description={description}
      className="plan-staffing-chart"
      legend={[
        { key: 'scheduled', label: t('plan.intervals.legendScheduled'), swatch: 'plan-swatch-scheduled' },
        { key: 'required', label: t('plan.intervals.legendRequired'), swatch: 'plan-swatch-required' },
        { key: 'night', label: t('plan.intervals.legendNight'), swatch: 'plan-swatch-night' },
      ]}
    >
      {nights.map(([from, to]) => (
        <rect
          key={from}
          className="plan-night"
          x={fr.box(left(from), (to - from) * band)}
          y={PAD.top}
          width={(to - from) * band}
          height={fr.plotHeight}
        />
      ))}
      <ValueAxis frame={fr} ticks={ticks} y={y} format={f.int} />
      {Array.from(rows, (r, i) => {
        const s = columns.scheduled[r]!;
        if (s === 0) return null;
        const width = Math.max(band * 0.8, 0.6);
        return (
          <rect
            key={r}
            className="plan-bar-scheduled"
            x={fr.box(left(i) + (band - width) / 2, width)}
            y={y(s)}
            width={width}
            height={y(0) - y(s)}
          />
        );
      })}
      <path className="plan-line-required" d={path} />
      <Baseline frame={fr} y={y(0)} />
      <CategoryLabels
        frame={fr}
        y={y(0) + 2}
        ticks
        labels={labels.map((label) => ({ key: label.i, at: left(label.i), text: label.text }))}
      />
    </Chart>
  );
}
