import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { detached } from '../db/cancel.js';
import type { Database } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { type EventBus, openEventBus, SIGNALS_MISSED } from './bus.js';
import type { EventListener } from './listener.js';
import { ensureCursor, runListenerPass } from './listener-runner.js';
import { belowHorizon } from './position.js';
import { PushHub } from './push-hub.js';
import type { PushReaders } from './push-policy.js';
import { pruneEvents } from './retention.js';

/**
 * The process's consumer side of the outbox: the listener loop (woken by NOTIFY, with a fallback
 * timer for a missed notification), the browser push hub, and retention. `drain()` runs everything
 * due now: tests call it instead of waiting for the timer.
 */
export class EventRuntime {
  readonly hub: PushHub;
  private bus: EventBus | null = null;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private lastPrune = 0;
  private readonly signalHandlers: ((signal: string) => void)[] = [];

  constructor(
    private readonly deps: {
      database: Database;
      config: Config;
      clock: Clock;
      listeners: readonly EventListener[];
      readers: PushReaders;
    },
  ) {
    this.hub = new PushHub(deps.database.db, deps.readers, deps.config.pushStreamsPerUser);
  }

  /**
   * Starts listening. With `background` the loop runs by itself (a served process); without, only
   * push is live and listeners run when `drain()` is called (in-process tests).
   */
  async start(options: { background: boolean }): Promise<void> {
    if (this.bus) return;
    const { database, listeners } = this.deps;
    for (const l of listeners) await ensureCursor(database.db, l.name);
    await this.hub.start();
    this.bus = await openEventBus(database);
    this.bus.onTransient((e) => this.hub.transient(e));
    this.bus.onSignal((signal) => {
      for (const fn of this.signalHandlers) fn(signal);
    });
    this.bus.onWake(() => {
      void this.hub.wake();
      if (options.background) this.wake();
    });
    const every = this.deps.config.eventPollMs;
    this.timer = setInterval(() => {
      void this.hub.wake();
      if (options.background) this.wake();
    }, every);
    this.timer.unref();
    if (options.background) this.wake();
  }

  /**
   * Cache invalidations from every process on the database (platform/events/bus.ts `publishSignal`,
   * or a trigger's pg_notify on `shoreline_signals`); `*` (SIGNALS_MISSED) means forget everything.
   */
  onSignal(fn: (signal: string) => void): void {
    this.signalHandlers.push(fn);
  }

  /**
   * True while signals arrive: started, and the listening connection up. A cache kept by signals
   * must not serve from memory otherwise (another process's change would go unnoticed).
   */
  get signalsLive(): boolean {
    return this.bus?.listening ?? false;
  }

  /** Asks the loop for a pass soon; passes never overlap within a process. */
  wake(): void {
    if (this.queued) return;
    this.queued = true;
    // Outside the caller's request: the pass is the process's work, not the request's (db/cancel.ts).
    detached(() => {
      this.chain = this.chain
        .then(() => {
          this.queued = false;
          return this.pass();
        })
        .catch((err) => console.warn(`events: listener loop: ${(err as Error).message}`));
    });
  }

  /**
   * Runs every listener until it has nothing left, then their timed work; resolves when done. First
   * waits (boundedly) until every event committed before the call is below the horizon: any open
   * transaction on the PostgreSQL server, in any database, holds the horizon back (decision 0011),
   * and a caller that drains expects what it just committed to be delivered.
   */
  drain(): Promise<void> {
    const run = this.chain.then(async () => {
      await waitForHorizon(this.deps.database.db, DRAIN_HORIZON_WAIT_MS);
      await this.pass();
    });
    this.chain = run.catch((err) => console.warn(`events: listener loop: ${(err as Error).message}`));
    return run;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.chain;
    await this.bus?.close();
    this.bus = null;
    for (const fn of this.signalHandlers) fn(SIGNALS_MISSED);
  }

  private async pass(): Promise<void> {
    const { database, clock, config, listeners } = this.deps;
    for (const listener of listeners) {
      while ((await runListenerPass(database.db, listener, { clock, config })) === 'more') {}
    }
    for (const listener of listeners) await listener.tick?.({ database, clock, config });
    const now = clock.now().getTime();
    if (now - this.lastPrune >= 3_600_000) {
      this.lastPrune = now;
      await pruneEvents(
        database.db,
        clock.now(),
        config.eventRetentionDays,
        listeners.map((l) => l.name),
      );
    }
  }
}

/** How long `drain` waits for older transactions to end before it runs with what is deliverable. */
const DRAIN_HORIZON_WAIT_MS = 15_000;

/** Until no committed event is at or above the horizon, or `ms` passed (then the pass delivers what it can). */
async function waitForHorizon(db: Kysely<DB>, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  for (;;) {
    const { rows } = await sql<{ pending: boolean }>`
      select exists (
        select 1 from domain_events e where not ${belowHorizon('e')}
      ) as pending`.execute(db);
    if (!rows[0]?.pending || performance.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
