import { requiredAgents } from '@shoreline/core/staffing/index';
import { describe, expect, it } from 'vitest';
import { type CalcParams, computeCalculation, offeredLoadOf, WORKER_LOAD_ERLANGS } from './calculatorCompute';

const base: CalcParams = {
  volume: 100,
  intervalSec: 1800,
  ahtSec: 300,
  shrinkage: 0.3,
  slTarget: 0.8,
  withinSec: 20,
  maxOccupancy: 0.85,
};

describe('the calculator’s maths', () => {
  it('gives core’s answer and a service-level curve around it', () => {
    const outcome = computeCalculation(base);
    if (!outcome.ok) throw new Error('expected an answer');
    const core = requiredAgents({
      volume: 100,
      intervalSec: 1800,
      ahtSec: 300,
      shrinkage: 0.3,
      targets: { serviceLevel: { fraction: 0.8, withinSec: 20 }, maxOccupancy: 0.85 },
    });
    expect(outcome.requirement.rawAgents).toBe(core.rawAgents);
    expect(outcome.curve.map((p) => p.agents)).toContain(core.rawAgents);
  });

  it('sends the interval that froze the page (10 million contacts of 24 h) to the worker', () => {
    expect(offeredLoadOf({ ...base, volume: 10_000_000, ahtSec: 86_400 })).toBeGreaterThan(
      WORKER_LOAD_ERLANGS,
    );
    expect(offeredLoadOf(base)).toBeLessThan(WORKER_LOAD_ERLANGS);
  });

  it('names the field of an impossible target instead of throwing', () => {
    const outcome = computeCalculation({ ...base, maxOccupancy: 0 });
    expect(outcome.ok).toBe(false);
  });
});
