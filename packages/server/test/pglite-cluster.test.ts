import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../src/main.js';
import { modules } from '../src/modules.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { orderMigrations } from '../src/platform/db/migrate.js';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const require = createRequire(import.meta.url);

/**
 * Hardening #14 item 16 (first start ≤ 30 s): a first `npm start` unpacks the prebuilt cluster
 * (scripts/make-cluster.ts) instead of running initdb and every migration. It must load, hold
 * exactly a prefix of this checkout's migrations in their order (start.mjs checks the same and
 * falls back to initdb), and be made by the installed PGlite.
 */
describe('the prebuilt PGlite cluster of the first start', () => {
  const manifest = JSON.parse(readFileSync(join(assets, 'pglite-cluster.json'), 'utf8')) as {
    pglite: string;
    migrations: string[];
  };

  it('was made by the installed PGlite and holds the first migrations of this checkout, in order', () => {
    const { version } = JSON.parse(
      readFileSync(join(dirname(dirname(require.resolve('@electric-sql/pglite'))), 'package.json'), 'utf8'),
    ) as { version: string };
    expect(manifest.pglite, 'run `npm run make-cluster`').toBe(version);
    const ids = orderMigrations(modules.flatMap((m) => m.migrations)).map((m) => m.id);
    expect(manifest.migrations, 'run `npm run make-cluster`').toEqual(
      ids.slice(0, manifest.migrations.length),
    );
  });

  it('opens as a database that holds those migrations and nothing else, and takes the newer ones', async () => {
    const database = await openDatabase({
      dataDir: 'memory://',
      loadDataDir: new Blob([readFileSync(join(assets, 'pglite-cluster.tar.gz'))]),
    });
    try {
      const held = await sql<{ id: string }>`select id from shoreline_migrations order by id`.execute(
        database.db,
      );
      expect(held.rows.map((r) => r.id)).toEqual(manifest.migrations);
      const rows = await sql<{ n: number }>`select count(*)::int as n from organizations`.execute(
        database.db,
      );
      expect(rows.rows[0]?.n).toBe(0);
      const report = await runMigrations(database);
      const all = orderMigrations(modules.flatMap((m) => m.migrations)).map((m) => m.id);
      expect(report.applied).toEqual(all.slice(manifest.migrations.length));
    } finally {
      await database.close();
    }
  });
});
