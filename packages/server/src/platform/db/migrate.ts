import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/**
 * One forward-only migration. Its id is `<UTC time written>_<module>_<what>`, e.g.
 * `2026-12-03T0100_tickets_assignment`: ids sort by the time they were written, across modules, so
 * a fresh database and an upgraded one apply them in the same order (docs/decisions/0005).
 */
export interface Migration {
  readonly id: string;
  /** The id this migration was applied under before ids were time-ordered (`0100_tickets`). */
  readonly replaces?: string;
  up(db: Kysely<DB>): Promise<void>;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/** `2026-12-03T0100_tickets_assignment`: minute in UTC, module, what it does. */
export const MIGRATION_ID = /^\d{4}-\d{2}-\d{2}T\d{4}_[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** An advisory-lock key no other code uses: two starting servers migrate one at a time. */
const MIGRATION_LOCK = 72706;

/** Checks ids and returns the migrations in the order they run. */
export function orderMigrations(migrations: readonly Migration[]): Migration[] {
  const ids = new Set<string>();
  for (const m of migrations) {
    if (!MIGRATION_ID.test(m.id))
      throw new Error(
        `migration id ${m.id} is not <UTC time>_<module>_<what> (e.g. 2026-12-03T0100_tickets_assignment)`,
      );
    for (const id of [m.id, m.replaces]) {
      if (id === undefined) continue;
      if (ids.has(id)) throw new Error(`duplicate migration id ${id}`);
      ids.add(id);
    }
  }
  return [...migrations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Applies every migration not yet applied, in time order, each in its own transaction.
 * Forward-only: there is no down. An advisory lock keeps two starting servers from racing.
 *
 * A database that applied a migration under its former id (`replaces`) has the row renamed, so it
 * is not applied twice. A pending migration older than one already applied is refused: applying it
 * now would run it after that one here but before it on a fresh database (re-stamp it instead).
 */
export async function migrate(db: Kysely<DB>, migrations: readonly Migration[]): Promise<MigrationReport> {
  const sorted = orderMigrations(migrations);
  await sql`create table if not exists shoreline_migrations (
    id text primary key,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const pending = await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(tx);
    for (const m of sorted)
      if (m.replaces !== undefined)
        await sql`update shoreline_migrations set id = ${m.id} where id = ${m.replaces}
          and not exists (select 1 from shoreline_migrations where id = ${m.id})`.execute(tx);
    const rows = await sql<{ id: string }>`select id from shoreline_migrations`.execute(tx);
    const done = new Set(rows.rows.map((r) => r.id));
    const newestApplied = [...done]
      .filter((id) => MIGRATION_ID.test(id))
      .sort()
      .at(-1);
    const waiting = sorted.filter((m) => !done.has(m.id));
    const late = waiting.find((m) => newestApplied !== undefined && m.id < newestApplied);
    if (late)
      throw new Error(
        `migration ${late.id} is older than ${newestApplied}, which this database has applied: it would run in another order here than on a fresh database. Give it a new id with the current time.`,
      );
    return waiting;
  });
  const applied: string[] = [];
  for (const migration of pending) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(tx);
      const existing = await sql<{
        id: string;
      }>`select id from shoreline_migrations where id = ${migration.id}`.execute(tx);
      if (existing.rows.length > 0) return false;
      await migration.up(tx);
      await sql`insert into shoreline_migrations (id) values (${migration.id})`.execute(tx);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return { applied, alreadyApplied: sorted.length - applied.length };
}

/**
 * A migration that is one SQL script, as most are: `scriptMigration(id, script)` instead of an
 * object whose `up` only runs `execScript`. `replaces` is the id it was applied under before ids
 * were time-ordered.
 */
export function scriptMigration(id: string, script: string, replaces?: string): Migration {
  return { id, ...(replaces === undefined ? {} : { replaces }), up: (db) => execScript(db, script) };
}

/**
 * Runs a script of DDL statements one by one (PGlite's extended protocol takes one statement per
 * query). Statements are split at a semicolon that ends a line, so keep one statement per `;\n`.
 */
export async function execScript(db: Kysely<DB>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** The column every organization-owned table has, second after its key. */
const ORGANIZATION_COLUMN = 'organization_id text not null references organizations(id)';

/**
 * `create table name (key, organization_id → organizations, …columns);` for a table an organization
 * owns, one column or table constraint per entry: the opening every module's migration restated,
 * and a migration that reads as a table of its columns. The key is `id text primary key` unless the
 * table is keyed otherwise (a widget's public key, a survey's token, one row per ticket).
 */
export function orgTable(name: string, columns: readonly string[], key = 'id text primary key'): string {
  return `create table ${name} (\n  ${[key, ORGANIZATION_COLUMN, ...columns].join(',\n  ')}\n);`;
}

/**
 * `create table name (…)` for stored file bodies an organization owns, one row per distinct
 * SHA-256 of the content (an attachment or a piece of evidence uploaded twice is stored once).
 */
export function blobTable(name: string): string {
  return `create table ${name} (\n  ${[
    ORGANIZATION_COLUMN,
    'sha256 text not null',
    'size_bytes integer not null',
    'content bytea not null',
    'created_at timestamptz not null',
    'primary key (organization_id, sha256)',
  ].join(',\n  ')}\n);`;
}

/**
 * `create function fn()`: a row trigger's function that tells every server process, at commit, that
 * something of an organization changed (NOTIFY on `shoreline_signals`, payload `<signal>:<id>`), so
 * each forgets what it remembered of it. `id` is the SQL of the id (by default the row's organization).
 */
export function signalFunction(
  fn: string,
  signal: string,
  id = 'coalesce(new.organization_id, old.organization_id)',
): string {
  return `create function ${fn}() returns trigger language plpgsql as $$
  begin perform pg_notify('shoreline_signals', '${signal}:' || ${id}); return null; end $$;`;
}

/**
 * `create trigger name after <events> on table for each row [when (a column changed)] execute
 * function fn();`. `changed` names the columns whose change (old is distinct from new) fires it.
 */
export function rowTrigger(name: string, events: string, fn: string, changed?: readonly string[]): string {
  const when = changed
    ? ` when (${changed.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')})`
    : '';
  return `create trigger ${name} after ${events}\n  for each row${when} execute function ${fn}();`;
}
