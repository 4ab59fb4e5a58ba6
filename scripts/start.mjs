#!/usr/bin/env node
// `npm start`: make what is missing or stale, saying what it does, then serve with the demo.
//
// The first start on a fresh clone used to spend most of its time silent: `tsc -b` type-checking
// and emitting declarations (≈ 40 s on an idle 2-core machine), then PGlite's initdb (≈ 8–25 s)
// after the build. Running the app needs neither the type check nor the declarations (`npm test`
// and `npm run build` do both), so here:
//  - core and server are transpiled file by file with esbuild (≈ 1 s), only when a source file is
//    newer than the compiled entry point;
//  - the web app is built with vite only when its sources (or core's, or the server's contract) are
//    newer than dist/index.html;
//  - on a first start with the embedded database, the database is made at the same time as the
//    builds, into a folder renamed into place when complete: the prebuilt cluster
//    (packages/server/assets, migrations applied: `npm run make-cluster`) unpacked as the tarball it
//    is, when it fits this checkout, else PGlite's initdb in a child process (scripts/initdb.mjs);
//  - the server starts as soon as it is compiled and the database exists, while vite still builds:
//    it serves the page once vite has written it (platform/http/app.ts reads index.html when asked).
// `shoreline serve --demo` opens the database, migrates, seeds and listens (it prints each step).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../packages/server/bin/node-flags.js';
import { bundledCli, compileServer, mtime, newest } from './compile-server.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`shoreline: ${message}`);

/** Runs a command, its output shown; rejects naming it when it fails. */
function run(command, args, options = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`${command} ${args.join(' ')} failed (${code})`)),
    );
  });
}

async function buildWeb() {
  const web = join(root, 'packages', 'web');
  const inputs = newest(
    [
      join(web, 'src'),
      join(web, 'public'),
      join(root, 'packages', 'core', 'src'),
      join(root, 'packages', 'server', 'src'),
    ],
    (name) => !/\.test\.tsx?$/.test(name),
  );
  const config = Math.max(mtime(join(web, 'index.html')), mtime(join(web, 'vite.config.ts')));
  if (mtime(join(web, 'dist', 'index.html')) > Math.max(inputs, config))
    return say('the web app is up to date');
  say('building the web app (vite)…');
  const t = performance.now();
  await run(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: web,
    },
  );
  // The chat widget (dist/widget.js, served at /widget.js): its own esbuild bundle, after vite
  // (which empties dist/).
  await run(process.execPath, ['--import', 'tsx', join(web, 'scripts', 'build-widget.ts')], { cwd: web });
  say(`built the web app in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/**
 * A first start on the embedded database: initdb (most of PGlite's start) in a child process while
 * the builds run, into a folder beside the data directory, renamed into place once complete.
 */
async function prepareDatabase() {
  if (process.env.DATABASE_URL) return;
  const setting = process.env.SHORELINE_DATA_DIR || '.shoreline';
  const dataDir = resolve(root, setting);
  if (setting.startsWith('memory://') || existsSync(dataDir)) return;
  const prebuilt = prebuiltCluster();
  say(
    prebuilt
      ? `creating the database in ${dataDir} from the prebuilt cluster (${prebuilt.migrations} migrations applied; first start only)…`
      : `creating the database in ${dataDir} (first start only)…`,
  );
  const t = performance.now();
  if (prebuilt) await unpackCluster(prebuilt.file, dataDir);
  else
    await run(process.execPath, [join(root, 'scripts', 'initdb.mjs'), dataDir], {
      cwd: join(root, 'packages', 'server'),
    });
  say(`created the database in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/**
 * The prebuilt cluster is PGlite's own dump (`dumpDataDir`: a gzipped tar of the data directory), so
 * it is unpacked as a plain tarball (≈ 0.3 s of CPU) rather than by starting PGlite to load it (≈ 2.5 s
 * of CPU, 15 s at load 18); into a folder beside the data directory, renamed into place when complete.
 */
async function unpackCluster(file, dataDir) {
  const { extract } = await import('tar');
  const partial = `${dataDir}.unpack-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    mkdirSync(partial, { recursive: true });
    await extract({ file, cwd: partial });
    if (!existsSync(dataDir)) renameSync(partial, dataDir);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * The prebuilt cluster (scripts/make-cluster.ts: initdb and the migrations of its day, ≈ 13 s of
 * CPU saved) when it fits this checkout: made by the installed PGlite version, and its migrations
 * the first ones of this checkout's, in order (ids sort by time; a database that holds a later id
 * than one the code adds would refuse to migrate). Otherwise undefined: initdb as before.
 */
function prebuiltCluster() {
  const dir = join(root, 'packages', 'server', 'assets');
  const file = join(dir, 'pglite-cluster.tar.gz');
  const manifestFile = join(dir, 'pglite-cluster.json');
  if (!existsSync(file) || !existsSync(manifestFile)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const installed = JSON.parse(
      readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
    ).version;
    if (manifest.pglite !== installed) return undefined;
    const ids = migrationIds();
    const held = manifest.migrations;
    if (!Array.isArray(held) || held.some((id, i) => ids[i] !== id)) return undefined;
    return { file, migrations: held.length };
  } catch {
    return undefined;
  }
}

/** Every migration id of the server's sources, in the order they run (platform/db/migrate.ts). */
function migrationIds() {
  const src = join(root, 'packages', 'server', 'src');
  const ids = new Set();
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'migrations.ts') continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/'(\d{4}-\d{2}-\d{2}T\d{4}_[a-z0-9_]+)'/g)) ids.add(m[1]);
  }
  return [...ids].sort();
}

const fail = (err) => {
  console.error(`shoreline: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
};
// The web app builds while the server starts (it serves the page once vite has written it).
let web;
try {
  const database = prepareDatabase();
  say(await compileServer());
  // The server serves the folder's files as they appear; it must exist when the server starts.
  mkdirSync(join(root, 'packages', 'web', 'dist'), { recursive: true });
  web = buildWeb();
  web.catch(() => {}); // reported below, once the server is started
  await database;
} catch (err) {
  fail(err);
}
say(`starting the server after ${seconds()}…`);
const server = spawn(
  process.execPath,
  [...SERVER_NODE_FLAGS, bundledCli, 'serve', '--demo', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
web.then(
  () => say(`the web app is ready after ${seconds()}`),
  (err) => {
    server.kill('SIGTERM');
    fail(err);
  },
);
