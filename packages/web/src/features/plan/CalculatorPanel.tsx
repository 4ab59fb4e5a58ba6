// One interval: volume, AHT and targets in; the fewest agents (Erlang C, or Erlang A with a mean
// patience) and what they achieve out, recomputed with core on every keystroke.

import { deflectionVolumeFactor } from '@shoreline/core/knowledge/what-if';
import type { BindingConstraint, StaffingRequirement } from '@shoreline/core/staffing/index';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Field } from '../../lib/ui';
import { type Deflection, DeflectionWhatIf } from '../knowledge/DeflectionWhatIf';
import {
  type CalcOutcome,
  type CalcParams,
  type CurvePoint,
  computeCalculation,
  offeredLoadOf,
  WORKER_LOAD_ERLANGS,
} from './calculatorCompute';
import { IntervalMinutesField } from './IntervalMinutesField';
import { checkNumber, isFail, type NumberRule, ruleMessage } from './numbers';
import { SlCurveChart } from './SlCurveChart';
import { usePlanFormat } from './usePlanFormat';
import { JobCancelled, PlanWorkerClient } from './workerProtocol';

export type { CurvePoint } from './calculatorCompute';

export interface CalculatorInputs {
  volume: string;
  ahtSec: string;
  intervalMin: '15' | '30' | '60';
  slPercent: string;
  answerSec: string;
  asaSec: string;
  abandonPercent: string;
  patienceSec: string;
  occupancyPercent: string;
  shrinkagePercent: string;
}

export const DEFAULT_CALCULATOR: CalculatorInputs = {
  volume: '100',
  ahtSec: '180',
  intervalMin: '30',
  slPercent: '80',
  answerSec: '20',
  asaSec: '',
  abandonPercent: '',
  patienceSec: '',
  occupancyPercent: '85',
  shrinkagePercent: '30',
};

type FieldName = Exclude<keyof CalculatorInputs, 'intervalMin'>;

const RULES: Record<FieldName, [Exclude<NumberRule, 'required' | 'number'>, boolean]> = {
  volume: ['min0', true],
  ahtSec: ['positive', true],
  slPercent: ['percentBelow100', true],
  answerSec: ['min0', true],
  asaSec: ['positive', false],
  abandonPercent: ['percentUpTo100', false],
  patienceSec: ['positive', false],
  occupancyPercent: ['percentUpTo100', true],
  shrinkagePercent: ['percentBelow100', true],
};

interface Computed {
  errors: Partial<Record<FieldName, string>>;
  /** Set when the calculation runs in the worker (see WORKER_LOAD_ERLANGS). */
  params?: CalcParams;
  requirement?: StaffingRequirement;
  failure?: string;
  curve: CurvePoint[];
  slTarget: number;
}

function fromOutcome(
  t: TFunction,
  outcome: CalcOutcome,
): Pick<Computed, 'requirement' | 'curve' | 'failure'> {
  return outcome.ok
    ? { requirement: outcome.requirement, curve: outcome.curve }
    : {
        curve: [],
        failure: outcome.field === 'targets' ? t('plan.calc.unattainable') : t('plan.calc.invalid'),
      };
}

/**
 * Runs a big calculation in the Plan worker: the page stays responsive and says "computing…"; a
 * newer input cancels the older job (the worker is terminated). Null params: nothing to run.
 */
function useBackgroundCalculation(params: CalcParams | undefined): {
  computing: boolean;
  outcome?: CalcOutcome;
} {
  const client = useRef<PlanWorkerClient | null>(null);
  const key = params ? JSON.stringify(params) : '';
  const [state, setState] = useState<{ key: string; outcome: CalcOutcome } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for params.
  useEffect(() => {
    if (!params) return;
    client.current ??= new PlanWorkerClient();
    let current = true;
    client.current
      .run({ kind: 'calc', params }, () => {})
      .then((done) => {
        if (current && done.kind === 'calc') setState({ key, outcome: done.outcome });
      })
      .catch((error: unknown) => {
        if (!(error instanceof JobCancelled)) throw error;
      });
    return () => {
      current = false;
    };
  }, [key]);
  useEffect(() => () => client.current?.dispose(), []);
  const outcome = state && state.key === key ? state.outcome : undefined;
  return outcome ? { computing: false, outcome } : { computing: params !== undefined };
}

export function CalculatorPanel(props: {
  inputs: CalculatorInputs;
  onChange: (next: CalculatorInputs) => void;
}) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const { inputs, onChange } = props;
  const set = (name: keyof CalculatorInputs) => (value: string) => onChange({ ...inputs, [name]: value });
  // The help center's what-if: the volume fed to staffing loses the deflected contacts (decision 0038).
  const [deflection, setDeflection] = useState<Deflection | null>(null);

  const computed = useMemo((): Computed => {
    const errors: Partial<Record<FieldName, string>> = {};
    const values: Partial<Record<FieldName, number | null>> = {};
    for (const name of Object.keys(RULES) as FieldName[]) {
      const [rule, required] = RULES[name];
      const checked = checkNumber(inputs[name], rule, required);
      if (isFail(checked)) errors[name] = ruleMessage(t, checked.fail);
      else values[name] = checked;
    }
    if (
      !errors.abandonPercent &&
      values.abandonPercent != null &&
      values.patienceSec == null &&
      !errors.patienceSec
    )
      errors.patienceSec = t('plan.check.patienceForAbandon');
    const slTarget = (values.slPercent ?? 0) / 100;
    if (Object.keys(errors).length > 0) return { errors, curve: [], slTarget };
    const params: CalcParams = {
      volume: values.volume! * (deflection ? deflectionVolumeFactor(deflection) : 1),
      intervalSec: Number(inputs.intervalMin) * 60,
      ahtSec: values.ahtSec!,
      shrinkage: values.shrinkagePercent! / 100,
      patienceSec: values.patienceSec ?? undefined,
      slTarget,
      withinSec: values.answerSec!,
      maxOccupancy: values.occupancyPercent! / 100,
      asaSec: values.asaSec ?? undefined,
      abandonRate: values.abandonPercent != null ? values.abandonPercent / 100 : undefined,
    };
    // A big interval would freeze the page: it goes to the worker, and the result says "computing…".
    if (offeredLoadOf(params) > WORKER_LOAD_ERLANGS) return { errors, curve: [], slTarget, params };
    return { ...fromOutcome(t, computeCalculation(params)), errors, slTarget };
  }, [inputs, t, deflection]);
  const background = useBackgroundCalculation(computed.params);
  const shown: Computed =
    computed.params && background.outcome ? { ...computed, ...fromOutcome(t, background.outcome) } : computed;

  const field = (name: FieldName, label: string, help?: string, unit?: string) => (
    <Field label={label} help={help} error={computed.errors[name]} required={RULES[name][1]}>
      {(c) => (
        <span className="plan-input-unit">
          <input
            {...c}
            name={name}
            inputMode="decimal"
            value={inputs[name]}
            onChange={(e) => set(name)(e.target.value)}
          />
          {unit ? <span aria-hidden="true">{unit}</span> : null}
        </span>
      )}
    </Field>
  );

  const slValue = Number(inputs.slPercent.replace(',', '.'));
  const sliderValue = Number.isFinite(slValue) ? Math.min(99, Math.max(50, Math.round(slValue))) : 80;
  const r = shown.requirement;

  return (
    <div className="plan-calc">
      <form className="card plan-calc-form" onSubmit={(e) => e.preventDefault()} noValidate>
        <h2>{t('plan.calc.inputs')}</h2>
        <div className="form-grid">
          {field('volume', t('plan.calc.volume'), t('plan.calc.volumeHelp'))}
          <DeflectionWhatIf
            value={deflection}
            onChange={setDeflection}
            volume={Number.isFinite(Number(inputs.volume)) ? Number(inputs.volume) : undefined}
          />
          {field('ahtSec', t('plan.calc.aht'), undefined, t('plan.unit.sec'))}
          <IntervalMinutesField value={inputs.intervalMin} onValue={set('intervalMin')} f={f} />
          <Field label={t('plan.calc.slTarget')} error={computed.errors.slPercent} required>
            {(c) => (
              <span className="plan-slider-pair">
                <input
                  type="range"
                  min={50}
                  max={99}
                  step={1}
                  value={sliderValue}
                  aria-label={t('plan.calc.slSlider')}
                  aria-valuetext={f.pct(sliderValue / 100, 0)}
                  onChange={(e) => set('slPercent')(e.target.value)}
                />
                <span className="plan-input-unit">
                  <input
                    {...c}
                    name="slPercent"
                    inputMode="decimal"
                    className="plan-input-short"
                    value={inputs.slPercent}
                    onChange={(e) => set('slPercent')(e.target.value)}
                  />
                  <span aria-hidden="true">%</span>
                </span>
              </span>
            )}
          </Field>
          {field('answerSec', t('plan.calc.answerSec'), undefined, t('plan.unit.sec'))}
          {field('asaSec', t('plan.calc.asaTarget'), t('plan.calc.optional'), t('plan.unit.sec'))}
          {field('occupancyPercent', t('plan.calc.maxOccupancy'), undefined, '%')}
          {field('shrinkagePercent', t('plan.calc.shrinkage'), t('plan.calc.shrinkageHelp'), '%')}
        </div>
        <fieldset className="fieldset plan-erlang-a">
          <legend>{t('plan.calc.abandonLegend')}</legend>
          <p className="field-help">{t('plan.calc.abandonHelp')}</p>
          <div className="form-grid">
            {field('patienceSec', t('plan.calc.patience'), undefined, t('plan.unit.sec'))}
            {field('abandonPercent', t('plan.calc.maxAbandon'), undefined, '%')}
          </div>
        </fieldset>
      </form>

      <section className="card plan-calc-result" aria-labelledby="plan-calc-result" aria-live="polite">
        <h2 id="plan-calc-result">{t('plan.calc.result')}</h2>
        {computed.params && background.computing ? (
          <p className="plan-computing" role="status" data-testid="calc-computing">
            <progress aria-label={t('plan.calc.computing')} /> {t('plan.calc.computing')}
          </p>
        ) : null}
        <Alert>{shown.failure}</Alert>
        {r ? (
          <>
            <div className="plan-stats">
              <Stat id="raw-agents" label={t('plan.metric.rawAgents')} value={f.int(r.rawAgents)} big />
              <Stat
                id="scheduled-agents"
                label={t('plan.metric.scheduledAgents')}
                value={f.int(r.scheduledAgents)}
                big
              />
            </div>
            <dl className="facts plan-facts">
              <dt>{t('plan.metric.serviceLevel')}</dt>
              <dd>{f.pct(r.performance.serviceLevel)}</dd>
              <dt>{t('plan.metric.asa')}</dt>
              <dd>{t('plan.unit.secValue', { value: f.sec(r.performance.averageSpeedOfAnswerSec) })}</dd>
              <dt>{t('plan.metric.probabilityOfWait')}</dt>
              <dd>{f.pct(r.performance.probabilityOfWait)}</dd>
              <dt>{t('plan.metric.occupancy')}</dt>
              <dd>{f.pct(r.performance.occupancy)}</dd>
              <dt>{t('plan.metric.abandon')}</dt>
              <dd>{f.pct(r.performance.probabilityOfAbandon)}</dd>
              <dt>{t('plan.metric.offeredLoad')}</dt>
              <dd>{t('plan.unit.erlangs', { value: f.dec(r.offeredLoad, 2) })}</dd>
              <dt>{t('plan.metric.model')}</dt>
              <dd>{r.model === 'erlang-a' ? t('plan.model.erlangA') : t('plan.model.erlangC')}</dd>
              <dt>{t('plan.metric.binding')}</dt>
              <dd>{bindingLabel(t, r.binding)}</dd>
            </dl>
            {shown.curve.length > 0 ? (
              <SlCurveChart points={shown.curve} target={shown.slTarget} answer={r.rawAgents} />
            ) : null}
          </>
        ) : null}
      </section>
    </div>
  );
}

function Stat(props: { id: string; label: string; value: string; big?: boolean }) {
  return (
    <div className={props.big ? 'plan-stat plan-stat-big' : 'plan-stat'}>
      <span className="plan-stat-label" id={`stat-${props.id}`}>
        {props.label}
      </span>
      <output className="plan-stat-value" aria-labelledby={`stat-${props.id}`} data-testid={props.id}>
        {props.value}
      </output>
    </div>
  );
}

const BINDING_KEYS = {
  none: 'plan.binding.none',
  stability: 'plan.binding.stability',
  occupancy: 'plan.binding.occupancy',
  'service-level': 'plan.binding.serviceLevel',
  'average-speed-of-answer': 'plan.binding.asa',
  abandonment: 'plan.binding.abandonment',
  minimum: 'plan.binding.minimum',
} as const satisfies Record<BindingConstraint | 'minimum', string>;

// One lookup, one t() call: a switch of seven t() calls made TypeScript give up
// (TS2589, "excessively deep") once the catalog grew.
export function bindingLabel(t: TFunction, binding: BindingConstraint | 'minimum'): string {
  return t(BINDING_KEYS[binding]);
}
