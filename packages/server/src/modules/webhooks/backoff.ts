/** Attempts per delivery before it is marked failed (about an hour of retries in all). */
export const MAX_WEBHOOK_ATTEMPTS = 8;

/**
 * Seconds to wait after failed attempt `attempt` (1-based): 30 s doubled each time (30 s, 1 min,
 * 2 min, … 32 min after the 7th), capped at 6 h. Exponential backoff spreads retries out so an
 * endpoint that is down is not hammered, as AWS's "Exponential Backoff and Jitter" advises; no
 * jitter here, since each delivery is retried on its own schedule already.
 */
export function webhookRetryDelaySec(attempt: number): number {
  return Math.min(6 * 3600, 30 * 2 ** Math.max(0, attempt - 1));
}
