#!/usr/bin/env node
// The `shoreline` command npm links at install time (npx shoreline, node_modules/.bin/shoreline).
// It runs the compiled CLI (≈0.85 s CPU for --help, against ≈2.2 s from source through tsx: BENCHMARKS.md),
// compiling core and server first when dist/ is missing, as on a fresh clone. After changing the
// sources, `npm run build` recompiles; this launcher only builds what was never built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { hasServerNodeFlags, SERVER_NODE_FLAGS } from './node-flags.js';

const FLAGGED_COMMANDS = new Set(['import', 'serve']);

const perFile = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(perFile)) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error(
      'shoreline: not built yet, and TypeScript is not installed to build it: run `npm run build`',
    );
    process.exit(1);
  }
  console.error('shoreline: first run, compiling the server (tsc -b packages/server)…');
  const build = spawnSync(process.execPath, [tsc, '-b', fileURLToPath(new URL('..', import.meta.url))], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('shoreline: the build failed (see above); `npm run build` shows the same errors');
    process.exit(1);
  }
}
// The bundled CLI (one module instead of ≈ 1,500: scripts/compile-server.mjs) when `npm start` or
// `npm run build` made it and no later build rewrote the per-file one.
const bundled = new URL('../dist/bundle/cli/main.js', import.meta.url);
const main =
  existsSync(bundled) && statSync(bundled).mtimeMs >= statSync(perFile).mtimeMs ? bundled : perFile;
// `import` and `serve` run with the server's V8 flags (bin/node-flags.js): the command runs again in a
// child node with them, which gets the signals this process gets and whose exit code it returns.
if (FLAGGED_COMMANDS.has(process.argv[2] ?? '') && !hasServerNodeFlags()) {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await import(main.href);
}
