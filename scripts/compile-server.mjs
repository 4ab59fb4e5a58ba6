// Transpiles core and server to dist/ with esbuild, one JavaScript file per TypeScript file (no type
// check: `npm test` does that), only when a source file is newer than the compiled entry points.
// Used by `npm start` (scripts/start.mjs) and by the soaks (`npm run test:slow`), whose dozens of
// server processes start from dist/ in about a third of the CPU that tsx needs from the sources.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The newest modification time of the files under `dirs` that `accept` takes, or 0. */
export function newest(dirs, accept = () => true) {
  let latest = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !accept(entry.name)) continue;
      latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return latest;
}
export const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
export const isSource = (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);

/** The compiled CLI's entry point (one file per source file: `exports`, tests, `npm run build`'s too). */
export const compiledCli = join(root, 'packages', 'server', 'dist', 'cli', 'main.js');

/**
 * The CLI bundled into one file with esbuild (`npm start`, `npx shoreline`, the soaks): the server's
 * own modules, core's and the pure-JavaScript packages below in one module, where the per-file build
 * had Node resolve, read and compile ≈ 1,500 files at every start (BENCHMARKS.md, "First start").
 * It sits two folders under dist/ as dist/cli/main.js does, so paths taken from `import.meta.url`
 * (the web app's dist/, the compute worker beside it) resolve alike; the compute worker is bundled
 * beside it (modules/plan/run-in-worker.ts starts `./compute-worker.js`).
 */
export const bundledCli = join(root, 'packages', 'server', 'dist', 'bundle', 'cli', 'main.js');

/**
 * Packages bundled in: ES modules of plain JavaScript that read no file of their own. Every other
 * dependency stays an import from node_modules: PGlite and highs load WebAssembly beside their code,
 * argon2 is native, others read fonts, dictionaries or assets from their package folders.
 */
const BUNDLED_PACKAGES = new Set([
  '@hono/node-server',
  '@hono/zod-openapi',
  'commander',
  'hono',
  'kysely',
  'zod',
]);

/**
 * Compiles core and server when stale (or always, with `force`); resolves to a line saying what it did.
 * This is the only JavaScript build of core and server: their tsconfigs emit declarations alone
 * (`tsc -b` is the type check and the web app's view of the contract, BENCHMARKS.md "Tests").
 */
export async function compileServer({ force = false } = {}) {
  const packages = ['core', 'server'].map((name) => join(root, 'packages', name));
  const coreEntry = join(root, 'packages', 'core', 'dist', 'index.js');
  const sources = newest(
    packages.map((p) => join(p, 'src')),
    isSource,
  );
  if (!force && Math.min(mtime(compiledCli), mtime(coreEntry), mtime(bundledCli)) > sources)
    return 'core and server are up to date';
  const t = performance.now();
  const { build } = await import('esbuild');
  // The bundle (what the server runs) and the per-file builds at once: esbuild works in parallel.
  await Promise.all([bundleServer(build), ...packages.map((dir) => compileFileByFile(build, dir))]);
  // Newer than dist/cli/main.js, which the launcher (bin/shoreline.js) takes as "the bundle is current".
  const now = new Date();
  utimesSync(bundledCli, now, now);
  return `compiled core and server with esbuild in ${((performance.now() - t) / 1000).toFixed(1)} s`;
}

/** One JavaScript file per TypeScript file of a package's src/, into its dist/. */
async function compileFileByFile(build, dir) {
  const src = join(dir, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && isSource(e.name))
    .map((e) => join(e.parentPath, e.name));
  await build({
    entryPoints: files,
    outdir: join(dir, 'dist'),
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    sourcemap: true,
    tsconfig: join(dir, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

/** Writes the bundled CLI (bundledCli) and its compute worker; `build` is esbuild's. */
export async function bundleServer(build) {
  const server = join(root, 'packages', 'server');
  const dependencies = Object.keys(
    JSON.parse(readFileSync(join(server, 'package.json'), 'utf8')).dependencies ?? {},
  ).filter((name) => name !== '@shoreline/core' && !BUNDLED_PACKAGES.has(name));
  rmSync(dirname(dirname(bundledCli)), { recursive: true, force: true });
  await build({
    entryPoints: {
      main: join(server, 'src', 'cli', 'main.ts'),
      'compute-worker': join(server, 'src', 'modules', 'plan', 'compute-worker.ts'),
    },
    outdir: dirname(bundledCli),
    bundle: true,
    splitting: true,
    // Chunks (code loaded by `import()` or shared with the worker) beside main.js: same folder, same
    // `import.meta.url` paths.
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    sourcemap: true,
    // Core from its TypeScript sources, as tsx runs it.
    conditions: ['source'],
    // esbuild: the source-mode worker bundle (modules/plan/source-worker-bundle.ts) imports it, a
    // path compiled code never takes.
    external: [...dependencies.flatMap((name) => [name, `${name}/*`]), 'esbuild'],
    // CommonJS code bundled into an ES module calls require() for Node's own modules.
    banner: {
      js: "import { createRequire as __shorelineCreateRequire } from 'node:module'; const require = __shorelineCreateRequire(import.meta.url);",
    },
    tsconfig: join(server, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

// `node scripts/compile-server.mjs [--force]` (`npm run build` forces): the per-file builds and the bundle.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await compileServer({ force: process.argv.includes('--force') }));
}
