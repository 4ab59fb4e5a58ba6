// The saved plan's time axis, shared by the shift Gantt and the per-agent Gantt: minutes from the
// forecast's start mapped onto the chart's plot, and a line and a date at each day's start.
import type { SavedPlan } from '@shoreline/server/contract';
import type { Frame } from '../../kit/chart/scale';

const DAY_MS = 86_400_000;

export interface PlanTimeAxis {
  startMs: number;
  days: number;
  /** Minutes from the forecast's start of a day's wall-clock time. */
  minuteOf(day: string, clock: string): number;
  /** The plot's x (before RTL mirroring) of a minute from the start, clamped to the horizon. */
  xAt(min: number): number;
}

export function planTimeAxis(result: NonNullable<SavedPlan['result']>, fr: Frame): PlanTimeAxis {
  const startMs = Date.parse(`${result.forecastStart}:00Z`);
  const horizonMin = result.forecast.volume.length * result.stepMin;
  return {
    startMs,
    days: Math.ceil(horizonMin / 1440),
    minuteOf: (day, clock) => (Date.parse(`${day}T${clock}:00Z`) - startMs) / 60_000,
    xAt: (min) => fr.pad.start + (Math.min(Math.max(min, 0), horizonMin) / horizonMin) * fr.plotWidth,
  };
}

/** A day's date as a Gantt heads it (UTC, as the plan's axis): whole, or month and day where room is short. */
export const isoDate = (dayMs: number) => new Date(dayMs).toISOString().slice(0, 10);
export const isoMonthDay = (dayMs: number) => new Date(dayMs).toISOString().slice(5, 10);

/** A line from above the plot to its foot at each day's start, and the day's date beside it. */
export function GanttDays(props: {
  axis: PlanTimeAxis;
  /** The chart's frame; its reading direction sets the dates' anchor. */
  fr: Frame;
  lineRise: number;
  label: (dayMs: number) => string;
}) {
  const { axis, fr } = props;
  return (
    <>
      {Array.from({ length: axis.days }, (_, d) => axis.startMs + d * DAY_MS).map((dayMs, d) => (
        <g key={dayMs}>
          <line
            className="plan-gantt-day"
            x1={fr.x(axis.xAt(d * 1440))}
            x2={fr.x(axis.xAt(d * 1440))}
            y1={fr.pad.top - props.lineRise}
            y2={fr.height}
          />
          <text x={fr.x(axis.xAt(d * 1440) + 4)} y={fr.pad.top - 8} textAnchor={fr.rtl ? 'end' : 'start'}>
            {props.label(dayMs)}
          </text>
        </g>
      ))}
    </>
  );
}
