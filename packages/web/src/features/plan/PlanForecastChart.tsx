// A saved plan's forecast against the week of history before it: history and forecast as lines,
// the prediction band shaded, scheduled agents as bars on their own scale would crowd it, so the
// coverage is a second chart (required against scheduled). Kit chart parts (mirrored right to left).
import { useTranslation } from 'react-i18next';
import { Baseline, Chart, useRtl, ValueAxis } from '../../kit/chart/Chart';
import { frame, linearY, niceTicks } from '../../kit/chart/scale';
import { usePlanFormat } from './usePlanFormat';

const PAD = { start: 46, end: 14, top: 14, bottom: 24 };

function line(values: readonly number[], x: (i: number) => number, y: (v: number) => number): string {
  return values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`).join('');
}

/** Two series on one time axis: `first` then `second` after it (history → forecast), or overlaid. */
export function PlanSeriesChart(props: {
  title: string;
  description: string;
  first: { label: string; values: readonly number[] };
  second: {
    label: string;
    values: readonly number[];
    band?: { lower: readonly number[]; upper: readonly number[] };
  };
  /** The second series continues the first in time (else both span the same intervals). */
  after: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const fr = frame(900, 240, PAD, useRtl());
  const { first, second } = props;
  const offset = props.after ? first.values.length : 0;
  const n = Math.max(1, offset + second.values.length, first.values.length);
  const peak = Math.max(1, ...first.values, ...second.values, ...(second.band?.upper ?? []));
  const ticks = niceTicks(peak);
  const y = linearY(fr, ticks.at(-1) ?? 1);
  const x = (i: number) => fr.x(PAD.start + (i / n) * fr.plotWidth);
  const band = second.band
    ? `${line(second.band.upper, (i) => x(i + offset), y)}${second.band.lower
        .map((v, i) => ({ v, i }))
        .reverse()
        .map(({ v, i }) => `L${x(i + offset).toFixed(1)} ${y(v).toFixed(1)}`)
        .join('')}Z`
    : null;
  return (
    <div data-testid={props.testId}>
      <Chart
        frame={fr}
        title={props.title}
        description={props.description}
        className="plan-series-chart"
        legend={[
          { key: 'first', label: first.label, swatch: 'plan-swatch-required' },
          { key: 'second', label: second.label, swatch: 'plan-swatch-scheduled' },
          ...(band ? [{ key: 'band', label: t('plan.plans.band'), swatch: 'plan-swatch-night' }] : []),
        ]}
      >
        <ValueAxis frame={fr} ticks={ticks} y={y} format={f.int} />
        {band ? <path className="plan-night" d={band} /> : null}
        <path className="plan-line-required" d={line(first.values, x, y)} />
        <path className="plan-line-forecast" d={line(second.values, (i) => x(i + offset), y)} />
        <Baseline frame={fr} y={y(0)} />
      </Chart>
    </div>
  );
}
