import { Cron } from 'croner';

/**
 * The first occurrence of `cron` in `timeZone` strictly after `after`. Croner handles the
 * daylight-saving days: a local time skipped in spring runs at the first valid time after the gap,
 * and a local time that happens twice in autumn runs once.
 * @throws Error naming the expression when it is not a valid cron expression.
 */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date | null {
  const job = new Cron(cron, { timezone: timeZone, paused: true });
  try {
    return job.nextRun(after);
  } finally {
    job.stop();
  }
}

/** The idempotency key of one occurrence: processes that schedule it together enqueue it once. */
export const occurrenceKey = (name: string, at: Date) => `${name}@${at.toISOString()}`;
