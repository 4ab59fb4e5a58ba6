// A saved plan's shifts staffed by named agents: a Gantt chart with one row per agent (each shift a
// bar, its meal hatched; a last row for shifts no agent could take), mirrored right to left through
// the kit's chart frame; how fairly each provider's nights and weekends are shared (decision 0062);
// each agent's load, and their own calendar (.ics) from the plan's export route.
import type { SavedPlan } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Chart, useRtl } from '../../kit/chart/Chart';
import { frame } from '../../kit/chart/scale';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { GanttDays, isoMonthDay, planTimeAxis } from './ganttAxis';
import { fairnessLines } from './rosterFairness';
import { ScheduleExports, shiftsHref } from './ScheduleExports';
import { usePlanFormat } from './usePlanFormat';

type Result = NonNullable<SavedPlan['result']>;
type Roster = NonNullable<Result['roster']>;
type AgentLoad = Roster['agents'][number];

const ROW = 22;

/** One row per agent (and one for shifts nobody could take), the shifts as bars on the horizon's axis. */
export function AgentGantt({ plan }: { plan: SavedPlan }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const rtl = useRtl();
  const r = plan.result!;
  const roster = r.roster!;
  const rows = [
    ...roster.agents.map((a) => ({ key: a.name, label: a.name, agent: a.name as string | null })),
    ...(roster.unassigned > 0
      ? [{ key: '\u0000unassigned', label: t('plan.roster.unassignedRow'), agent: null }]
      : []),
  ];
  const fr = frame(900, 34 + rows.length * ROW, { start: 140, end: 10, top: 26, bottom: 8 }, rtl);
  const axis = planTimeAxis(r, fr);
  const { minuteOf, xAt } = axis;
  const rowOf = new Map(rows.map((row, i) => [row.agent, i]));
  const description = t('plan.roster.desc', { agents: roster.agents.length, shifts: roster.shifts.length });
  return (
    <section className="card" data-testid="plan-agent-gantt">
      <h2>{t('plan.roster.title')}</h2>
      <ScheduleExports planId={plan.id} />
      {roster.unassigned > 0 ? (
        <p role="status">{t('plan.roster.unassigned', { count: roster.unassigned })}</p>
      ) : null}
      <RosterFairness plan={plan} />
      <Chart frame={fr} title={t('plan.roster.title')} description={description} className="plan-gantt">
        <GanttDays axis={axis} fr={fr} lineRise={16} label={isoMonthDay} />
        {rows.map((row, i) => (
          <text
            key={row.key}
            x={fr.x(fr.pad.start - 6)}
            y={fr.pad.top + i * ROW + 15}
            textAnchor={rtl ? 'start' : 'end'}
            data-testid="plan-agent-row"
          >
            {row.label}
          </text>
        ))}
        {roster.shifts.map((s, k) => {
          const i = rowOf.get(s.agent) ?? rows.length - 1;
          const from = minuteOf(s.day, s.start);
          const length = (minuteOf(s.day, s.end) - minuteOf(s.day, s.start) + 1440) % 1440 || 1440;
          const x0 = xAt(from);
          const width = Math.max(1, xAt(from + length) - x0);
          const y = fr.pad.top + i * ROW + 3;
          const meal =
            s.mealStart !== null && s.mealEnd !== null
              ? {
                  from: from + ((minuteOf(s.day, s.mealStart) - from + 2880) % 1440),
                  length: (minuteOf(s.day, s.mealEnd) - minuteOf(s.day, s.mealStart) + 1440) % 1440,
                }
              : null;
          const what = `${s.agent ?? t('plan.roster.unassignedRow')}: ${s.day} ${f.clock(s.start)}–${f.clock(s.end)}${
            s.mealStart && s.mealEnd
              ? `, ${t('plan.roster.meal', { start: f.clock(s.mealStart), end: f.clock(s.mealEnd) })}`
              : ''
          }`;
          const providerIndex = Math.max(
            0,
            r.providers.findIndex((p) => p.id === s.provider),
          );
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: shifts of one agent at one time are interchangeable.
            <g key={k} data-testid="plan-agent-shift">
              <title>{what}</title>
              <rect
                className={`plan-gantt-bar plan-gantt-bar-${providerIndex % 4}${s.agent === null ? ' plan-gantt-open' : ''}`}
                x={fr.box(x0, width)}
                y={y}
                width={width}
                height={ROW - 6}
              />
              {meal ? (
                <rect
                  className="plan-gantt-meal"
                  data-testid="plan-agent-meal"
                  x={fr.box(xAt(meal.from), Math.max(1, xAt(meal.from + meal.length) - xAt(meal.from)))}
                  y={y}
                  width={Math.max(1, xAt(meal.from + meal.length) - xAt(meal.from))}
                  height={ROW - 6}
                />
              ) : null}
            </g>
          );
        })}
      </Chart>
      <AgentLoads plan={plan} />
    </section>
  );
}

/**
 * Per provider: the spread of nights and weekends its roster reaches, the least possible, and a
 * badge saying whether it is proven fairest or how far from it it may be. Nothing for plans built
 * before the server reported it.
 */
function RosterFairness({ plan }: { plan: SavedPlan }) {
  const { t } = useTranslation();
  const lines = fairnessLines(t, plan.result!);
  if (lines.length === 0) return null;
  return (
    <div className="plan-fairness" data-testid="plan-roster-fairness">
      <h3>{t('plan.roster.fairness.title')}</h3>
      <ul>
        {lines.map((line) => (
          <li key={line.provider} data-testid="plan-roster-fairness-line" data-proven={String(line.proven)}>
            {line.text}{' '}
            <span className={`badge ${line.proven ? 'badge-active' : 'badge-invited'}`}>{line.verdict}</span>
          </li>
        ))}
      </ul>
      <p className="field-help">{t('plan.roster.fairness.help')}</p>
    </div>
  );
}

/** Each agent's shifts, paid hours, nights and weekends, and their calendar to download. */
function AgentLoads({ plan }: { plan: SavedPlan }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const r = plan.result!;
  const providerName = new Map(r.providers.map((p) => [p.id, p.name]));
  return (
    <DataTable<AgentLoad>
      testId="plan-agents"
      caption={t('plan.roster.tableTitle')}
      rows={r.roster!.agents}
      rowKey={(a) => a.name}
      pageSize={25}
      columns={[
        textColumn<AgentLoad>('name', t('plan.roster.col.name'), (a) => a.name, { rowHeader: true }),
        textColumn<AgentLoad>(
          'provider',
          t('plan.roster.col.provider'),
          (a) => providerName.get(a.provider) ?? a.provider,
        ),
        numberColumn<AgentLoad>('shifts', t('plan.roster.col.shifts'), (a) => a.shifts, f.int),
        numberColumn<AgentLoad>(
          'paidHours',
          t('plan.roster.col.paidHours'),
          (a) => a.paidHours,
          (n) => f.dec(n, 1),
        ),
        numberColumn<AgentLoad>('nights', t('plan.roster.col.nights'), (a) => a.nights, f.int),
        numberColumn<AgentLoad>('weekends', t('plan.roster.col.weekends'), (a) => a.weekends, f.int),
        textColumn<AgentLoad>('calendar', t('plan.roster.col.calendar'), () => null, {
          cell: (a) => (
            <a href={shiftsHref(plan.id, 'ics', a.name)} download data-testid="plan-agent-ics">
              {t('plan.roster.download', { name: a.name })}
            </a>
          ),
        }),
      ]}
    />
  );
}
