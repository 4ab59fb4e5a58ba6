import { createHash } from 'node:crypto';
import { SIGNALS_MISSED } from '../../../platform/events/index.js';
import type { ModuleContext } from '../../../platform/module.js';

/** The prefix the knowledge triggers send (migration `knowledge_help_center_signals`). */
export const KNOWLEDGE_SIGNAL = 'knowledge.site:';

/**
 * How long a remembered page or site is trusted when no signal arrives: the bound on a signal lost
 * without the listening connection noticing (a lost connection forgets everything, `*`).
 */
export const HELP_CACHE_TTL_MS = 60_000;

/** Pages remembered per process; the oldest goes first beyond this (≈ 4 kB each: ≈ 20 MB at most). */
export const HELP_CACHE_MAX_PAGES = 5_000;

export interface CachedPage {
  readonly html: string;
  /** A strong validator of `html` (the same bytes give the same tag in every process). */
  readonly etag: string;
  /** What a view records (deflection): the article and the language actually shown. */
  readonly articleId: string;
  readonly shownLanguage: string;
}

interface Entry<T> {
  readonly organizationId: string;
  readonly value: T;
  readonly at: number;
}

/**
 * What the public help center reuses between requests in one server process: each help center's
 * settings and languages by slug, and each rendered article page (by help center, article, path
 * language and origin). The article page was 3–4 queries, Markdown-to-text for its description,
 * Intl language names and the HTML on every view; now a remembered page costs its view record only.
 *
 * Forgotten per organization when its knowledge changes: at once in the process that changed it
 * (the service calls `forgetHelpCenter`), and in every process by the triggers' NOTIFY on
 * `shoreline_signals` at commit (also for the CLI and plain SQL), as the directory cache does
 * (decision 0020). Served only while signals arrive, for at most `ttlMs`; a read that began before a
 * change never stores its (older) answer.
 */
export class HelpCenterCache<Site> {
  private readonly sites = new Map<string, Entry<Site>>();
  private readonly pages = new Map<string, Entry<CachedPage>>();
  private generation = 0;

  constructor(
    private readonly live: () => boolean,
    private readonly nowMs: () => number,
    private readonly ttlMs = HELP_CACHE_TTL_MS,
    private readonly maxPages = HELP_CACHE_MAX_PAGES,
  ) {}

  /** Take before reading the database; pass to `put…`. */
  mark(): number {
    return this.generation;
  }

  site(slug: string): Site | undefined {
    return this.fresh(this.sites, slug);
  }

  putSite(slug: string, organizationId: string, site: Site, mark: number): void {
    if (mark !== this.generation || !this.live()) return;
    this.sites.set(slug, { organizationId, value: site, at: this.nowMs() });
  }

  page(key: string): CachedPage | undefined {
    return this.fresh(this.pages, key);
  }

  putPage(key: string, organizationId: string, page: CachedPage, mark: number): void {
    if (mark !== this.generation || !this.live()) return;
    this.pages.delete(key);
    this.pages.set(key, { organizationId, value: page, at: this.nowMs() });
    // Maps keep insertion order: the first key is the oldest stored.
    while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as string);
  }

  forget(organizationId: string): void {
    this.generation++;
    for (const map of [this.sites, this.pages] as Map<string, Entry<unknown>>[])
      for (const [key, entry] of map) if (entry.organizationId === organizationId) map.delete(key);
  }

  clear(): void {
    this.generation++;
    this.sites.clear();
    this.pages.clear();
  }

  /** Applies a signal from platform/events: `knowledge.site:<org>`, or `*` for "start over". */
  onSignal(signal: string): void {
    if (signal === SIGNALS_MISSED) this.clear();
    else if (signal.startsWith(KNOWLEDGE_SIGNAL)) this.forget(signal.slice(KNOWLEDGE_SIGNAL.length));
  }

  get size(): { sites: number; pages: number } {
    return { sites: this.sites.size, pages: this.pages.size };
  }

  private fresh<T>(map: Map<string, Entry<T>>, key: string): T | undefined {
    if (!this.live()) return undefined;
    const hit = map.get(key);
    if (!hit) return undefined;
    const age = this.nowMs() - hit.at;
    if (age >= this.ttlMs || age < 0) {
      map.delete(key);
      return undefined;
    }
    return hit.value;
  }
}

/** A strong ETag of a page's bytes. */
export function etagOf(html: string): string {
  return `"${createHash('sha1').update(html).digest('base64url')}"`;
}

/** Does an If-None-Match header name this tag (or `*`)? Weak tags compare by their opaque part. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

/** The cache of each server instance, by its database handle (ScopedDb.database). */
const caches = new WeakMap<object, HelpCenterCache<unknown>>();

/**
 * Remembers help-center sites and pages for this instance (a server: called when its routes are
 * built). Returns the instance's cache.
 */
export function cacheHelpCenters<Site>(ctx: ModuleContext): HelpCenterCache<Site> {
  const existing = caches.get(ctx.db);
  if (existing) return existing as HelpCenterCache<Site>;
  const cache = new HelpCenterCache<Site>(
    () => ctx.events.signalsLive,
    () => ctx.clock.now().getTime(),
  );
  ctx.events.onSignal((signal) => cache.onSignal(signal));
  caches.set(ctx.db, cache as HelpCenterCache<unknown>);
  return cache;
}

/** Forgets an organization's help center in this process at once (its writer; others learn by signal). */
export function forgetHelpCenter(database: object, organizationId: string): void {
  caches.get(database)?.forget(organizationId);
}
