// Simulation: a small multi-group scenario (or pasted scenario JSON) run by core's discrete-event
// simulator in a Web Worker; per-interval SL, ASA and abandonment with 95% confidence intervals and
// per-group occupancy.
import type { Estimate, SimulationResult } from '@shoreline/core/simulation/index';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../kit/DataTable';
import { Alert, Field } from '../../lib/ui';
import { CiChart } from './CiChart';
import { IntervalMinutesField } from './IntervalMinutesField';
import { Progress } from './IntervalsPanel';
import { type PlanFormat, ruleMessage } from './numbers';
import { Segmented } from './Segmented';
import type { FormProblem, GroupForm, GroupKey, SimulationForm } from './simulationForm';
import { usePlanFormat } from './usePlanFormat';
import type { SimulationState } from './useSimulation';

function groupName(t: TFunction, key: string): string {
  switch (key as GroupKey) {
    case 'in-house':
      return t('plan.sim.groupInHouse');
    case 'nearshore':
      return t('plan.sim.groupNearshore');
    case 'offshore':
      return t('plan.sim.groupOffshore');
    default:
      return key;
  }
}

function problemMessage(t: TFunction, p: FormProblem, f: PlanFormat): string {
  switch (p.rule) {
    case 'listLength':
      return t('plan.check.listLength', { n: p.count ?? 0 });
    case 'noGroup':
      return t('plan.check.noGroup');
    case 'firstAtZero':
      return t('plan.check.firstAtZero');
    case 'range':
      return t('plan.check.range', { min: f.int(p.min ?? 0), max: f.int(p.max ?? 0) });
    default:
      return ruleMessage(t, p.rule);
  }
}

export function SimulationPanel({ state }: { state: SimulationState }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const { form } = state;
  const running = state.progress !== null;
  const errorOf = (field: string) => {
    const p = state.formProblems.find((x) => x.field === field);
    return p ? problemMessage(t, p, f) : undefined;
  };
  const set = (patch: Partial<SimulationForm>) => state.setForm({ ...form, ...patch });
  const setGroup = (i: number, patch: Partial<GroupForm>) =>
    set({ groups: form.groups.map((g, k) => (k === i ? { ...g, ...patch } : g)) });
  const text = (name: keyof SimulationForm, label: string, help?: string, required = true) => (
    <Field label={label} help={help} error={errorOf(name)} required={required}>
      {(c) => (
        <input
          {...c}
          name={name}
          inputMode="decimal"
          value={form[name] as string}
          onChange={(e) => set({ [name]: e.target.value })}
        />
      )}
    </Field>
  );
  const groupsError = errorOf('groups');

  return (
    <>
      <form
        className="card plan-sim-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          state.run();
        }}
      >
        <div className="plan-card-head">
          <h2>{t('plan.sim.scenario')}</h2>
          <Segmented
            label={t('plan.sim.inputMode')}
            value={state.mode}
            options={[
              { value: 'form', label: t('plan.sim.modeForm') },
              { value: 'json', label: t('plan.sim.modeJson') },
            ]}
            onChange={state.setMode}
          />
        </div>
        {state.mode === 'form' ? (
          <>
            <div className="form-grid">
              {text('intervalCount', t('plan.sim.intervalCount'))}
              <IntervalMinutesField
                value={form.intervalMin}
                onValue={(intervalMin) => set({ intervalMin })}
                f={f}
              />
              {text('volumes', t('plan.sim.volumes'), t('plan.sim.listHelp'))}
              {text('ahtSec', t('plan.sim.aht'))}
              {text('patienceSec', t('plan.sim.patience'), t('plan.sim.patienceHelp'), false)}
              {text('thresholdSec', t('plan.calc.answerSec'))}
              {text('replications', t('plan.sim.replications'))}
              {text('seed', t('plan.sim.seed'))}
            </div>
            <fieldset className="fieldset plan-groups" aria-invalid={groupsError ? true : undefined}>
              <legend>{t('plan.sim.groups')}</legend>
              <p className="field-help">{t('plan.sim.groupsHelp')}</p>
              {groupsError ? <p className="field-error">{groupsError}</p> : null}
              <div className="plan-group-rows">
                {form.groups.map((g, i) => (
                  <div className="plan-group-row" key={g.key}>
                    <label className="option plan-group-name">
                      <input
                        type="checkbox"
                        checked={g.enabled}
                        onChange={(e) => setGroup(i, { enabled: e.target.checked })}
                      />
                      {groupName(t, g.key)}
                    </label>
                    <Field
                      label={t('plan.sim.agentsOf', { group: groupName(t, g.key) })}
                      error={errorOf(`groups.${i}.agents`)}
                    >
                      {(c) => (
                        <input
                          {...c}
                          disabled={!g.enabled}
                          value={g.agents}
                          onChange={(e) => setGroup(i, { agents: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      label={t('plan.sim.afterOf', { group: groupName(t, g.key) })}
                      error={errorOf(`groups.${i}.afterSec`)}
                    >
                      {(c) => (
                        <input
                          {...c}
                          inputMode="numeric"
                          disabled={!g.enabled}
                          value={g.afterSec}
                          onChange={(e) => setGroup(i, { afterSec: e.target.value })}
                        />
                      )}
                    </Field>
                  </div>
                ))}
              </div>
            </fieldset>
          </>
        ) : (
          <Field
            label={t('plan.sim.json')}
            help={t('plan.sim.jsonHelp')}
            error={state.jsonError ? t('plan.sim.notJson', { message: state.jsonError }) : undefined}
          >
            {(c) => (
              <textarea
                {...c}
                className="plan-csv-text"
                dir="ltr"
                rows={16}
                spellCheck={false}
                value={state.json}
                onChange={(e) => state.setJson(e.target.value)}
              />
            )}
          </Field>
        )}
        {state.scenarioErrors.length > 0 ? (
          <div className="banner banner-error plan-problems" role="alert">
            <div>
              <p className="plan-problems-title">{t('plan.sim.invalidScenario')}</p>
              <ul>
                {state.scenarioErrors.slice(0, 10).map((e) => (
                  <li key={`${e.path}-${e.message}`}>
                    <code dir="ltr">{e.path || '/'}</code> {e.message}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <Alert>{state.formProblems.length > 0 ? t('common.formHasErrors') : null}</Alert>
        <Alert>{state.runError ? t('plan.sim.failed', { message: state.runError }) : null}</Alert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={running}>
            {running ? t('plan.sim.running') : t('plan.sim.run')}
          </button>
          {running ? (
            <button type="button" onClick={state.cancel}>
              {t('plan.sim.cancel')}
            </button>
          ) : null}
        </div>
        {running ? <Progress label={t('plan.sim.progress')} fraction={state.progress ?? 0} /> : null}
      </form>
      {state.result ? <SimulationResultView result={state.result} f={f} /> : null}
    </>
  );
}

type IntervalResult = SimulationResult['intervals'][number];

function SimulationResultView({ result, f }: { result: SimulationResult; f: PlanFormat }) {
  const { t } = useTranslation();
  const ci = (e: Estimate, format: (v: number) => string) =>
    e.mean === null
      ? '–'
      : e.halfWidth95 === null
        ? format(e.mean)
        : `${format(e.mean)} ± ${format(e.halfWidth95)}`;
  // f.dec and f.pct show one decimal unless told otherwise.
  const pct = (v: number) => f.pct(v);
  const sec = (v: number) => t('plan.unit.secValue', { value: f.sec(v) });
  // A column of estimates: mean ± 95 % half-width, sorted by the mean.
  const ciColumn = (
    key: string,
    header: string,
    estimate: (i: IntervalResult) => Estimate | undefined,
    format: (v: number) => string,
  ): Column<IntervalResult> => ({
    key,
    header,
    numeric: true,
    cell: (i) => {
      const e = estimate(i);
      return e ? ci(e, format) : '–';
    },
    sortValue: (i) => estimate(i)?.mean ?? null,
  });
  const clock = (startSec: number) => {
    const minutes = Math.floor(startSec / 60) % 1440;
    return f.clock(
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    );
  };
  const labels = result.intervals.map((i) => ({ key: String(i.index), text: clock(i.startSec) }));
  const total = result.total;
  return (
    <>
      <section className="card" aria-labelledby="plan-sim-summary">
        <h2 id="plan-sim-summary">{t('plan.sim.summary')}</h2>
        <p className="field-help">
          {t('plan.sim.summaryHelp', {
            replications: f.int(result.replications),
            threshold: f.int(result.serviceLevelThresholdSec),
          })}
        </p>
        <dl className="plan-totals">
          <div className="plan-total">
            <dt>{t('plan.sim.offered')}</dt>
            <dd>{ci(total.offered, (v) => f.dec(v, 0))}</dd>
          </div>
          <div className="plan-total">
            <dt>{t('plan.metric.serviceLevel')}</dt>
            <dd>{ci(total.serviceLevel, pct)}</dd>
          </div>
          <div className="plan-total">
            <dt>{t('plan.metric.asa')}</dt>
            <dd>{ci(total.asaSec, sec)}</dd>
          </div>
          <div className="plan-total">
            <dt>{t('plan.metric.abandon')}</dt>
            <dd>{ci(total.abandonRate, pct)}</dd>
          </div>
          {result.groups.map((g, k) => (
            <div className="plan-total" key={g.id}>
              <dt>{t('plan.sim.occupancyOf', { group: groupName(t, g.id) })}</dt>
              <dd>{total.occupancy[k] ? ci(total.occupancy[k], pct) : '–'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="plan-sim-charts">
        <h2 id="plan-sim-charts">{t('plan.sim.perInterval')}</h2>
        <CiChart
          title={t('plan.sim.chartShares')}
          description={t('plan.sim.chartSharesDesc', {
            sl: ci(total.serviceLevel, pct),
            abandon: ci(total.abandonRate, pct),
          })}
          labels={labels}
          max={1}
          format={(v) => f.pct(v, 0)}
          series={[
            {
              key: 'sl',
              label: t('plan.metric.serviceLevel'),
              className: 'plan-ci-0',
              values: result.intervals.map((i) => i.serviceLevel),
            },
            {
              key: 'abandon',
              label: t('plan.metric.abandon'),
              className: 'plan-ci-1',
              values: result.intervals.map((i) => i.abandonRate),
            },
          ]}
        />
        <CiChart
          title={t('plan.sim.chartAsa')}
          description={t('plan.sim.chartAsaDesc', { asa: ci(total.asaSec, sec) })}
          labels={labels}
          format={(v) => f.int(v)}
          series={[
            {
              key: 'asa',
              label: t('plan.sim.asaSeconds'),
              className: 'plan-ci-2',
              values: result.intervals.map((i) => i.asaSec),
            },
          ]}
        />
        <p className="field-help">{t('plan.sim.ciHelp')}</p>
      </section>
      <DataTable
        caption={t('plan.sim.tableCaption')}
        rows={result.intervals}
        rowKey={(i) => String(i.index)}
        compact
        pageSize={96}
        columns={[
          {
            key: 'start',
            header: t('plan.intervals.colStart'),
            rowHeader: true,
            cell: (i) => clock(i.startSec),
          },
          ciColumn('offered', t('plan.sim.offered'), (i) => i.offered, f.dec),
          ciColumn('serviceLevel', t('plan.metric.serviceLevel'), (i) => i.serviceLevel, pct),
          ciColumn('asa', t('plan.intervals.colAsa'), (i) => i.asaSec, f.sec),
          ciColumn('abandon', t('plan.metric.abandon'), (i) => i.abandonRate, pct),
          ...result.groups.map((g, k) =>
            ciColumn(
              g.id,
              t('plan.sim.occupancyOf', { group: groupName(t, g.id) }),
              (i) => i.occupancy[k],
              pct,
            ),
          ),
        ]}
      />
    </>
  );
}
