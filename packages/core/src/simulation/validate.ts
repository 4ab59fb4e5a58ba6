import type { Scenario } from './scenario.js';

/** One problem with a scenario: the JSON path of the field (`skills[0].service.meanSec`) and why. */
export interface ScenarioError {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;
interface NumberRule {
  min?: number;
  minExclusive?: number;
  max?: number;
  integer?: boolean;
}

const MAX_REPLICATIONS = 10_000;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberProblem(value: unknown, rule: NumberRule): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number';
  if (rule.integer && !Number.isInteger(value)) return 'must be an integer';
  if (rule.min !== undefined && value < rule.min) return `must be ≥ ${rule.min}`;
  if (rule.minExclusive !== undefined && value <= rule.minExclusive) return `must be > ${rule.minExclusive}`;
  if (rule.max !== undefined && value > rule.max) return `must be ≤ ${rule.max}`;
  return undefined;
}

/** Collects errors; each check returns the value when valid, so callers can go on with it. */
class Checker {
  readonly errors: ScenarioError[] = [];

  add(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  number(value: unknown, path: string, rule: NumberRule): number | undefined {
    const problem = numberProblem(value, rule);
    return problem ? this.add(path, problem) : (value as number);
  }

  /** A non-empty array; reports it and returns undefined otherwise. */
  array(value: unknown, path: string, what: string): unknown[] | undefined {
    return Array.isArray(value) && value.length > 0
      ? value
      : this.add(path, `must be a non-empty array of ${what}`);
  }

  /** One value per interval, or a single value for all intervals. */
  perInterval(value: unknown, path: string, intervalCount: number | undefined, integer: boolean): void {
    const values = this.array(value, path, 'numbers');
    if (!values) return;
    if (intervalCount !== undefined && values.length !== 1 && values.length !== intervalCount)
      this.add(path, `must have 1 or intervals.count (${intervalCount}) entries, not ${values.length}`);
    for (const [i, entry] of values.entries()) this.number(entry, `${path}[${i}]`, { min: 0, integer });
  }

  /** The objects of a non-empty array with their paths (`groups[0]`); an entry that is not one is reported. */
  *objects(value: unknown, path: string, what: string): Generator<[string, Json]> {
    for (const [i, entry] of (this.array(value, path, what) ?? []).entries()) {
      if (isObject(entry)) yield [`${path}[${i}]`, entry];
      else this.add(`${path}[${i}]`, 'must be an object');
    }
  }

  /** Whether an entry's `id` is a non-empty string none before it had; reports it otherwise. */
  newId(id: unknown, path: string, taken: { has(id: string): boolean }, what: string): id is string {
    if (typeof id !== 'string' || id === '') this.add(`${path}.id`, 'must be a non-empty string');
    else if (taken.has(id)) this.add(`${path}.id`, `duplicate ${what} id "${id}"`);
    else return true;
    return false;
  }
}

function checkDistribution(check: Checker, spec: unknown, path: string, allowNone: boolean): void {
  if (!isObject(spec)) return void check.add(path, 'must be an object with a "kind"');
  switch (spec.kind) {
    case 'none':
      if (!allowNone) check.add(`${path}.kind`, '"none" is only allowed for patience');
      return;
    case 'exponential':
      check.number(spec.meanSec, `${path}.meanSec`, { minExclusive: 0 });
      return;
    case 'lognormal':
      check.number(spec.meanSec, `${path}.meanSec`, { minExclusive: 0 });
      check.number(spec.sdSec, `${path}.sdSec`, { min: 0 });
      return;
    case 'constant':
      check.number(spec.valueSec, `${path}.valueSec`, { min: 0 });
      return;
    case 'empirical': {
      const values = check.array(spec.valuesSec, `${path}.valuesSec`, 'seconds') ?? [];
      for (const [i, v] of values.entries()) check.number(v, `${path}.valuesSec[${i}]`, { min: 0 });
      if (spec.interpolate !== undefined && typeof spec.interpolate !== 'boolean')
        check.add(`${path}.interpolate`, 'must be a boolean');
      return;
    }
    default:
      check.add(
        `${path}.kind`,
        `must be one of ${allowNone ? 'none, ' : ''}exponential, lognormal, empirical or constant`,
      );
  }
}

function checkArrivals(
  check: Checker,
  spec: unknown,
  path: string,
  count?: number,
  horizonSec?: number,
): void {
  if (!isObject(spec)) return void check.add(path, 'must be an object with a "kind"');
  if (spec.kind === 'poisson') {
    check.perInterval(spec.callsPerInterval, `${path}.callsPerInterval`, count, false);
    return;
  }
  if (spec.kind !== 'trace') return void check.add(`${path}.kind`, 'must be "poisson" or "trace"');
  if (!Array.isArray(spec.calls)) return void check.add(`${path}.calls`, 'must be an array');
  for (const [i, call] of spec.calls.entries()) {
    const callPath = `${path}.calls[${i}]`;
    if (!isObject(call)) {
      check.add(callPath, 'must be an object');
      continue;
    }
    const arrival = check.number(call.arrivalSec, `${callPath}.arrivalSec`, { min: 0 });
    if (arrival !== undefined && horizonSec !== undefined && arrival >= horizonSec)
      check.add(`${callPath}.arrivalSec`, `must be before the end of the last interval (${horizonSec} s)`);
    if (call.serviceSec !== undefined) check.number(call.serviceSec, `${callPath}.serviceSec`, { min: 0 });
    if (call.patienceSec !== undefined) check.number(call.patienceSec, `${callPath}.patienceSec`, { min: 0 });
  }
}

function checkRouting(
  check: Checker,
  routing: unknown,
  path: string,
  skillId: unknown,
  groups: Map<string, Json>,
) {
  const stages = check.array(routing, path, 'stages') ?? [];
  const seen = new Set<string>();
  let previousAfter = -1;
  for (const [i, stage] of stages.entries()) {
    const stagePath = `${path}[${i}]`;
    if (!isObject(stage)) {
      check.add(stagePath, 'must be an object with groups and afterSec');
      continue;
    }
    const after = check.number(stage.afterSec, `${stagePath}.afterSec`, { min: 0 });
    if (after !== undefined) {
      if (i === 0 && after !== 0) check.add(`${stagePath}.afterSec`, 'the first stage must open at 0');
      if (i > 0 && after <= previousAfter)
        check.add(`${stagePath}.afterSec`, 'must exceed the previous stage’s');
      previousAfter = after;
    }
    const groupIds = check.array(stage.groups, `${stagePath}.groups`, 'group ids') ?? [];
    for (const [j, groupId] of groupIds.entries()) {
      const groupPath = `${stagePath}.groups[${j}]`;
      const group = typeof groupId === 'string' ? groups.get(groupId) : undefined;
      if (!group) {
        check.add(groupPath, `unknown group ${JSON.stringify(groupId)}`);
        continue;
      }
      if (!Array.isArray(group.skills) || !group.skills.includes(skillId))
        check.add(groupPath, `group "${groupId}" lacks skill ${JSON.stringify(skillId)}`);
      if (seen.has(groupId as string)) check.add(groupPath, `group "${groupId}" appears in two stages`);
      seen.add(groupId as string);
    }
  }
}

function checkGroups(check: Checker, value: unknown, count: number | undefined): Map<string, Json> {
  const groups = new Map<string, Json>();
  for (const [path, group] of check.objects(value, 'groups', 'agent groups')) {
    if (check.newId(group.id, path, groups, 'group')) groups.set(group.id, group);
    for (const field of ['provider', 'site'] as const)
      if (group[field] !== undefined && typeof group[field] !== 'string')
        check.add(`${path}.${field}`, 'must be a string');
    if (!Array.isArray(group.skills) || group.skills.some((s) => typeof s !== 'string'))
      check.add(`${path}.skills`, 'must be an array of skill ids');
    check.perInterval(group.agentsPerInterval, `${path}.agentsPerInterval`, count, true);
  }
  return groups;
}

function checkSkills(
  check: Checker,
  value: unknown,
  groups: Map<string, Json>,
  count?: number,
  horizon?: number,
) {
  const skillIds = new Set<string>();
  for (const [path, skill] of check.objects(value, 'skills', 'skills')) {
    if (check.newId(skill.id, path, skillIds, 'skill')) skillIds.add(skill.id);
    checkArrivals(check, skill.arrivals, `${path}.arrivals`, count, horizon);
    checkDistribution(check, skill.service, `${path}.service`, false);
    checkDistribution(check, skill.patience, `${path}.patience`, true);
    if (skill.routing !== undefined) checkRouting(check, skill.routing, `${path}.routing`, skill.id, groups);
    else if (![...groups.values()].some((g) => Array.isArray(g.skills) && g.skills.includes(skill.id)))
      check.add(`${path}.id`, `no group has skill ${JSON.stringify(skill.id)}`);
  }
  return skillIds;
}

/**
 * Checks that a value is a well-formed `Scenario`, by hand (core has no runtime dependencies).
 * Returns every problem found, each naming the field by its JSON path and the reason; an empty
 * array means `simulate` will accept the value.
 *
 * @example
 * validateScenario({ ...scenario, seed: -1 }) // [{ path: 'seed', message: 'must be ≥ 0' }]
 */
export function validateScenario(value: unknown): ScenarioError[] {
  if (!isObject(value)) return [{ path: '', message: 'must be a JSON object' }];
  const check = new Checker();
  if (value.name !== undefined && typeof value.name !== 'string') check.add('name', 'must be a string');
  check.number(value.seed, 'seed', { min: 0, max: 0xffffffff, integer: true });
  if (value.replications !== undefined)
    check.number(value.replications, 'replications', { min: 1, max: MAX_REPLICATIONS, integer: true });
  let count: number | undefined;
  let horizonSec: number | undefined;
  if (!isObject(value.intervals)) check.add('intervals', 'must be an object with lengthSec and count');
  else {
    const length = check.number(value.intervals.lengthSec, 'intervals.lengthSec', { minExclusive: 0 });
    count = check.number(value.intervals.count, 'intervals.count', { min: 1, integer: true });
    if (length !== undefined && count !== undefined) horizonSec = length * count;
  }
  if (value.warmupIntervals !== undefined) {
    const warmup = check.number(value.warmupIntervals, 'warmupIntervals', { min: 0, integer: true });
    if (warmup !== undefined && count !== undefined && warmup >= count)
      check.add('warmupIntervals', 'must leave at least one interval after the warm-up');
  }
  if (value.drain !== undefined && typeof value.drain !== 'boolean') check.add('drain', 'must be a boolean');
  check.number(value.serviceLevelThresholdSec, 'serviceLevelThresholdSec', { min: 0 });
  const groups = checkGroups(check, value.groups, count);
  const skillIds = checkSkills(check, value.skills, groups, count, horizonSec);
  if (Array.isArray(value.groups))
    for (const [i, group] of value.groups.entries()) {
      if (!isObject(group) || !Array.isArray(group.skills)) continue;
      for (const [j, skill] of group.skills.entries())
        if (typeof skill === 'string' && !skillIds.has(skill))
          check.add(`groups[${i}].skills[${j}]`, `unknown skill "${skill}"`);
    }
  return check.errors;
}

/** Narrows `value` to a `Scenario`, or throws a RangeError listing every problem. */
export function assertValidScenario(value: unknown): asserts value is Scenario {
  const errors = validateScenario(value);
  if (errors.length > 0)
    throw new RangeError(
      `Invalid scenario: ${errors.map((e) => `${e.path || '(root)'} ${e.message}`).join('; ')}`,
    );
}
