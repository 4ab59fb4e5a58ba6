import { hostname } from 'node:os';
import { newId } from '../ids.js';
import type { ModuleContext } from '../module.js';
import { type BackoffPolicy, backoffMs, DEFAULT_BACKOFF } from './backoff.js';
import { enqueueJob } from './enqueue.js';
import {
  type JobContext,
  type JobDefinition,
  type JobRow,
  PermanentJobError,
  resultText,
} from './job-definition.js';
import {
  claimDueJobs,
  completeJob,
  expireAllLeases,
  failJob,
  recordProgress,
  releaseJob,
  renewLease,
} from './queue-store.js';
import { nextOccurrence, occurrenceKey } from './recurring.js';
import { listenForJobs } from './wake-listener.js';

export interface JobRunnerOptions {
  ctx: ModuleContext;
  definitions: readonly JobDefinition[];
  /** Jobs this process runs at once (0: this process runs none, it only enqueues). */
  concurrency?: number;
  /** How often to look for due jobs when nothing woke the runner. */
  pollMs?: number;
  /** How long a claim holds without renewal; a crashed process's job is taken again after it. */
  leaseMs?: number;
  /** Jitter source for backoff (seeded in tests). */
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Names this process in `locked_by`. */
  workerId?: string;
}

export interface RunSummary {
  ran: number;
  done: number;
  failed: number;
}

/**
 * Runs due jobs of the given definitions: polling (plus LISTEN/NOTIFY wake-ups) once started, or
 * on demand with `runDueJobs()` (tests, after advancing a fixed clock). Time comes from the
 * injected clock; only the poll and lease-renewal intervals use real timers.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  private readonly inFlight = new Map<string, { done: Promise<void>; abort: AbortController }>();
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private stopping = false;
  private ticking: Promise<void> | null = null;
  private tickAgain = false;
  /** Per recurring job: the occurrence last enqueued by this process (skip the insert until it passed). */
  private readonly scheduled = new Map<string, Date>();

  constructor(private readonly o: JobRunnerOptions) {
    for (const d of o.definitions) {
      if (this.definitions.has(d.name)) throw new Error(`duplicate job name ${d.name}`);
      this.definitions.set(d.name, d);
    }
    this.concurrency = o.concurrency ?? 2;
    this.pollMs = o.pollMs ?? 1_000;
    this.leaseMs = o.leaseMs ?? 30_000;
    this.random = o.random ?? Math.random;
    this.backoff = o.backoff ?? DEFAULT_BACKOFF;
    this.workerId = o.workerId ?? `${hostname()}:${process.pid}:${newId('w').slice(-6)}`;
  }

  private get now(): Date {
    return this.o.ctx.clock.now();
  }

  /** Starts polling and listening. On an embedded database, orphaned `running` jobs are due at once. */
  async start(): Promise<void> {
    if (this.concurrency === 0) return;
    if (this.o.ctx.database.kind === 'pglite') await expireAllLeases(this.o.ctx.db, this.now);
    this.stopping = false;
    try {
      this.unlisten = await listenForJobs(this.o.ctx.database, () => this.wake());
    } catch (err) {
      console.warn(`jobs: cannot listen (${(err as Error).message}); polling every ${this.pollMs} ms`);
    }
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /**
   * Stops taking jobs and waits up to `graceMs` for running ones; those still running then are
   * aborted and handed back (due at once, the attempt not counted) for another process.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
    await this.ticking;
    const running = [...this.inFlight.values()].map((j) => j.done);
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(running),
      new Promise((resolve) => {
        timeout = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timeout);
    for (const [id, job] of this.inFlight) {
      job.abort.abort(new Error('server stopping'));
      await releaseJob(this.o.ctx.db, id, this.workerId, this.now).catch(() => undefined);
    }
  }

  /** Looks for due work now (an enqueue in this or another process, a poll, a finished job). */
  wake(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = this.tick()
      .catch((err) => console.warn(`jobs: ${(err as Error).message}`))
      .finally(() => {
        this.ticking = null;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.wake();
        }
      });
  }

  private async tick(): Promise<void> {
    await this.scheduleRecurring();
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const claimed = await this.claim(free);
    for (const job of claimed) this.launch(job).finally(() => this.wake());
  }

  /**
   * Runs every due job until none is due (jobs they enqueue, if due, too), and waits for them.
   * For tests: advance the fixed clock, then call this.
   */
  async runDueJobs(): Promise<RunSummary> {
    const summary: RunSummary = { ran: 0, done: 0, failed: 0 };
    await this.scheduleRecurring();
    for (;;) {
      const claimed = await this.claim(Math.max(1, this.concurrency));
      if (claimed.length === 0) return summary;
      const outcomes = await Promise.all(claimed.map((job) => this.launch(job)));
      for (const ok of outcomes) {
        summary.ran++;
        if (ok) summary.done++;
        else summary.failed++;
      }
    }
  }

  /**
   * Enqueues the next occurrence of each recurring job (a system job, due at the occurrence).
   * Every process does this; the occurrence's idempotency key makes it one job. Occurrences that
   * fell entirely while no process ran are skipped, not caught up.
   */
  async scheduleRecurring(): Promise<void> {
    const now = this.now;
    for (const d of this.definitions.values()) {
      if (!d.schedule) continue;
      const last = this.scheduled.get(d.name);
      if (last && last > now) continue;
      const at = nextOccurrence(d.schedule.cron, d.schedule.timeZone, now);
      if (!at) continue;
      await enqueueJob(this.o.ctx.db, this.o.ctx.clock, {
        name: d.name,
        runAt: at,
        idempotencyKey: occurrenceKey(d.name, at),
        payload: { scheduledFor: at.toISOString() },
        ...(d.maxAttempts ? { maxAttempts: d.maxAttempts } : {}),
      });
      this.scheduled.set(d.name, at);
    }
  }

  private claim(limit: number): Promise<JobRow[]> {
    return claimDueJobs(this.o.ctx.db, {
      workerId: this.workerId,
      names: [...this.definitions.keys()],
      limit,
      now: this.now,
      leaseMs: this.leaseMs,
    });
  }

  /** Runs one claimed job to its next state; resolves true when it finished. */
  private launch(job: JobRow): Promise<boolean> {
    const abort = new AbortController();
    const done = this.execute(job, abort).finally(() => this.inFlight.delete(job.id));
    this.inFlight.set(job.id, {
      done: done.then(() => undefined),
      abort,
    });
    return done;
  }

  private async execute(job: JobRow, abort: AbortController): Promise<boolean> {
    const { ctx } = this.o;
    const definition = this.definitions.get(job.name)!;
    const renew = setInterval(
      () => {
        renewLease(ctx.db, job.id, this.workerId, new Date(this.now.getTime() + this.leaseMs))
          .then((held) => {
            if (!held) abort.abort(new Error('lease lost: another process took the job over'));
          })
          .catch(() => undefined);
      },
      Math.max(50, this.leaseMs / 3),
    );
    renew.unref();
    let timeout: NodeJS.Timeout | undefined;
    try {
      if (job.attempts > job.max_attempts)
        throw new PermanentJobError(
          `gave up after ${job.max_attempts} attempts (the last ones ended with their process)`,
        );
      const jobContext: JobContext = {
        ...ctx,
        job: {
          id: job.id,
          name: job.name,
          organizationId: job.organization_id,
          providerId: job.provider_id,
          createdBy: job.created_by,
          attempt: job.attempts,
          maxAttempts: job.max_attempts,
        },
        signal: abort.signal,
        progress: (f) => recordProgress(ctx.db, job.id, this.workerId, f),
      };
      const work = definition.handler(job.payload, jobContext);
      const budget = definition.timeoutMs;
      const result = budget
        ? await Promise.race([
            work,
            new Promise<never>((_, reject) => {
              timeout = setTimeout(() => {
                const err = new Error(`timed out after ${budget} ms`);
                abort.abort(err);
                reject(err);
              }, budget);
            }),
          ])
        : await work;
      await completeJob(ctx.db, {
        id: job.id,
        workerId: this.workerId,
        now: this.now,
        resultText: resultText(result),
      });
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const permanent = err instanceof PermanentJobError || job.attempts >= job.max_attempts;
      const retryAt = permanent
        ? null
        : new Date(this.now.getTime() + backoffMs(job.attempts, this.random, this.backoff));
      await failJob(ctx.db, {
        id: job.id,
        workerId: this.workerId,
        now: this.now,
        error: message,
        retryAt,
      }).catch((e) => console.warn(`jobs: cannot record failure of ${job.id}: ${(e as Error).message}`));
      return false;
    } finally {
      clearInterval(renew);
      clearTimeout(timeout);
    }
  }
}
