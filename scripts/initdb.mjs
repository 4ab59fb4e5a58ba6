#!/usr/bin/env node
// Creates the PGlite cluster at the path given, for `npm start`'s first run (start.mjs): made in a
// folder beside it and renamed into place when complete, so an interrupted run leaves no half-made
// cluster; if the folder appeared meanwhile (the server made it), the new one is dropped.
// With `--from TARBALL` the cluster is the prebuilt one (scripts/make-cluster.ts: migrations
// applied) unpacked instead of initdb's work; the server then applies only newer migrations.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: initdb.mjs DATA_DIR [--from TARBALL]');
const from = process.argv[3] === '--from' ? process.argv[4] : undefined;
const require = createRequire(new URL('../packages/server/package.json', import.meta.url));
const { PGlite } = await import(pathToFileURL(require.resolve('@electric-sql/pglite')).href);
const { pg_trgm } = await import(pathToFileURL(require.resolve('@electric-sql/pglite/contrib/pg_trgm')).href);
const partial = `${dataDir}.initdb-${process.pid}`;
rmSync(partial, { recursive: true, force: true });
try {
  const pglite = await PGlite.create(
    partial,
    from ? { loadDataDir: new Blob([readFileSync(from)]), extensions: { pg_trgm } } : {},
  );
  await pglite.close();
  if (!existsSync(dataDir)) renameSync(partial, dataDir);
} finally {
  rmSync(partial, { recursive: true, force: true });
}
