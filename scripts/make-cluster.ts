// Makes the prebuilt PGlite cluster a first `npm start` begins from (scripts/start.mjs, initdb.mjs):
// an empty database with every migration applied, dumped as a gzipped tarball with a manifest naming
// the PGlite version it was made with and the migrations it holds. A first start then skips initdb
// (≈ 8 s of CPU) and those migrations (≈ 5 s), and applies only newer ones. Run it again when
// migrations are added (test/pglite-cluster.test.ts says when it is stale):
//   npm run make-cluster
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openShoreline } from '../packages/server/src/main.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { openDatabase } from '../packages/server/src/platform/db/connect.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const assets = join(root, 'packages', 'server', 'assets');
const require = createRequire(join(root, 'packages', 'server', 'package.json'));
// <node_modules>/@electric-sql/pglite/dist/index.cjs → its package.json (not in the package's exports).
const { version } = JSON.parse(
  readFileSync(join(dirname(dirname(require.resolve('@electric-sql/pglite'))), 'package.json'), 'utf8'),
) as { version: string };

const database = await openDatabase({ dataDir: 'memory://' });
const shoreline = await openShoreline(loadConfig({ SHORELINE_DATA_DIR: 'memory://' }), { database });
const applied = (
  await sql<{ id: string }>`select id from shoreline_migrations order by id`.execute(database.db)
).rows;
// Nothing but the schema: a fresh database has no rows (the demo is seeded by `serve --demo`).
const rows = await sql<{
  n: number;
}>`select (select count(*) from jobs) + (select count(*) from organizations) as n`.execute(database.db);
if (Number(rows.rows[0]?.n) !== 0) throw new Error('the migrated database holds rows: not a clean cluster');
const dump = await database.pglite!.dumpDataDir('gzip');
writeFileSync(join(assets, 'pglite-cluster.tar.gz'), new Uint8Array(await dump.arrayBuffer()));
writeFileSync(
  join(assets, 'pglite-cluster.json'),
  `${JSON.stringify({ pglite: version, migrations: applied.map((r) => r.id) }, null, 2)}\n`,
);
await shoreline.close();
console.log(
  `packages/server/assets/pglite-cluster.tar.gz: PGlite ${version}, ${applied.length} migrations, ${dump.size} bytes`,
);
