// Plan → Plans: build a plan from imported history (SERIES.csv: interval_start,volume) — the server
// forecasts it, staffs every interval with Erlang C, splits the volume between the in-house team and
// a vendor with night hours, and schedules shifts in a job — then list the saved plans and open one.
import type {
  PlanHistory,
  PlanProgressPayload,
  SavedPlan,
  SavedPlanInput,
  SavedPlanList,
} from '@shoreline/server/contract';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { numberColumn, textColumn, timeColumn } from '../../kit/columns';
import { DataTable, resourceRows } from '../../kit/DataTable';
import { FormActions, FormProblems, TextField } from '../../kit/fields';
import { api } from '../../lib/api';
import { useEventStream } from '../../lib/eventStream';
import { browserTimeZone, canonicalTimeZone, isTimeZone, timeZoneOptions } from '../../lib/timeZones';
import { ErrorBanner, Loading } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { parseAgents } from './agentsCsv';
import { planFormat } from './numbers';
import { PlanActualsCard } from './PlanCompare';
import { PlanSeriesChart } from './PlanForecastChart';
import { PlanReforecastCard } from './PlanReforecast';
import { AgentGantt } from './PlanRoster';
import { PlanBacktest, ShiftGantt } from './PlanScreens';
import { PlanVendorForecasts } from './PlanVendorForecasts';
import { SeriesScopeFields, serverScopeProblem } from './SeriesScopeFields';
import { parseSeries } from './seriesCsv';
import { EMPTY_SCOPE, readSeriesScope } from './seriesScope';
import { usePlanFormat } from './usePlanFormat';

type Summary = SavedPlanList['items'][number];
type Result = NonNullable<SavedPlan['result']>;
type ProviderResult = Result['providers'][number];
type ShiftRow = ProviderResult['shifts'][number] & { provider: string; key: string };

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const LABOUR_PRESETS = ['EU', 'HU', 'LV', 'TR'] as const;
type Agents = NonNullable<SavedPlanInput['agents']>;
const minutes = (text: string) => {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function CreatePlan(props: { onCreated(plan: SavedPlan): void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [form, setForm] = useState({
    name: '',
    horizonDays: '7',
    slPercent: '80',
    withinSec: '20',
    ahtSec: '300',
    houseCost: '30',
    houseOpen: '08:00',
    houseClose: '20:00',
    vendorName: '',
    vendorCost: '15',
    vendorOpen: '20:00',
    vendorClose: '08:00',
  });
  const [history, setHistory] = useState<SavedPlanInput['history'] | null>(null);
  // The tickets the history counts (its filter): the scope of the forecasts sent to vendors.
  const [historyScope, setHistoryScope] = useState<SavedPlanInput['historyScope']>(undefined);
  // An uploaded SERIES.csv has no filter: the planner declares its scope (decision 0063).
  const [fromFile, setFromFile] = useState(false);
  const [seriesScope, setSeriesScope] = useState(EMPTY_SCOPE);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const [source, setSource] = useState({ queue: '', channel: '', language: '', stepMin: '30', weeks: '8' });
  const [importing, setImporting] = useState(false);
  const [agents, setAgents] = useState<Agents | null>(null);
  const [agentsProblem, setAgentsProblem] = useState<string | null>(null);
  const [labour, setLabour] = useState<(typeof LABOUR_PRESETS)[number]>('EU');
  // The plan's local days and intervals (decision 0065): its history is counted in this zone, and the
  // forecasts it sends to vendors are measured on these local days.
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const zones = useMemo(() => timeZoneOptions(), []);

  // AGENTS.csv: the named agents who work the shifts (a provider column sends one to the vendor).
  const onAgentsFile = async (file: File | undefined) => {
    if (!file) {
      setAgents(null);
      setAgentsProblem(null);
      return;
    }
    const parsed = parseAgents(await file.text());
    if (Array.isArray(parsed)) {
      setAgents(parsed);
      setAgentsProblem(null);
    } else {
      setAgents(null);
      setAgentsProblem(
        t(`plan.plans.agentsProblem.${parsed.problem}`, { row: 'row' in parsed ? parsed.row : 0 }),
      );
    }
  };

  // The history from Insight's imported tickets: one queue, channel and language (each optional).
  const onImported = async () => {
    setImporting(true);
    try {
      const q = new URLSearchParams({ stepMin: source.stepMin, weeks: source.weeks });
      if (isTimeZone(timeZone)) q.set('timeZone', canonicalTimeZone(timeZone));
      for (const key of ['queue', 'channel', 'language'] as const) if (source[key]) q.set(key, source[key]);
      const answer = await api.get<PlanHistory>(`/plan/history?${q}`);
      if (answer.history) {
        setHistory(answer.history);
        setFromFile(false);
        const scope = Object.fromEntries(
          (['queue', 'channel', 'language'] as const).filter((k) => source[k]).map((k) => [k, source[k]]),
        );
        setHistoryScope(
          Object.keys(scope).length > 0 ? (scope as SavedPlanInput['historyScope']) : undefined,
        );
        setFileProblem(null);
      } else {
        setHistory(null);
        setFileProblem(t('plan.plans.imported.none'));
      }
    } catch (err) {
      setFileProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setImporting(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseSeries(await file.text());
    setHistoryScope(undefined);
    if (typeof parsed === 'string') {
      setHistory(null);
      setFromFile(false);
      setFileProblem(t(`plan.plans.fileProblem.${parsed}`));
    } else {
      setHistory(parsed);
      setFromFile(true);
      setFileProblem(null);
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const declared = fromFile ? readSeriesScope(t, seriesScope) : { scope: historyScope };
    const problems = {
      ...(history ? {} : { history: fileProblem ?? t('plan.plans.fileNeeded') }),
      ...(agentsProblem ? { agents: agentsProblem } : {}),
      ...('problem' in declared ? { historyScope: declared.problem } : {}),
      ...(isTimeZone(timeZone) ? {} : { timeZone: t('errors.field.unknown_time_zone') }),
    };
    if (submit.invalid(problems) || 'problem' in declared) return;
    // AGENTS.csv's provider column names the vendor by this name or by its id, `vendor` (the server takes either).
    const vendorName = form.vendorName || t('plan.plans.vendor');
    const body: SavedPlanInput = {
      name: form.name,
      history: history!,
      ...(declared.scope ? { historyScope: declared.scope } : {}),
      timeZone: canonicalTimeZone(timeZone),
      horizonDays: Number(form.horizonDays),
      ahtSec: Number(form.ahtSec),
      serviceLevel: { fraction: Number(form.slPercent) / 100, withinSec: Number(form.withinSec) },
      providers: [
        {
          id: 'in-house',
          name: t('plan.plans.inHouse'),
          languages: ['en'],
          hours: [{ days: EVERY_DAY, openMin: minutes(form.houseOpen), closeMin: minutes(form.houseClose) }],
          costPerAgentHour: Number(form.houseCost),
        },
        {
          id: 'vendor',
          name: vendorName,
          languages: ['en'],
          hours: [
            { days: EVERY_DAY, openMin: minutes(form.vendorOpen), closeMin: minutes(form.vendorClose) },
          ],
          costPerAgentHour: Number(form.vendorCost),
        },
      ],
      ...(agents && agents.length > 0 ? { agents, labour: { preset: labour } } : {}),
    };
    const plan = await submit.run(() => api.post<SavedPlan>('/plan/plans', body));
    if (plan) props.onCreated(plan);
  };

  const field = (key: keyof typeof form, type = 'text') => (
    <TextField
      label={t(`plan.plans.field.${key}`)}
      name={key}
      type={type}
      value={form[key]}
      onValue={set(key)}
      error={submit.fields[key]}
    />
  );

  return (
    <section className="card" aria-labelledby="plan-create-title">
      <h2 id="plan-create-title">{t('plan.plans.createTitle')}</h2>
      <form className="plan-plans-form" onSubmit={onSubmit} onChange={submit.onChange} noValidate>
        <TextField
          label={t('plan.plans.field.name')}
          name="name"
          required
          value={form.name}
          onValue={set('name')}
          error={submit.fields.name}
        />
        <CsvFileField name="history" label={t('plan.plans.field.history')} onFile={onFile}>
          {history ? (
            <small>
              {t('plan.plans.historyLoaded', { rows: history.values.length, step: history.stepMin })}
            </small>
          ) : null}
          {fileProblem || submit.fields.history ? (
            <small role="alert">{fileProblem ?? submit.fields.history}</small>
          ) : null}
        </CsvFileField>
        {fromFile ? (
          <SeriesScopeFields
            value={seriesScope}
            onValue={setSeriesScope}
            problem={serverScopeProblem(t, submit.error, submit.fields.historyScope)}
          />
        ) : null}
        <fieldset className="plan-imported" data-testid="plan-imported">
          <legend>{t('plan.plans.imported.title')}</legend>
          {(['queue', 'channel', 'language'] as const).map((key) => (
            <TextField
              key={key}
              label={t(`plan.plans.imported.${key}`)}
              name={`imported-${key}`}
              value={source[key]}
              onValue={(v) => setSource((s) => ({ ...s, [key]: v }))}
            />
          ))}
          <label className="field">
            <span>{t('plan.plans.imported.stepMin')}</span>
            <select
              name="imported-step"
              value={source.stepMin}
              onChange={(e) => setSource((s) => ({ ...s, stepMin: e.target.value }))}
            >
              {['15', '30', '60'].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label={t('plan.plans.imported.weeks')}
            name="imported-weeks"
            type="number"
            value={source.weeks}
            onValue={(v) => setSource((s) => ({ ...s, weeks: v }))}
          />
          <button type="button" disabled={importing} onClick={() => void onImported()}>
            {t('plan.plans.imported.load')}
          </button>
        </fieldset>
        <TextField
          label={t('plan.plans.field.timeZone')}
          help={t('plan.plans.timeZoneHelp')}
          name="timeZone"
          required
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          suggestions={zones}
          value={timeZone}
          onValue={setTimeZone}
          onBlur={(e) => setTimeZone(canonicalTimeZone(e.target.value))}
          error={submit.fields.timeZone}
        />
        <CsvFileField name="agents" label={t('plan.plans.field.agents')} onFile={onAgentsFile}>
          {agents ? <small>{t('plan.plans.agentsLoaded', { count: agents.length })}</small> : null}
          {agentsProblem ? <small role="alert">{agentsProblem}</small> : null}
        </CsvFileField>
        <label className="field">
          <span>{t('plan.plans.field.labour')}</span>
          <select
            name="labour"
            value={labour}
            onChange={(e) => setLabour(e.target.value as (typeof LABOUR_PRESETS)[number])}
          >
            {LABOUR_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t(`plan.plans.labour.${preset}`)}
              </option>
            ))}
          </select>
        </label>
        {field('horizonDays', 'number')}
        {field('slPercent', 'number')}
        {field('withinSec', 'number')}
        {field('ahtSec', 'number')}
        {field('houseCost', 'number')}
        {field('houseOpen', 'time')}
        {field('houseClose', 'time')}
        {field('vendorName')}
        {field('vendorCost', 'number')}
        {field('vendorOpen', 'time')}
        {field('vendorClose', 'time')}
        <FormProblems submit={submit} />
        <FormActions busy={submit.busy} label={t('plan.plans.create')} />
      </form>
    </section>
  );
}

function PlanResult({ plan }: { plan: SavedPlan }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const r = plan.result!;
  const money = (n: number) => f.dec(n, 2);
  const shifts: ShiftRow[] = r.providers.flatMap((p) =>
    p.shifts.map((s, i) => ({ ...s, provider: p.name, key: `${p.id}-${i}` })),
  );
  const perProvider = r.providers.map((p) => ({
    ...p,
    peak: Math.max(0, ...p.agents),
  }));
  return (
    <div className="plan-plans-result" data-testid="plan-result">
      <PlanSeriesChart
        testId="plan-forecast-chart"
        title={t('plan.plans.forecastTitle', { method: r.method })}
        description={t('plan.plans.forecastDesc', {
          total: f.int(r.forecast.volume.reduce((a, b) => a + b, 0)),
          start: r.forecastStart.replace('T', ' '),
        })}
        first={{ label: t('plan.plans.history'), values: r.recentHistory }}
        second={{
          label: t('plan.plans.forecast'),
          values: r.forecast.volume,
          band: { lower: r.forecast.lower, upper: r.forecast.upper },
        }}
        after
      />
      <PlanBacktest result={r} />
      <PlanSeriesChart
        testId="plan-coverage-chart"
        title={t('plan.plans.coverageTitle')}
        description={t('plan.plans.coverageDesc', { peak: f.int(Math.max(0, ...r.required)) })}
        first={{ label: t('plan.plans.required'), values: r.required }}
        second={{ label: t('plan.plans.scheduled'), values: r.scheduled }}
        after={false}
      />
      {r.roster ? <AgentGantt plan={plan} /> : null}
      <section className="card">
        <h2>{t('plan.plans.splitTitle')}</h2>
        <DataTable<(typeof perProvider)[number]>
          testId="plan-split"
          caption={t('plan.plans.splitTitle')}
          rows={perProvider}
          rowKey={(p) => p.id}
          columns={[
            textColumn<(typeof perProvider)[number]>('name', t('plan.plans.col.provider'), (p) => p.name, {
              rowHeader: true,
            }),
            numberColumn('volume', t('plan.plans.col.volume'), (p) => p.totalVolume, f.int),
            numberColumn('peak', t('plan.plans.col.peak'), (p) => p.peak, f.int),
            // One decimal (dec's and pct's default digits).
            numberColumn('paidHours', t('plan.plans.col.paidHours'), (p) => p.paidHours, f.dec),
            numberColumn('gap', t('plan.plans.col.gap'), (p) => p.gap, f.pct),
            numberColumn('cost', t('plan.plans.col.cost'), (p) => p.scheduledCost, money),
          ]}
        />
        <p>
          {t('plan.plans.totalCost', { cost: money(r.providers.reduce((a, p) => a + p.scheduledCost, 0)) })}
        </p>
      </section>
      <PlanActualsCard plan={plan} />
      <PlanReforecastCard plan={plan} />
      {r.roster ? null : <ShiftGantt plan={plan} />}
      <section className="card">
        <h2>{t('plan.plans.shiftsTitle')}</h2>
        <DataTable<ShiftRow>
          testId="plan-shifts"
          caption={t('plan.plans.shiftsTitle')}
          rows={shifts}
          rowKey={(s) => s.key}
          pageSize={25}
          columns={[
            textColumn<ShiftRow>('provider', t('plan.plans.col.provider'), (s) => s.provider),
            textColumn<ShiftRow>('day', t('plan.plans.col.day'), (s) => s.day, { nowrap: true }),
            textColumn<ShiftRow>('start', t('plan.plans.col.start'), (s) => f.clock(s.start), {
              nowrap: true,
            }),
            textColumn<ShiftRow>('end', t('plan.plans.col.end'), (s) => f.clock(s.end), { nowrap: true }),
            textColumn<ShiftRow>('meal', t('plan.plans.col.meal'), (s) =>
              s.mealStart ? f.clock(s.mealStart) : null,
            ),
            numberColumn<ShiftRow>('count', t('plan.plans.col.agents'), (s) => s.count, f.int),
          ]}
        />
      </section>
    </div>
  );
}

const PLAN_EVENTS = ['plan.progress', 'plan.finished'] as const;

/** One plan: its progress while the job builds it (pushed over the event stream), then its result. */
/** A CSV file input inside its label, then what was read from the file or what is wrong with it. */
function CsvFileField(props: {
  name: string;
  label: string;
  onFile(file: File | undefined): unknown;
  children: ReactNode;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="file"
        name={props.name}
        accept=".csv,text/csv"
        data-testid={`plan-${props.name}-file`}
        onChange={(e) => void props.onFile(e.target.files?.[0])}
      />
      {props.children}
    </label>
  );
}

export function PlanView() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = useResource(() => api.get<SavedPlan>(`/plan/plans/${encodeURIComponent(id)}`), [id]);
  const [pushed, setPushed] = useState<number | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>();
  // Progress arrives pushed at each stage (no polling); the end reloads the plan, as a reconnect does.
  useEventStream(
    PLAN_EVENTS,
    (event) => {
      if (event.subjectId !== id) return;
      if (event.type === 'plan.finished') return void plan.reload();
      setPushed((event.payload as unknown as PlanProgressPayload).progress);
    },
    () => plan.reload(),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: another plan opened: forget the last one's pushed progress.
  useEffect(() => setPushed(null), [id]);
  if (plan.error) return <ErrorBanner error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  const onCancel = async () => {
    setCancelling(true);
    try {
      await api.post<SavedPlan>(`/plan/plans/${encodeURIComponent(p.id)}/cancel`);
      plan.reload();
    } catch (err) {
      setCancelError(err);
    } finally {
      setCancelling(false);
    }
  };
  return (
    <section aria-labelledby="plan-view-title">
      <p>
        <Link to="/plan/plans">{t('plan.plans.back')}</Link>
      </p>
      <h2 id="plan-view-title" data-testid="plan-name">
        {p.name}
      </h2>
      <p data-testid="plan-status">{t(`plan.plans.status.${p.status}`)}</p>
      {p.status === 'running' ? (
        <p>
          <progress
            max={1}
            value={Math.max(p.progress, pushed ?? 0)}
            aria-label={t('plan.plans.progress')}
            data-testid="plan-progress"
          />{' '}
          <button
            type="button"
            disabled={cancelling}
            onClick={() => void onCancel()}
            data-testid="plan-cancel"
          >
            {t('plan.plans.cancel')}
          </button>
        </p>
      ) : null}
      {cancelError ? <ErrorBanner error={cancelError} /> : null}
      {p.status === 'failed' ? <p role="alert">{p.problem}</p> : null}
      {p.result ? <PlanResult plan={p} /> : null}
      {p.result ? <PlanVendorForecasts plan={p} onSent={plan.reload} /> : null}
    </section>
  );
}

/** The saved plans and the form that makes one. */
export function PlansPanel() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const f = planFormat(locale);
  const navigate = useNavigate();
  const list = useResource(async () => (await api.get<SavedPlanList>('/plan/plans')).items, []);
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(-6)));
  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <>
      <CreatePlan onCreated={(plan) => navigate(`/plan/plans/${plan.id}`)} />
      <section className="card" aria-labelledby="plan-list-title">
        <h2 id="plan-list-title">{t('plan.plans.listTitle')}</h2>
        <DataTable<Summary>
          testId="plan-list"
          caption={t('plan.plans.listTitle')}
          {...resourceRows(list)}
          rowKey={(p) => p.id}
          empty={t('plan.plans.empty')}
          columns={[
            textColumn<Summary>('compare', t('plan.plans.compare.select'), () => null, {
              cell: (p) =>
                p.status === 'done' ? (
                  <input
                    type="checkbox"
                    checked={chosen.includes(p.id)}
                    onChange={() => toggle(p.id)}
                    aria-label={t('plan.plans.compare.choose', { name: p.name })}
                    data-testid={`plan-choose-${p.name}`}
                  />
                ) : null,
            }),
            textColumn<Summary>('name', t('plan.plans.col.name'), (p) => p.name, {
              rowHeader: true,
              cell: (p) => <Link to={`/plan/plans/${p.id}`}>{p.name}</Link>,
            }),
            numberColumn<Summary>('horizon', t('plan.plans.col.horizon'), (p) => p.horizonDays, f.int),
            textColumn<Summary>('status', t('plan.plans.col.status'), (p) =>
              t(`plan.plans.status.${p.status}`),
            ),
            numberColumn<Summary>(
              'cost',
              t('plan.plans.col.splitCost'),
              (p) => p.totalCost,
              (n) => f.dec(n, 2),
            ),
            timeColumn<Summary>('updated', t('plan.plans.col.updated'), (p) => p.updatedAt, dateTime),
          ]}
        />
        <p>
          <button
            type="button"
            disabled={chosen.length < 2}
            onClick={() => navigate(`/plan/plans/compare?ids=${chosen.map(encodeURIComponent).join(',')}`)}
            data-testid="plan-compare"
          >
            {t('plan.plans.compare.button', { count: chosen.length })}
          </button>{' '}
          <small>{t('plan.plans.compare.hint')}</small>
        </p>
      </section>
    </>
  );
}
