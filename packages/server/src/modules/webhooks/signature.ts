import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `Shoreline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed by the secret>`.
 * The timestamp inside the signed text lets a receiver refuse replays older than its tolerance.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, unixSeconds, body)}`;
}

/**
 * What a receiver does (docs/webhooks.md): recompute the HMAC over the raw body and compare in
 * constant time, and refuse a timestamp further than `toleranceSec` from its own clock.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  nowUnixSeconds: number,
  toleranceSec = 300,
): boolean {
  const parts = new Map<string, string[]>();
  for (const piece of header.split(',')) {
    const [k, v] = piece.split('=', 2);
    if (k && v) parts.set(k.trim(), [...(parts.get(k.trim()) ?? []), v.trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t) || Math.abs(nowUnixSeconds - t) > toleranceSec) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return (parts.get('v1') ?? []).some((v) => {
    const given = Buffer.from(v, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

function hmac(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
