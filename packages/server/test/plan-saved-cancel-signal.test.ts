import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import type { SavedPlan } from '../src/modules/plan/index.js';
import { cancelWatchSlot } from '../src/modules/plan/saved/cancel-watch.js';
import type { TestApp } from '../src/test-support/test-app.js';
import { testAppAround } from './app-around.js';
import { planSample } from './isolation/sample-bodies.js';

// Decision 0059: a running build hears its plan's cancel through the platform's signals
// (LISTEN/NOTIFY), not only by reading the plan's row every half second.
describe('plan: a cancel is signalled to the running build', () => {
  let t: TestApp;
  testAppAround({ demo: true }, (app) => {
    t = app;
  });

  it('cancelling a plan wakes the watch of that plan, and of no other', async () => {
    const supervisor = await t.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    const created = await t.request('/api/plan/plans', { auth: supervisor, body: planSample('Signalled') });
    expect(created.status).toBe(202);
    const plan = (await created.json()) as SavedPlan;
    const watch = t.shoreline.ctx.instance(cancelWatchSlot);
    let otherWoken = false;
    const unwatchOther = watch.watch('pln_another', () => {
      otherWoken = true;
    });
    let unwatch = () => {};
    const woken = new Promise<void>((resolve) => {
      unwatch = watch.watch(plan.id, resolve);
    });
    const cancelled = await t.request(`/api/plan/plans/${plan.id}/cancel`, {
      method: 'POST',
      auth: supervisor,
    });
    expect(cancelled.status).toBe(200);
    // Resolves only when the signal came back through LISTEN/NOTIFY; never: the test times out.
    await woken;
    expect(otherWoken).toBe(false);
    unwatch();
    unwatchOther();
  });
});
