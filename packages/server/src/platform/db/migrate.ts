import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/** One forward-only migration. Ids sort in the order they must run: `0001_identity`, `0100_insight`. */
export interface Migration {
  readonly id: string;
  up(db: Kysely<DB>): Promise<void>;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every migration not yet applied, in id order, each in its own transaction.
 * Forward-only: there is no down. An advisory lock keeps two starting servers from racing.
 */
export async function migrate(db: Kysely<DB>, migrations: readonly Migration[]): Promise<MigrationReport> {
  const sorted = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set<string>();
  for (const m of sorted) {
    if (ids.has(m.id)) throw new Error(`duplicate migration id ${m.id}`);
    ids.add(m.id);
  }
  await sql`create table if not exists shoreline_migrations (
    id text primary key,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of sorted) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(72706)`.execute(tx);
      const existing = await sql<{
        id: string;
      }>`select id from shoreline_migrations where id = ${migration.id}`.execute(tx);
      if (existing.rows.length > 0) return false;
      await migration.up(tx);
      await sql`insert into shoreline_migrations (id) values (${migration.id})`.execute(tx);
      return true;
    });
    if (done) applied.push(migration.id);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
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
