// A saved plan's backtest (each candidate method's errors against seasonal naive, as a table and a
// bar chart of interval WAPE) and its shifts as a Gantt chart (one bar per shift, the meal a gap),
// with the exports of the schedule (CSV, iCalendar). Kit chart parts, mirrored right to left.
import type { SavedPlan } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Chart, useRtl } from '../../kit/chart/Chart';
import { frame } from '../../kit/chart/scale';
import { columnsOf } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { useFormat } from '../../lib/useFormat';
import { GanttDays, isoDate, planTimeAxis } from './ganttAxis';
import { planFormat } from './numbers';
import { ScheduleExports } from './ScheduleExports';

type Result = NonNullable<SavedPlan['result']>;
type BacktestRow = NonNullable<Result['backtest']>[number];

/** Each method's backtest at the interval and the day level, and its interval WAPE as bars. */
export function PlanBacktest({ result }: { result: Result }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const f = planFormat(fmt.locale);
  const col = columnsOf<BacktestRow>(fmt);
  // Errors to two decimals, shares to one.
  const dec2 = (n: number) => f.dec(n, 2);
  const pct1 = (n: number) => f.pct(n, 1);
  const rows = result.backtest ?? [];
  const fr = frame(900, 30 + rows.length * 26, { start: 110, end: 60, top: 8, bottom: 8 }, useRtl());
  if (rows.length === 0) return null;
  const naive = rows.find((b) => b.method === 'snaive')?.interval.wape ?? null;
  const top = Math.max(0.01, ...rows.map((b) => b.interval.wape ?? 0));
  const pct = (n: number | null) => (n === null ? '—' : f.pct(n, 1));
  const versus = (b: BacktestRow) =>
    naive !== null && naive > 0 && b.interval.wape !== null ? b.interval.wape / naive - 1 : null;
  return (
    <section className="card" data-testid="plan-backtest">
      <h2>{t('plan.backtest.title')}</h2>
      <p>{t('plan.backtest.intro', { method: result.method })}</p>
      <Chart
        frame={fr}
        title={t('plan.backtest.chartTitle')}
        description={rows.map((b) => `${b.method}: ${pct(b.interval.wape)}`).join('; ')}
      >
        {rows.map((b, i) => {
          const width = ((b.interval.wape ?? 0) / top) * fr.plotWidth;
          const y = fr.pad.top + 8 + i * 26;
          return (
            <g key={b.method}>
              <text x={fr.x(fr.pad.start - 8)} y={y + 13} textAnchor={fr.rtl ? 'start' : 'end'}>
                {b.method}
              </text>
              <rect
                className={b.method === result.method ? 'plan-bar-chosen' : 'plan-bar'}
                x={fr.box(fr.pad.start, width)}
                y={y}
                width={width}
                height={18}
              />
              <text x={fr.x(fr.pad.start + width + 6)} y={y + 13} textAnchor={fr.rtl ? 'end' : 'start'}>
                {pct(b.interval.wape)}
              </text>
            </g>
          );
        })}
      </Chart>
      <DataTable<BacktestRow>
        testId="plan-backtest-table"
        caption={t('plan.backtest.title')}
        rows={rows}
        rowKey={(b) => b.method}
        columns={[
          col.text('method', t('plan.backtest.col.method'), (b) => b.method, { rowHeader: true }),
          col.number('mae', t('plan.backtest.col.mae'), (b) => b.interval.mae, dec2),
          col.number('wape', t('plan.backtest.col.wape'), (b) => b.interval.wape, pct1),
          col.number('mase', t('plan.backtest.col.mase'), (b) => b.interval.mase, dec2),
          col.number('vsNaive', t('plan.backtest.col.vsNaive'), versus, pct1),
          col.number('dayWape', t('plan.backtest.col.dayWape'), (b) => b.day.wape, pct1),
          col.number('dayMase', t('plan.backtest.col.dayMase'), (b) => b.day.mase, dec2),
        ]}
      />
    </section>
  );
}

const ROW = 14;
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The shifts on the plan's time axis: one row per shift (its agents in the label), meals as gaps. */
export function ShiftGantt({ plan }: { plan: SavedPlan }) {
  const { t } = useTranslation();
  const r = plan.result!;
  const rtl = useRtl();
  const shifts = r.providers.flatMap((p, k) =>
    p.shifts.map((s, j) => ({ ...s, provider: p.name, k, key: `${p.id}-${j}` })),
  );
  const fr = frame(900, 40 + shifts.length * ROW, { start: 150, end: 10, top: 24, bottom: 8 }, rtl);
  const axis = planTimeAxis(r, fr);
  const { minuteOf, xAt } = axis;
  return (
    <section className="card" data-testid="plan-gantt">
      <h2>{t('plan.gantt.title')}</h2>
      <ScheduleExports planId={plan.id} />
      <Chart
        frame={fr}
        title={t('plan.gantt.title')}
        description={t('plan.gantt.desc', { shifts: shifts.length, providers: r.providers.length })}
        className="plan-gantt"
      >
        <GanttDays axis={axis} fr={fr} lineRise={14} label={isoDate} />
        {shifts.map((s, i) => {
          const from = minuteOf(s.day, s.start);
          const length = (minutesOf(s.end) - minutesOf(s.start) + 1440) % 1440 || 1440;
          const to = from + length;
          const meal = s.mealStart === null ? null : (minuteOf(s.day, s.mealStart) - from + 1440) % 1440;
          const y = fr.pad.top + i * ROW;
          const mealLength = Math.max(30, r.stepMin);
          const pieces =
            meal === null
              ? [[from, to]]
              : [
                  [from, from + meal],
                  [from + meal + mealLength, to],
                ];
          return (
            <g key={s.key} data-testid="plan-gantt-shift">
              <text x={fr.x(fr.pad.start - 6)} y={y + 10} textAnchor={rtl ? 'start' : 'end'}>
                {`${s.provider} × ${s.count}`}
              </text>
              {pieces.map(([a, b]) => {
                const x0 = xAt(a!);
                const width = Math.max(1, xAt(b!) - x0);
                return (
                  <rect
                    key={a}
                    className={`plan-gantt-bar plan-gantt-bar-${s.k % 4}`}
                    x={fr.box(x0, width)}
                    y={y + 2}
                    width={width}
                    height={ROW - 4}
                  />
                );
              })}
            </g>
          );
        })}
      </Chart>
    </section>
  );
}
