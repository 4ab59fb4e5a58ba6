import { SIGNALS_MISSED } from '../../platform/events/index.js';
import { instanceSlot, type ModuleContext } from '../../platform/module.js';
import type { Actor } from '../../platform/scope.js';

/**
 * How long a cached sign-in is trusted without asking the database, when no invalidation arrives.
 * This bounds how long a revoked session or token can keep working in another process if its
 * invalidation signal was lost; normally the signal (NOTIFY at the revoking commit) ends it within
 * milliseconds, and in the process that revoked it, at once (docs/decisions/0012-session-cache.md).
 */
export const SIGN_IN_CACHE_TTL_MS = 5_000;

/** Sign-ins held at most; the oldest go first (a bound on memory, not a working-set guess). */
const MAX_ENTRIES = 10_000;

/** A resolved session or API token, as the database said at `fetchedAt`. */
export interface CachedSignIn {
  readonly actor: Actor & { scopes?: readonly string[] };
  /** The session's or token's row id (for the once-a-minute last-seen touch). */
  readonly rowId: string;
  /** When the session or token stops working regardless of use. */
  readonly expiresAt: Date;
  /** Last use written to the database (sessions: sliding idle expiry; tokens: last used). */
  lastSeenAt: Date | null;
  readonly fetchedAt: number;
}

/**
 * Sign-ins (token digest → actor) resolved recently, so a signed-in request costs no database read.
 * Every process keeps its own; a change that ends a session or changes its user (sign-out, sign-out
 * everywhere, deactivation, role change, password change, token revocation — by API, CLI or plain
 * SQL) reaches all of them as a signal from the identity triggers (`identity.user:<id>`), and the
 * process that made it forgets at once. Entries also expire after `ttlMs`. Served from memory only
 * while signals arrive (`live()`): with the listening connection down, every request asks the database.
 */
export class SignInCache {
  private readonly entries = new Map<string, CachedSignIn>();
  private readonly keysByUser = new Map<string, Set<string>>();
  /** `/api/me` answers per user: every page load asks it; dropped with the user's sign-ins. */
  private readonly meByUser = new Map<string, { body: unknown; fetchedAt: number }>();
  /** Raised by every invalidation: a lookup that began before one may not store its (older) answer. */
  private generation = 0;

  constructor(
    private readonly live: () => boolean,
    private readonly ttlMs = SIGN_IN_CACHE_TTL_MS,
  ) {}

  /** The cached sign-in for a key (`s:<digest>` or `t:<digest>`), if fresh and signals are live. */
  get(key: string, nowMs: number): CachedSignIn | undefined {
    if (!this.live()) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (nowMs - hit.fetchedAt >= this.ttlMs || nowMs < hit.fetchedAt) {
      this.remove(key, hit.actor.userId);
      return undefined;
    }
    return hit;
  }

  /** Take before reading the database; pass to `put`. */
  mark(): number {
    return this.generation;
  }

  /** Stores what the database said, unless an invalidation arrived since `mark()` was taken. */
  put(key: string, entry: CachedSignIn, mark: number): void {
    if (mark !== this.generation || !this.live()) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value!;
      this.remove(oldest, this.entries.get(oldest)!.actor.userId);
    }
    this.entries.set(key, entry);
    const keys = this.keysByUser.get(entry.actor.userId) ?? new Set<string>();
    keys.add(key);
    this.keysByUser.set(entry.actor.userId, keys);
  }

  /** The user's remembered `/api/me` answer, if fresh and signals are live. */
  me(userId: string, nowMs: number): unknown {
    if (!this.live()) return undefined;
    const hit = this.meByUser.get(userId);
    if (!hit) return undefined;
    if (nowMs - hit.fetchedAt >= this.ttlMs || nowMs < hit.fetchedAt) {
      this.meByUser.delete(userId);
      return undefined;
    }
    return hit.body;
  }

  /** Remembers a `/api/me` answer read after `mark()`, unless an invalidation came in between. */
  rememberMe(userId: string, body: unknown, nowMs: number, mark: number): void {
    if (mark !== this.generation || !this.live()) return;
    if (this.meByUser.size >= MAX_ENTRIES) this.meByUser.delete(this.meByUser.keys().next().value!);
    this.meByUser.set(userId, { body, fetchedAt: nowMs });
  }

  /**
   * Forgets every remembered `/api/me` answer (a provider renamed in this process; other processes
   * show the new name within the time bound).
   */
  forgetAnswers(): void {
    this.generation++;
    this.meByUser.clear();
  }

  /** Forgets every sign-in of a user (their sessions and tokens) and their `/api/me` answer. */
  forgetUser(userId: string): void {
    this.generation++;
    this.meByUser.delete(userId);
    for (const key of this.keysByUser.get(userId) ?? []) this.entries.delete(key);
    this.keysByUser.delete(userId);
  }

  /** Forgets everything (signals may have been missed). */
  clear(): void {
    this.generation++;
    this.meByUser.clear();
    this.entries.clear();
    this.keysByUser.clear();
  }

  /** Applies a signal from platform/events: `identity.user:<id>`, or `*` for "start over". */
  onSignal(signal: string): void {
    if (signal === SIGNALS_MISSED) this.clear();
    else if (signal.startsWith(USER_SIGNAL)) this.forgetUser(signal.slice(USER_SIGNAL.length));
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string, userId: string): void {
    this.entries.delete(key);
    const keys = this.keysByUser.get(userId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByUser.delete(userId);
  }
}

/** The prefix the identity triggers send (migration `identity_session_signals`). */
const USER_SIGNAL = 'identity.user:';

const signInCacheSlot = instanceSlot('identity.sign-ins', (ctx) => {
  const cache = new SignInCache(() => ctx.events.signalsLive);
  ctx.events.onSignal((signal) => cache.onSignal(signal));
  return cache;
});

/** The app instance's sign-in cache. */
export function signInCacheOf(ctx: ModuleContext): SignInCache {
  return ctx.instance(signInCacheSlot);
}
