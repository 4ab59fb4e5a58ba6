import {
  hourOfWeekColumn,
  localDayColumn,
  type TicketColumns,
  UNRELIABLE_RESOLUTION_FLAGS,
  withoutFlaggedDurations,
} from '@shoreline/core';
import type { ScopedDb } from '../../../platform/scope.js';
import { loadTicketColumns } from './load-columns.js';
import type { VersionMemory } from './version-memory.js';

/**
 * Ticket columns per (database, organization, provider scope), kept in memory between KPI requests and
 * reloaded when the organization's ticket data version (tickets/data-version.ts) has moved: every
 * write to tickets raises it in its own transaction, so a request that reads the version and finds
 * it unchanged knows the columns hold every committed ticket. Concurrent requests share one load.
 */
export class CachedColumns {
  private readonly derived = new Map<string, Int16Array | Int32Array>();
  private readonly answers = new Map<string, unknown>();

  constructor(
    readonly columns: TicketColumns,
    readonly version: number,
  ) {}

  private trusted: TicketColumns | null = null;

  /**
   * The columns KPIs measure: with resolution times that are not the source's left out unless
   * `includeInferredResolutions` (the same rule as kpi-sql.ts); the copy is made once per load.
   */
  measured(includeInferredResolutions: boolean | undefined): TicketColumns {
    if (includeInferredResolutions) return this.columns;
    this.trusted ??= withoutFlaggedDurations(this.columns, UNRELIABLE_RESOLUTION_FLAGS, [
      'resolution',
      'resolutionBusiness',
    ]);
    return this.trusted;
  }

  /** Local hour of week of created_at in a zone, computed once per zone (kept for a few zones). */
  hourOfWeek(timeZone: string): Int16Array {
    return this.memo(`how:${timeZone}`, () => hourOfWeekColumn(this.columns.createdMicros, timeZone));
  }

  /** Local day (days since 1970-01-01) of created_at or of the closing instant (`closedMicros`) in a zone. */
  localDays(column: 'created' | 'closed', timeZone: string): Int32Array {
    const source = column === 'created' ? this.columns.createdMicros : this.columns.closedMicros;
    return this.memo(`day:${column}:${timeZone}`, () => localDayColumn(source, timeZone));
  }

  /**
   * An answer computed over these columns, remembered: the columns never change (a new data version
   * makes a new CachedColumns), so the same question (`key`: the query and its filter) has the same
   * answer until the version moves. Repeat KPI reads then cost a map lookup instead of a pass over
   * every ticket. The most recently asked few are kept.
   */
  remember<T>(key: string, compute: () => T): T {
    if (this.answers.has(key)) {
      const hit = this.answers.get(key) as T;
      // Least recently used goes first: re-inserting moves the key to the end.
      this.answers.delete(key);
      this.answers.set(key, hit);
      return hit;
    }
    const value = compute();
    if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, value);
    return value;
  }

  private memo<T extends Int16Array | Int32Array>(key: string, make: () => T): T {
    let v = this.derived.get(key);
    if (v === undefined) {
      if (this.derived.size >= 12) this.derived.delete(this.derived.keys().next().value!);
      v = make();
      this.derived.set(key, v);
    }
    return v as T;
  }
}

/** Answers remembered per column set (KPI tables are a few kB each). */
const MAX_ANSWERS = 256;

interface Slot {
  version: number;
  loading: Promise<CachedColumns>;
  ready: CachedColumns | null;
  lastUsed: number;
}

export interface ColumnCacheOptions {
  /** Soft cap on tickets held across all organizations; least recently used ones go first. */
  maxRows: number;
  /** Versions remembered between requests (a server); without it every request reads the version. */
  versions?: VersionMemory;
}

/** Bytes of a column set's typed arrays (dictionaries not counted: a few short strings). */
function bytesOf(c: TicketColumns): number {
  let bytes =
    c.createdMicros.byteLength +
    c.solvedMicros.byteLength +
    c.closedMicros.byteLength +
    c.reopenCount.byteLength;
  bytes += c.handoffCount.byteLength + c.slaBreached.byteLength + c.abandoned.byteLength;
  bytes += c.csat.byteLength + c.qualityMask.byteLength;
  for (const a of Object.values(c.codes)) bytes += a.byteLength;
  for (const a of Object.values(c.durations)) bytes += a.byteLength;
  return bytes;
}

async function readVersion(scoped: ScopedDb): Promise<number> {
  const row = await scoped.selectFrom('ticket_data_versions').select('version').executeTakeFirst();
  return row ? Number(row.version) : 0;
}

/** The organization's version, from memory when a server remembers it (not inside a transaction). */
async function currentVersion(scoped: ScopedDb, memory: VersionMemory | undefined): Promise<number> {
  if (!memory || scoped.executor.isTransaction) return readVersion(scoped);
  const organizationId = scoped.actor.organizationId;
  const remembered = memory.get(organizationId);
  if (remembered !== undefined) return remembered;
  const mark = memory.mark();
  const version = await readVersion(scoped);
  memory.put(organizationId, version, mark);
  return version;
}

/** One app instance's column sets (kpi-service.ts makes one per instance). */
export class ColumnCache {
  private readonly databaseIds = new WeakMap<object, number>();
  private nextDatabaseId = 1;
  private readonly slots = new Map<string, Slot>();
  private tick = 0;

  constructor(private readonly options: ColumnCacheOptions = { maxRows: 5_000_000 }) {}

  /** What the cache holds now: column sets, tickets and bytes (operators' view; the bench prints it). */
  stats(): { sets: number; tickets: number; bytes: number } {
    let tickets = 0;
    let bytes = 0;
    let sets = 0;
    for (const s of this.slots.values())
      if (s.ready) {
        sets++;
        tickets += s.ready.columns.length;
        bytes += bytesOf(s.ready.columns);
      }
    return { sets, tickets, bytes };
  }

  /** Forgets every cached column set (tests, and an operator's escape hatch). */
  clear(): void {
    this.slots.clear();
  }

  private slotKey(scoped: ScopedDb): string {
    let id = this.databaseIds.get(scoped.database);
    if (id === undefined) {
      id = this.nextDatabaseId++;
      this.databaseIds.set(scoped.database, id);
    }
    return `${id}\u0000${scoped.actor.organizationId}\u0000${scoped.actor.providerId ?? ''}`;
  }

  /** The scope's tickets as columns, current as of this call. */
  async columnsFor(scoped: ScopedDb): Promise<CachedColumns> {
    const slots = this.slots;
    const key = this.slotKey(scoped);
    const version = await currentVersion(scoped, this.options.versions);
    let slot = slots.get(key);
    if (!slot || slot.version !== version) {
      // The version is read before the rows: a write committed in between makes the rows newer than
      // the recorded version, which costs one extra reload later, never a stale answer.
      const loading = loadTicketColumns(scoped).then((columns) => {
        const ready = new CachedColumns(columns, version);
        const current = slots.get(key);
        if (current?.loading === loading) current.ready = ready;
        this.evict();
        return ready;
      });
      slot = { version, loading, ready: null, lastUsed: 0 };
      slots.set(key, slot);
      loading.catch(() => {
        if (slots.get(key)?.loading === loading) slots.delete(key);
      });
    }
    slot.lastUsed = ++this.tick;
    return slot.ready ?? slot.loading;
  }

  private evict(): void {
    const { maxRows } = this.options;
    let rows = 0;
    for (const s of this.slots.values()) rows += s.ready?.columns.length ?? 0;
    if (rows <= maxRows) return;
    const byAge = [...this.slots.entries()]
      .filter(([, s]) => s.ready)
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    // The most recently used set stays even when it alone exceeds the cap.
    for (const [key, s] of byAge.slice(0, -1)) {
      if (rows <= maxRows) break;
      rows -= s.ready!.columns.length;
      this.slots.delete(key);
    }
  }
}
