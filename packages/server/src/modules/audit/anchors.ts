// Anchors of the audit chain outside the database (issue 11, decision 0039). The head row lives in
// the same database as the log, so an attacker who rewrites the whole chain and its head goes
// unnoticed by the chain alone. Every hour a job copies each organization's head (seq, hash, time)
// to where the database's owner cannot reach: a directory the operator configures (one append-only
// NDJSON file per organization; mount it from other storage) and/or a URL that receives each anchor
// signed with HMAC-SHA-256. `verifyAnchors` checks the log against them: a record an anchor names
// must still be there with the anchored hash, and the log must not be shorter than the last anchor.
import { createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';
import type { JobDefinition } from '../../platform/jobs/index.js';
import type { ScopedDb } from '../../platform/scope.js';

/** One anchor: an organization's chain head at a moment. */
export interface AuditAnchor {
  readonly organizationId: string;
  readonly seq: number;
  readonly hash: string;
  /** When the anchor was taken (ISO 8601). */
  readonly at: string;
}

/** The header that carries an anchor's signature: `sha256=` and the HMAC of the body, hex. */
export const ANCHOR_SIGNATURE_HEADER = 'x-shoreline-signature';

export const anchorSignature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const anchorFile = (dir: string, organizationId: string) =>
  // Organization ids are `org_…` from ids.ts; anything else is refused rather than joined into a path.
  join(dir, `${/^[A-Za-z0-9_-]+$/.test(organizationId) ? organizationId : 'invalid'}.ndjson`);

/** The anchors written for an organization in `dir`, oldest first (none when there is no file). */
export async function readAnchors(dir: string, organizationId: string): Promise<AuditAnchor[]> {
  let text: string;
  try {
    text = await readFile(anchorFile(dir, organizationId), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditAnchor);
}

type AnchorSinks = Pick<Config, 'auditAnchorDir' | 'auditAnchorUrl' | 'auditAnchorSecret'>;

/**
 * Anchors every organization's head whose seq moved since its last anchor in the directory (with
 * only a URL configured, every head is sent). A failed POST fails the job (it is retried); the files
 * are written first, so what was written stays.
 */
export async function writeAnchors(
  db: Kysely<DB>,
  clock: Clock,
  sinks: AnchorSinks,
): Promise<{ anchored: number; skipped: boolean }> {
  if (!sinks.auditAnchorDir && !sinks.auditAnchorUrl) return { anchored: 0, skipped: true };
  const heads = await db.selectFrom('audit_heads').select(['organization_id', 'seq', 'hash']).execute();
  const at = clock.now().toISOString();
  const fresh: AuditAnchor[] = [];
  for (const h of heads) {
    if (Number(h.seq) === 0) continue;
    const anchor: AuditAnchor = { organizationId: h.organization_id, seq: Number(h.seq), hash: h.hash, at };
    if (sinks.auditAnchorDir) {
      const last = (await readAnchors(sinks.auditAnchorDir, h.organization_id)).at(-1);
      if (last && last.seq === anchor.seq && last.hash === anchor.hash) continue;
      await mkdir(sinks.auditAnchorDir, { recursive: true });
      await appendFile(anchorFile(sinks.auditAnchorDir, h.organization_id), `${JSON.stringify(anchor)}\n`);
    }
    fresh.push(anchor);
  }
  if (sinks.auditAnchorUrl && fresh.length > 0) {
    const body = JSON.stringify({ anchors: fresh });
    const res = await fetch(sinks.auditAnchorUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ANCHOR_SIGNATURE_HEADER]: anchorSignature(sinks.auditAnchorSecret!, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`the anchor sink answered ${res.status}`);
  }
  return { anchored: fresh.length, skipped: false };
}

/** Hourly: the chain heads to the configured sinks (nothing when none is configured). */
export const anchorJob: JobDefinition = {
  name: 'audit.anchor',
  schedule: { cron: '7 * * * *', timeZone: 'UTC' },
  maxAttempts: 5,
  handler: (_payload, ctx) => writeAnchors(ctx.db, ctx.clock, ctx.config),
};

export interface AnchorVerification {
  readonly anchors: number;
  readonly ok: boolean;
  /** The first anchor the log no longer matches: the chain was rewritten at or before its seq. */
  readonly problem: {
    readonly kind: 'rewritten' | 'truncated';
    /** The anchored record. */
    readonly seq: number;
    /** The last anchored record that still matches (0: none): the break lies after it. */
    readonly after: number;
    readonly anchoredAt: string;
    readonly message: string;
  } | null;
}

/**
 * Checks the organization's log against its anchors, oldest first: each anchored record must still
 * exist with the anchored hash. The first that does not names where the log was rewritten (between
 * the last matching anchor and it) or cut short.
 */
export async function verifyAnchors(
  scoped: ScopedDb,
  anchors: readonly AuditAnchor[],
): Promise<AnchorVerification> {
  const own = anchors.filter((a) => a.organizationId === scoped.actor.organizationId);
  if (own.length === 0) return { anchors: 0, ok: true, problem: null };
  const rows = await scoped
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where(
      'seq',
      'in',
      own.map((a) => a.seq),
    )
    .execute();
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r.hash]));
  let after = 0;
  for (const a of own) {
    const hash = bySeq.get(a.seq);
    if (hash === undefined)
      return {
        anchors: own.length,
        ok: false,
        problem: {
          kind: 'truncated',
          seq: a.seq,
          after,
          anchoredAt: a.at,
          message: `record ${a.seq}, anchored ${a.at}, is no longer in the log`,
        },
      };
    if (hash !== a.hash)
      return {
        anchors: own.length,
        ok: false,
        problem: {
          kind: 'rewritten',
          seq: a.seq,
          after,
          anchoredAt: a.at,
          message: `record ${a.seq} differs from its anchor of ${a.at}: the log was rewritten after record ${after}`,
        },
      };
    after = a.seq;
  }
  return { anchors: own.length, ok: true, problem: null };
}
