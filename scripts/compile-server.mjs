// Transpiles core and server to dist/ with esbuild, one JavaScript file per TypeScript file (no type
// check: `npm test` does that), only when a source file is newer than the compiled entry points.
// Used by `npm start` (scripts/start.mjs) and by the soaks (`npm run test:slow`), whose dozens of
// server processes start from dist/ in about a third of the CPU that tsx needs from the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** The compiled CLI's entry point. */
export const compiledCli = join(root, 'packages', 'server', 'dist', 'cli', 'main.js');

/** Compiles core and server when stale; resolves to a line saying what it did. */
export async function compileServer() {
  const packages = ['core', 'server'].map((name) => join(root, 'packages', name));
  const coreEntry = join(root, 'packages', 'core', 'dist', 'index.js');
  const sources = newest(
    packages.map((p) => join(p, 'src')),
    isSource,
  );
  if (Math.min(mtime(compiledCli), mtime(coreEntry)) > sources) return 'core and server are up to date';
  const t = performance.now();
  const { build } = await import('esbuild');
  for (const dir of packages) {
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
  return `compiled core and server with esbuild in ${((performance.now() - t) / 1000).toFixed(1)} s`;
}
