// The interval plan: paste, upload or generate intervals; staff them with core in the browser;
// what-if sliders; chart, table and totals for a day or a week; the result as CSV.
import type { TFunction } from 'i18next';
import { type ChangeEvent, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { numberColumn } from '../../kit/columns';
import { type Column, DataTable } from '../../kit/DataTable';
import { Alert, Field } from '../../lib/ui';
import { NO_WHAT_IF, type PlanColumns, type PlanResult, planCsv, type WhatIf } from './intervalCompute';
import { type CsvProblem, type IntervalTable, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './intervalCsv';
import { checkNumber, isFail, type PlanFormat, ruleMessage } from './numbers';
import { Segmented } from './Segmented';
import { StaffingChart } from './StaffingChart';
import { sampleDayCsv } from './sampleDay';
import type { IntervalPlanState } from './useIntervalPlan';
import { usePlanFormat } from './usePlanFormat';

export function IntervalsPanel({ state }: { state: IntervalPlanState }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const id = useId();
  const { table, outcome } = state;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    state.load(await file.text(), file.name);
    e.target.value = '';
  };

  const result = outcome?.ok ? outcome.result : null;

  return (
    <>
      <section className="card" aria-labelledby={`${id}-source`}>
        <h2 id={`${id}-source`}>{t('plan.intervals.sourceTitle')}</h2>
        <p className="field-help">
          {t('plan.intervals.columnsHelp', {
            required: REQUIRED_COLUMNS.join(', '),
            optional: OPTIONAL_COLUMNS.join(', '),
          })}
        </p>
        <div className="plan-source">
          <Field label={t('plan.intervals.paste')}>
            {(c) => (
              <textarea
                {...c}
                className="plan-csv-text"
                dir="ltr"
                spellCheck={false}
                rows={6}
                wrap="off"
                value={state.text}
                placeholder={`${REQUIRED_COLUMNS.join(',')}\n2025-03-04T09:00,114,284.4,15,20,0.8,0.3,0.85`}
                onChange={(e) => state.setText(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              disabled={state.text.trim() === ''}
              onClick={() => state.load(state.text, null)}
            >
              {t('plan.intervals.usePasted')}
            </button>
            <button
              type="button"
              onClick={() => {
                const sample = sampleDayCsv();
                state.setText(sample);
                state.load(sample, null);
              }}
            >
              {t('plan.intervals.sample')}
            </button>
            <label className="button plan-file-button">
              {t('plan.intervals.upload')}
              <input
                type="file"
                accept=".csv,text/csv,text/plain"
                className="visually-hidden"
                onChange={onFile}
              />
            </label>
          </div>
        </div>
        {state.source?.fileName && table ? (
          <p className="muted" role="status">
            {t('plan.intervals.loadedFile', { name: state.source.fileName, rows: table.count })}
          </p>
        ) : null}
      </section>

      {state.problems.length > 0 ? <Problems problems={state.problems} more={state.moreProblems} /> : null}
      {outcome && !outcome.ok ? <Problems problems={[outcome.problem]} more={false} /> : null}
      <Alert>
        {state.workerError ? t('plan.intervals.workerFailed', { message: state.workerError }) : null}
      </Alert>

      {table ? <WhatIfCard state={state} table={table} /> : null}
      {state.progress !== null ? (
        <Progress
          label={
            state.progress.phase === 'reading' ? t('plan.intervals.reading') : t('plan.intervals.computing')
          }
          fraction={state.progress.fraction}
        />
      ) : null}
      {table && result ? <PlanView state={state} table={table} result={result} f={f} /> : null}
    </>
  );
}

export function Progress(props: { label: string; fraction: number }) {
  const f = usePlanFormat();
  const id = useId();
  return (
    <div className="plan-progress" role="status" aria-live="polite">
      <label htmlFor={id}>{props.label}</label>
      <progress id={id} max={1} value={props.fraction} />
      <span>{f.pct(props.fraction, 0)}</span>
    </div>
  );
}

export function problemText(t: TFunction, problem: CsvProblem): string {
  const message = t(`plan.csvError.${problem.code}`, { value: problem.value ?? '' });
  if (!problem.column) return t('plan.csvError.atRow', { row: problem.row, message });
  return t('plan.csvError.at', { row: problem.row, column: problem.column, message });
}

function Problems(props: { problems: CsvProblem[]; more: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error plan-problems" role="alert">
      <div>
        <p className="plan-problems-title">{t('plan.intervals.problemsTitle')}</p>
        <ul>
          {props.problems.slice(0, 10).map((p) => (
            <li key={`${p.row}-${p.column}-${p.code}`}>{problemText(t, p)}</li>
          ))}
        </ul>
        {props.problems.length > 10 || props.more ? <p>{t('plan.intervals.moreProblems')}</p> : null}
      </div>
    </div>
  );
}

function WhatIfCard({ state, table }: { state: IntervalPlanState; table: IntervalTable }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const w = state.whatIf;
  const set = (patch: Partial<WhatIf>) => state.setWhatIf({ ...w, ...patch });
  // The file's own value (its first row) that an override slider shows until it is moved.
  const fromFile = {
    slTarget: table.slTarget[0] ?? 0.8,
    shrinkage: table.shrinkage[0] ?? 0,
    maxOccupancy: table.maxOccupancy[0] ?? 1,
  };
  const overrideSlider = (key: keyof typeof fromFile, min: number, max: number) => {
    const own = w[key];
    return (
      <Slider
        label={t(`plan.whatIf.${key}`)}
        min={min}
        max={max}
        step={1}
        value={Math.round((own ?? fromFile[key]) * 100)}
        display={own === null ? t('plan.whatIf.fromFile') : f.pct(own, 0)}
        valueText={f.pct(own ?? fromFile[key], 0)}
        onChange={(v) => set({ [key]: v / 100 })}
      />
    );
  };
  const hours = checkNumber(String(w.weeklyHoursPerFte), 'positive');
  const changed = w.slTarget !== null || w.ahtFactor !== 1 || w.shrinkage !== null || w.maxOccupancy !== null;

  return (
    <section className="card" aria-labelledby="plan-what-if">
      <div className="plan-card-head">
        <h2 id="plan-what-if">{t('plan.whatIf.title')}</h2>
        <button
          type="button"
          className="button-small"
          disabled={!changed}
          onClick={() => state.setWhatIf({ ...NO_WHAT_IF, weeklyHoursPerFte: w.weeklyHoursPerFte })}
        >
          {t('plan.whatIf.reset')}
        </button>
      </div>
      <p className="field-help">{t('plan.whatIf.help')}</p>
      <div className="plan-sliders">
        {overrideSlider('slTarget', 50, 99)}
        <Slider
          label={t('plan.whatIf.aht')}
          min={50}
          max={150}
          step={5}
          value={Math.round(w.ahtFactor * 100)}
          display={f.pct(w.ahtFactor, 0)}
          valueText={f.pct(w.ahtFactor, 0)}
          onChange={(v) => set({ ahtFactor: v / 100 })}
        />
        {overrideSlider('shrinkage', 0, 60)}
        {overrideSlider('maxOccupancy', 50, 100)}
        <Field
          label={t('plan.whatIf.weeklyHours')}
          help={t('plan.whatIf.weeklyHoursHelp')}
          error={isFail(hours) ? ruleMessage(t, hours.fail) : undefined}
        >
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              max={80}
              className="plan-input-short"
              value={w.weeklyHoursPerFte}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (value > 0 && value <= 168) set({ weeklyHoursPerFte: value });
              }}
            />
          )}
        </Field>
      </div>
    </section>
  );
}

function Slider(props: {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  display: string;
  valueText: string;
  onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="field plan-slider">
      <span className="plan-slider-head">
        <label htmlFor={id}>{props.label}</label>
        <output htmlFor={id}>{props.display}</output>
      </span>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        aria-valuetext={props.valueText}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </div>
  );
}

/** Row indices per calendar date of the table. */
function rowsByDate(table: IntervalTable): Int32Array[] {
  const index = new Map(table.dates.map((d, i) => [d, i]));
  const counts = new Int32Array(table.dates.length);
  for (const start of table.start) counts[index.get(start.slice(0, 10))!]! += 1;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(table.dates.length);
  table.start.forEach((start, row) => {
    const d = index.get(start.slice(0, 10))!;
    out[d]![fill[d]!++] = row;
  });
  return out;
}

function PlanView(props: {
  state: IntervalPlanState;
  table: IntervalTable;
  result: PlanResult;
  f: PlanFormat;
}) {
  const { t } = useTranslation();
  const { state, table, result, f } = props;
  const { columns, totals } = result;
  const byDate = useMemo(() => rowsByDate(table), [table]);
  const days = table.dates.length;
  const dayIndex = Math.min(state.dayIndex, days - 1);
  const span = state.week ? Math.min(7, days - dayIndex) : 1;
  const rows = useMemo(() => {
    const parts = byDate.slice(dayIndex, dayIndex + span);
    const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }, [byDate, dayIndex, span]);
  const firstDate = table.dates[dayIndex] ?? '';
  const lastDate = table.dates[dayIndex + span - 1] ?? firstDate;
  const periodLabel = span > 1 ? `${f.day(firstDate)} – ${f.day(lastDate)}` : f.day(firstDate);
  const step = state.week ? 7 : 1;

  const download = () => {
    const blob = new Blob([planCsv(table, columns)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = state.source?.fileName
      ? `plan-${state.source.fileName.replace(/\.[^.]*$/, '')}.csv`
      : 'plan.csv';
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <>
      <section className="card" aria-labelledby="plan-totals">
        <div className="plan-card-head">
          <h2 id="plan-totals">{t('plan.totals.title')}</h2>
          <button type="button" className="button-small" onClick={download}>
            {t('plan.intervals.download')}
          </button>
        </div>
        <dl className="plan-totals" data-testid="plan-totals">
          <Total label={t('plan.totals.intervals')} value={f.int(totals.intervals)} />
          <Total label={t('plan.totals.volume')} value={f.int(totals.volume)} />
          <Total label={t('plan.totals.rawHours')} value={f.dec(totals.rawAgentHours, 1)} />
          <Total label={t('plan.totals.scheduledHours')} value={f.dec(totals.scheduledAgentHours, 1)} />
          <Total
            label={t('plan.totals.fte', { hours: f.int(state.whatIf.weeklyHoursPerFte) })}
            value={f.dec(totals.fte, 1)}
          />
          <Total label={t('plan.totals.peak')} value={f.int(totals.peakScheduledAgents)} />
          <Total
            label={t('plan.totals.expectedSl')}
            value={totals.expectedServiceLevel === null ? '–' : f.pct(totals.expectedServiceLevel)}
          />
          <Total label={t('plan.totals.night')} value={f.int(totals.nightIntervals)} />
        </dl>
      </section>

      <section className="card" aria-labelledby="plan-period">
        <div className="plan-card-head">
          <h2 id="plan-period">{periodLabel}</h2>
          <div className="plan-period-controls">
            <Segmented
              label={t('plan.intervals.period')}
              value={state.week ? 'week' : 'day'}
              options={[
                { value: 'day', label: t('plan.intervals.day') },
                { value: 'week', label: t('plan.intervals.week') },
              ]}
              onChange={(v) => state.setWeek(v === 'week')}
            />
            {days > 1 ? (
              <>
                <button
                  type="button"
                  className="button-small"
                  disabled={dayIndex === 0}
                  onClick={() => state.setDayIndex(Math.max(0, dayIndex - step))}
                >
                  {t('plan.intervals.previous')}
                </button>
                <Field label={t('plan.intervals.date')}>
                  {(c) => (
                    <select
                      {...c}
                      value={dayIndex}
                      onChange={(e) => state.setDayIndex(Number(e.target.value))}
                    >
                      {table.dates.map((date, i) => (
                        <option key={date} value={i}>
                          {f.day(date, true)} {date.slice(0, 4)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button
                  type="button"
                  className="button-small"
                  disabled={dayIndex + step >= days}
                  onClick={() => state.setDayIndex(Math.min(days - 1, dayIndex + step))}
                >
                  {t('plan.intervals.next')}
                </button>
              </>
            ) : null}
          </div>
        </div>
        <StaffingChart
          table={table}
          columns={columns}
          rows={rows}
          periodLabel={periodLabel}
          week={span > 1}
        />
      </section>

      <IntervalTableView
        table={table}
        columns={columns}
        rows={rows}
        week={span > 1}
        f={f}
        whatIf={state.whatIf}
      />
    </>
  );
}

function Total(props: { label: string; value: string }) {
  return (
    <div className="plan-total">
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

function IntervalTableView(props: {
  table: IntervalTable;
  columns: PlanColumns;
  rows: Int32Array;
  week: boolean;
  f: PlanFormat;
  whatIf: WhatIf;
}) {
  const { t } = useTranslation();
  const { table, columns, rows, f } = props;
  const anyAbandon = Array.from(rows).some((r) => columns.erlangA[r] === 1);
  // One row per interval (an index into the table's and the plan's typed arrays).
  const measure = (key: string, header: string, of: ArrayLike<number>, format: (v: number) => string) =>
    numberColumn<number>(key, header, (r) => of[r]!, format);
  const planColumns: Column<number>[] = [
    {
      key: 'start',
      header: t('plan.intervals.colStart'),
      rowHeader: true,
      nowrap: true,
      sortValue: (r) => table.start[r],
      cell: (r) => {
        const start = table.start[r]!;
        const clock = f.clock(start.slice(11, 16));
        return (
          <>
            {props.week ? `${f.day(start.slice(0, 10), true)} ${clock}` : clock}
            {columns.night[r] ? (
              <span className="badge plan-badge-night">{t('plan.intervals.nightBadge')}</span>
            ) : null}
          </>
        );
      },
    },
    measure('volume', t('plan.intervals.colVolume'), table.volume, (v) => f.dec(v, v % 1 === 0 ? 0 : 1)),
    numberColumn('aht', t('plan.intervals.colAht'), (r) => table.ahtSec[r]! * props.whatIf.ahtFactor, f.sec),
    measure('load', t('plan.intervals.colLoad'), columns.offeredLoad, (v) => f.dec(v, 2)),
    {
      ...measure('required', t('plan.intervals.colRequired'), columns.raw, f.int),
      cell: (r) => (
        <>
          {f.int(columns.raw[r]!)}
          {columns.raw[r]! > columns.required[r]! ? (
            <span className="badge plan-badge-min">{t('plan.binding.minimum')}</span>
          ) : null}
        </>
      ),
    },
    {
      ...measure('scheduled', t('plan.intervals.colScheduled'), columns.scheduled, f.int),
      cellProps: () => ({ className: 'num plan-strong' }),
    },
    measure('serviceLevel', t('plan.metric.serviceLevel'), columns.serviceLevel, f.pct),
    measure('asa', t('plan.intervals.colAsa'), columns.asaSec, f.sec),
    measure('occupancy', t('plan.metric.occupancy'), columns.occupancy, f.pct),
    {
      ...measure('wait', t('plan.intervals.colWait'), columns.probabilityOfWait, f.pct),
      header: <span title={t('plan.metric.probabilityOfWait')}>{t('plan.intervals.colWait')}</span>,
    },
  ];
  if (anyAbandon)
    planColumns.push(measure('abandon', t('plan.metric.abandon'), columns.probabilityOfAbandon, f.pct));
  return (
    <DataTable
      caption={t('plan.intervals.tableCaption')}
      rows={Array.from(rows)}
      rowKey={String}
      rowProps={(r) => (columns.night[r] ? { className: 'plan-row-night' } : {})}
      compact
      pageSize={96}
      columns={planColumns}
    />
  );
}
