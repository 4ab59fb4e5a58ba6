import type { Selectable } from 'kysely';
import type { ModuleContext } from '../module.js';
import type { JobsTable } from './tables.js';

/** What a handler gets besides its payload. */
export interface JobContext extends ModuleContext {
  readonly job: {
    readonly id: string;
    readonly name: string;
    readonly organizationId: string | null;
    readonly providerId: string | null;
    readonly createdBy: string | null;
    /** 1 on the first run; a resumed or retried job sees more. */
    readonly attempt: number;
    readonly maxAttempts: number;
  };
  /** Aborted when the job times out, the process stops, or another process took the job over. */
  readonly signal: AbortSignal;
  /** Records progress (0–1) for the admin view and the job's owner. */
  progress(fraction: number): Promise<void>;
}

/** A job a module can run: declared in its ShorelineModule's `jobs` list. */
export interface JobDefinition {
  /** `module.what`, unique across modules. */
  readonly name: string;
  /** The job's work. What it returns is kept as the job's result (JSON; see `jsonText`). */
  handler(payload: Record<string, unknown>, ctx: JobContext): Promise<unknown>;
  /** Runs before the job becomes a dead letter (default 5). */
  readonly maxAttempts?: number;
  /** Wall-clock budget of one attempt; past it the attempt fails and the signal aborts. */
  readonly timeoutMs?: number;
  /** Recurring: enqueued once per occurrence of `cron` in `timeZone` (IANA), as a system job. */
  readonly schedule?: { readonly cron: string; readonly timeZone: string };
}

/** A failure retrying cannot fix (bad input): the job becomes a dead letter at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

const JSON_TEXT = Symbol('jsonText');

/** A handler result already serialised as JSON text (kept as is, never parsed on this thread). */
export interface JsonText {
  readonly [JSON_TEXT]: string;
}
export const jsonText = (text: string): JsonText => ({ [JSON_TEXT]: text });

/** The result as JSON text for the `result` column, or null. */
export function resultText(result: unknown): string | null {
  if (result === undefined || result === null) return null;
  if (typeof result === 'object' && JSON_TEXT in result) return (result as JsonText)[JSON_TEXT];
  return JSON.stringify(result);
}

export type JobRow = Selectable<JobsTable>;
