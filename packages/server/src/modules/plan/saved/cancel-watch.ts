// A running build learns of its plan's cancel through the platform's signals (LISTEN/NOTIFY, decision
// 0012's path), not only by reading the plan's row: the cancel route publishes `plan.cancelled:<id>`
// in its transaction, delivered to every process at commit. One handler per app instance (an
// instanceSlot) hands each signal to the builds of that plan running here.
import { SIGNALS_MISSED } from '../../../platform/events/index.js';
import { instanceSlot } from '../../../platform/module.js';

const PREFIX = 'plan.cancelled:';

/** The signal a plan's cancel (or delete) publishes. */
export const planCancelSignal = (planId: string) => `${PREFIX}${planId}`;

export interface CancelWatch {
  /** Calls `check` when the plan's cancel is signalled, or when signals may have been missed; returns the unwatch. */
  watch(planId: string, check: () => void): () => void;
}

export const cancelWatchSlot = instanceSlot<CancelWatch>('plan.cancel-watch', (ctx) => {
  const watchers = new Map<string, Set<() => void>>();
  ctx.events.onSignal((signal) => {
    if (signal === SIGNALS_MISSED) {
      for (const set of watchers.values()) for (const check of set) check();
    } else if (signal.startsWith(PREFIX)) {
      for (const check of watchers.get(signal.slice(PREFIX.length)) ?? []) check();
    }
  });
  return {
    watch(planId, check) {
      const set = watchers.get(planId) ?? new Set();
      set.add(check);
      watchers.set(planId, set);
      return () => {
        set.delete(check);
        if (set.size === 0) watchers.delete(planId);
      };
    },
  };
});
