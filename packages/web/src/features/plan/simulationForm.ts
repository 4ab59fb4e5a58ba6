// The simulation form: a small scenario of one Poisson voice skill answered by up to three agent
// groups (in-house first, nearshore and offshore as overflow after some seconds of waiting), turned
// into core's scenario JSON (docs/maths/simulation.md).
import type { AgentGroupSpec, RoutingStage, Scenario } from '@shoreline/core/simulation/index';
import { checkNumber, isFail, type NumberRule } from './numbers';

export const GROUP_KEYS = ['in-house', 'nearshore', 'offshore'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export interface GroupForm {
  key: GroupKey;
  enabled: boolean;
  /** One number, or one per interval separated by spaces. */
  agents: string;
  /** Seconds a contact waits before this group may answer it. */
  afterSec: string;
}

export interface SimulationForm {
  intervalCount: string;
  intervalMin: '15' | '30' | '60';
  /** Expected calls per interval: one number, or one per interval. */
  volumes: string;
  ahtSec: string;
  /** Mean patience, seconds; empty means callers never hang up. */
  patienceSec: string;
  thresholdSec: string;
  replications: string;
  seed: string;
  groups: GroupForm[];
}

export const DEFAULT_SIMULATION_FORM: SimulationForm = {
  intervalCount: '4',
  intervalMin: '30',
  volumes: '100 140 160 120',
  ahtSec: '240',
  patienceSec: '180',
  thresholdSec: '20',
  replications: '20',
  seed: '42',
  groups: [
    { key: 'in-house', enabled: true, agents: '12 15 17 13', afterSec: '0' },
    { key: 'nearshore', enabled: true, agents: '4', afterSec: '20' },
    { key: 'offshore', enabled: true, agents: '3', afterSec: '60' },
  ],
};

/** A form problem: the field (`volumes`, `groups.1.agents`, `groups`) and what is wrong. */
export interface FormProblem {
  field: string;
  rule: NumberRule | 'listLength' | 'noGroup' | 'firstAtZero' | 'range';
  /** For listLength: the number of intervals. */
  count?: number;
  /** For range. */
  min?: number;
  max?: number;
}

export const MAX_REPLICATIONS = 1000;
export const MAX_INTERVALS = 96;

/** "10 12,5 14" → numbers (spaces or semicolons between; decimal comma allowed); null on a bad entry. */
function readList(text: string, whole: boolean): number[] | null | 'empty' {
  const parts = text
    .trim()
    .split(/[\s;]+/)
    .filter(Boolean);
  if (parts.length === 0) return 'empty';
  const values: number[] = [];
  for (const part of parts) {
    const checked = checkNumber(part, whole ? 'whole' : 'min0');
    if (isFail(checked) || checked === null) return null;
    values.push(checked);
  }
  return values;
}

/** Builds the scenario, or lists what is wrong with the form. */
export function buildScenario(form: SimulationForm): { scenario: Scenario } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const number = (
    field: keyof SimulationForm,
    rule: Exclude<NumberRule, 'required' | 'number'>,
    required = true,
  ) => {
    const checked = checkNumber(form[field] as string, rule, required);
    if (isFail(checked)) {
      problems.push({ field, rule: checked.fail });
      return undefined;
    }
    return checked ?? undefined;
  };
  const count = number('intervalCount', 'whole');
  const range = (field: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && (value < min || value > max))
      problems.push({ field, rule: 'range', min, max });
  };
  range('intervalCount', count, 1, MAX_INTERVALS);
  const ahtSec = number('ahtSec', 'positive');
  const patienceSec = number('patienceSec', 'positive', false);
  const thresholdSec = number('thresholdSec', 'min0');
  const replications = number('replications', 'whole');
  range('replications', replications, 1, MAX_REPLICATIONS);
  const seed = number('seed', 'whole');
  range('seed', seed, 0, 0xffffffff);

  const list = (field: string, text: string, whole: boolean) => {
    const values = readList(text, whole);
    if (values === 'empty') problems.push({ field, rule: 'required' });
    else if (values === null) problems.push({ field, rule: whole ? 'whole' : 'min0' });
    else if (count !== undefined && values.length !== 1 && values.length !== count)
      problems.push({ field, rule: 'listLength', count });
    else return values;
    return undefined;
  };
  const volumes = list('volumes', form.volumes, false);

  const groups: AgentGroupSpec[] = [];
  const delays: { id: string; afterSec: number }[] = [];
  form.groups.forEach((g, i) => {
    if (!g.enabled) return;
    const agents = list(`groups.${i}.agents`, g.agents, true);
    const after = checkNumber(g.afterSec, 'min0');
    if (isFail(after)) problems.push({ field: `groups.${i}.afterSec`, rule: after.fail });
    if (agents) groups.push({ id: g.key, provider: g.key, skills: ['voice'], agentsPerInterval: agents });
    if (!isFail(after) && after !== null) delays.push({ id: g.key, afterSec: after });
  });
  if (form.groups.every((g) => !g.enabled)) problems.push({ field: 'groups', rule: 'noGroup' });
  else if (delays.length > 0 && Math.min(...delays.map((d) => d.afterSec)) !== 0)
    problems.push({ field: 'groups', rule: 'firstAtZero' });
  if (problems.length > 0) return { problems };

  const routing: RoutingStage[] = [];
  for (const d of [...delays].sort((a, b) => a.afterSec - b.afterSec)) {
    const last = routing.at(-1);
    if (last && last.afterSec === d.afterSec) last.groups.push(d.id);
    else routing.push({ groups: [d.id], afterSec: d.afterSec });
  }
  return {
    scenario: {
      name: 'Plan page scenario',
      seed: seed!,
      replications: replications!,
      intervals: { lengthSec: Number(form.intervalMin) * 60, count: count! },
      serviceLevelThresholdSec: thresholdSec!,
      skills: [
        {
          id: 'voice',
          arrivals: { kind: 'poisson', callsPerInterval: volumes! },
          service: { kind: 'exponential', meanSec: ahtSec! },
          patience:
            patienceSec === undefined ? { kind: 'none' } : { kind: 'exponential', meanSec: patienceSec },
          routing,
        },
      ],
      groups,
    },
  };
}
