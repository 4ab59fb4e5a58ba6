import type { PGlite } from '@electric-sql/pglite';
import { runMigrations } from '../main.js';
import { type Database, openDatabase, pgliteDatabase } from '../platform/db/connect.js';
import { pgliteTemplate } from './pglite-template.js';

/**
 * Migrated, empty PGlite databases that a Vitest worker hands from one test file's app to the next.
 *
 * Opening PGlite costs ≈ 2 s of CPU even from the template (loading the cluster, starting the
 * backend) and migrating it ≈ 1 s more: most of a server test file's set-up. A worker runs many files
 * one after another (`isolate: false` keeps this module's state between them), so when an app closes
 * its database is emptied and kept instead: every table truncated (identities restarted), the session
 * discarded (settings, prepared statements, LISTENs, advisory locks, temporary tables), its PGlite
 * listeners removed. It is kept only when its schema is still exactly the migrated one (a catalog
 * fingerprint taken after migrating a database of its own): a file that changed the schema gets a
 * new database next time. A database nobody closed is never reused.
 * `SHORELINE_TEST_PGLITE_POOL=0` turns this off (every app opens a new database from the template).
 */
export async function openMigratedPglite(): Promise<Database> {
  if (process.env.SHORELINE_TEST_PGLITE_POOL === '0') return openFresh();
  pool.reference ??= referenceFingerprint();
  const reference = await pool.reference;
  if (reference === null) return openFresh();
  return lend(pool.idle.pop() ?? (await openFresh()), reference);
}

/** A new PGlite database from the empty template, migrated. */
async function openFresh(): Promise<Database> {
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate() });
  await runMigrations(database);
  return database;
}

const pool: { idle: Database[]; reference?: Promise<string | null> } = { idle: [] };

/**
 * The catalog fingerprint of a freshly migrated database, which every kept database must still
 * have; null (no pooling) if migrating leaves rows in a table: emptying would then lose them.
 */
async function referenceFingerprint(): Promise<string | null> {
  const database = await openFresh();
  const pglite = database.pglite!;
  const filled = await pglite.query<{ name: string }>(
    `select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
      where n_live_tup > 0 and relname <> 'shoreline_migrations'`,
  );
  const fingerprint = filled.rows.length === 0 ? await catalogFingerprint(pglite) : null;
  if (fingerprint !== null) pool.idle.push(database);
  else await database.close();
  return fingerprint;
}

/** Hands `database` out; its close empties it and keeps it for the next file (or really closes it). */
function lend(database: Database, reference: string): Database {
  const pglite = database.pglite!;
  const unlisteners = new Set<() => Promise<void>>();
  let closed = false;
  // The app sees an ordinary PGlite, except that listen() is tracked and close() hands it back.
  const lent = new Proxy(pglite, {
    get(target, prop) {
      if (prop === 'close') return giveBack;
      if (prop === 'listen')
        return async (channel: string, callback: (payload: string) => void) => {
          const off = await target.listen(channel, callback);
          unlisteners.add(off);
          return async () => {
            unlisteners.delete(off);
            await off();
          };
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  async function giveBack(): Promise<void> {
    if (closed) return;
    closed = true;
    for (const off of unlisteners) await off().catch(() => undefined);
    if (await emptied(pglite, reference)) pool.idle.push(database);
    else await pglite.close();
  }
  // A Kysely handle of its own: the previous file's app destroyed its handle when it closed.
  return pgliteDatabase(lent);
}

/** Empties a returned database; false when it must not be reused (schema changed, or a failure). */
async function emptied(pglite: PGlite, reference: string): Promise<boolean> {
  try {
    // A file may have closed its app inside an open transaction.
    await pglite.exec('rollback');
    if ((await catalogFingerprint(pglite)) !== reference) return false;
    const tables = await pglite.query<{ name: string }>(
      `select format('%I.%I', schemaname, tablename) as name from pg_tables
        where schemaname not in ('pg_catalog', 'information_schema') and tablename <> 'shoreline_migrations'`,
    );
    if (tables.rows.length > 0)
      await pglite.exec(`truncate ${tables.rows.map((t) => t.name).join(', ')} restart identity cascade`);
    const sequences = await pglite.query<{ name: string }>(
      `select format('%I.%I', schemaname, sequencename) as name from pg_sequences
        where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    for (const s of sequences.rows) await pglite.exec(`alter sequence ${s.name} restart`);
    await pglite.exec('discard all');
    return true;
  } catch {
    return false;
  }
}

/**
 * What a file could change in a database besides its rows: relations and their columns, functions,
 * triggers, types, extensions, per-database settings and the applied migrations.
 */
async function catalogFingerprint(pglite: PGlite): Promise<string> {
  const result = await pglite.query<{ fingerprint: string }>(`
    with user_namespaces as (
      select oid, nspname from pg_namespace
       where nspname not in ('pg_catalog', 'information_schema')
         and nspname not like 'pg\\_toast%' and nspname not like 'pg\\_temp%'
    ), items as (
      select 'n ' || nspname as item from user_namespaces
      union all
      select 'r ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
        from pg_class c join user_namespaces n on n.oid = c.relnamespace
      union all
      select 'a ' || c.oid::regclass::text || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
             || ' ' || a.attnotnull::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
        from pg_attribute a join pg_class c on c.oid = a.attrelid join user_namespaces n on n.oid = c.relnamespace
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
       where a.attnum > 0 and not a.attisdropped
      union all
      select 'c ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(k.oid)
        from pg_constraint k join user_namespaces n on n.oid = k.connamespace
      union all
      select 'f ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc)
        from pg_proc p join user_namespaces n on n.oid = p.pronamespace
      union all
      select 't ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text
        from pg_trigger where not tgisinternal
      union all
      select 'y ' || n.nspname || '.' || t.typname from pg_type t join user_namespaces n on n.oid = t.typnamespace
      union all
      select 'e ' || extname || ' ' || extversion from pg_extension
      union all
      select 's ' || array_to_string(setconfig, ',') from pg_db_role_setting
      union all
      select 'm ' || id from shoreline_migrations
    )
    select md5(string_agg(item, E'\\n' order by item)) as fingerprint from items`);
  return result.rows[0]!.fingerprint;
}
