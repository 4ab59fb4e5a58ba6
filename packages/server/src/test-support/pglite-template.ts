import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const require = createRequire(import.meta.url);

let template: Promise<Blob | undefined> | undefined;

/**
 * An empty PGlite cluster, as initdb leaves it (no migrations, no rows), to start test databases
 * from: initdb is about three quarters of PGlite's start-up CPU (BENCHMARKS.md, "Tests"), and every
 * test file opens at least one database. Made once and kept in `node_modules/.cache/shoreline/`,
 * named by the PGlite version (the cluster depends only on PGlite's build). Empty rather than
 * migrated, so a database from it is exactly what a new `memory://` PGlite is, migrations included.
 * `SHORELINE_TEST_PGLITE_TEMPLATE=0` turns it off (every database runs initdb again).
 */
export function pgliteTemplate(): Promise<Blob | undefined> {
  if (process.env.SHORELINE_TEST_PGLITE_TEMPLATE === '0') return Promise.resolve(undefined);
  template ??= loadOrMake();
  return template;
}

async function loadOrMake(): Promise<Blob> {
  const file = templateFile();
  if (!existsSync(file)) {
    const pglite = await PGlite.create('memory://');
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and renamed, so a process starting meanwhile never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

function templateFile(): string {
  // <node_modules>/@electric-sql/pglite/dist/index.cjs
  const packageDir = dirname(dirname(require.resolve('@electric-sql/pglite')));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const nodeModules = dirname(dirname(packageDir));
  return join(nodeModules, '.cache', 'shoreline', `pglite-${version}-empty-cluster.tar`);
}
