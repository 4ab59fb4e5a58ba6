import { createHash } from 'node:crypto';

/** Secrets are stored only as SHA-256 digests: a leaked table holds no usable token. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const SESSION_COOKIE = 'shoreline_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
export const SESSION_IDLE_MS = 3 * 24 * 3600 * 1000;
