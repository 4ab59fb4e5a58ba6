// State of the simulation tab, kept by the Plan page: the form or pasted JSON, and a run in a Web
// Worker with progress and cancel.
import type { Scenario, ScenarioError, SimulationResult } from '@shoreline/core/simulation/index';
import { validateScenario } from '@shoreline/core/simulation/index';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  buildScenario,
  DEFAULT_SIMULATION_FORM,
  type FormProblem,
  type SimulationForm,
} from './simulationForm';
import { PlanWorkerClient, runJob } from './workerProtocol';

export type SimulationMode = 'form' | 'json';

export interface SimulationState {
  mode: SimulationMode;
  setMode: (mode: SimulationMode) => void;
  form: SimulationForm;
  setForm: (form: SimulationForm) => void;
  json: string;
  setJson: (json: string) => void;
  formProblems: FormProblem[];
  /** Problems core's validateScenario found, by JSON path. */
  scenarioErrors: ScenarioError[];
  /** JSON.parse's message when the pasted text is not JSON. */
  jsonError: string | null;
  runError: string | null;
  progress: number | null;
  result: SimulationResult | null;
  run: () => void;
  cancel: () => void;
}

export function useSimulation(): SimulationState {
  const [mode, setModeState] = useState<SimulationMode>('form');
  const [form, setForm] = useState<SimulationForm>(DEFAULT_SIMULATION_FORM);
  const [json, setJson] = useState('');
  const [formProblems, setFormProblems] = useState<FormProblem[]>([]);
  const [scenarioErrors, setScenarioErrors] = useState<ScenarioError[]>([]);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const client = useRef<PlanWorkerClient | null>(null);

  useEffect(() => () => client.current?.dispose(), []);

  const setMode = useCallback(
    (next: SimulationMode) => {
      // Switching to JSON shows the form's scenario, ready to edit.
      if (next === 'json' && json.trim() === '') {
        const built = buildScenario(form);
        if ('scenario' in built) setJson(JSON.stringify(built.scenario, null, 2));
      }
      setModeState(next);
    },
    [form, json],
  );

  const run = useCallback(() => {
    setFormProblems([]);
    setScenarioErrors([]);
    setJsonError(null);
    setRunError(null);
    let scenario: unknown;
    if (mode === 'form') {
      const built = buildScenario(form);
      if ('problems' in built) return setFormProblems(built.problems);
      scenario = built.scenario;
    } else {
      try {
        scenario = JSON.parse(json);
      } catch (error) {
        return setJsonError(error instanceof Error ? error.message : String(error));
      }
    }
    const errors = validateScenario(scenario);
    if (errors.length > 0) return setScenarioErrors(errors);
    client.current ??= new PlanWorkerClient();
    setProgress(0);
    runJob(
      client.current,
      { kind: 'simulate', scenario: scenario as Scenario },
      {
        onProgress: setProgress,
        onSettled: () => setProgress(null),
        onDone: (done) => setResult(done.result),
        onFailed: setRunError,
      },
    );
  }, [mode, form, json]);

  const cancel = useCallback(() => {
    client.current?.cancel();
    setProgress(null);
  }, []);

  return {
    mode,
    setMode,
    form,
    setForm,
    json,
    setJson,
    formProblems,
    scenarioErrors,
    jsonError,
    runError,
    progress,
    result,
    run,
    cancel,
  };
}
