#!/usr/bin/env node
// The `shoreline` command npm links at install time (npx shoreline, node_modules/.bin/shoreline).
// It runs the compiled CLI (≈0.85 s CPU for --help, against ≈2.2 s from source through tsx: BENCHMARKS.md),
// compiling core and server first (esbuild) when dist/ is missing, as on a fresh clone. After changing the
// sources, `npm run build` recompiles; this launcher only builds what was never built.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasServerNodeFlags, SERVER_NODE_FLAGS } from './node-flags.js';

const FLAGGED_COMMANDS = new Set(['import', 'serve']);

const perFile = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(perFile)) {
  // esbuild, as `npm start` does: a few seconds, where `tsc -b` took a minute (and now emits only
  // declarations). The script lives at the repository's root (this package is not published alone).
  console.error('shoreline: first run, compiling the server (scripts/compile-server.mjs)…');
  try {
    const { compileServer } = await import(
      new URL('../../../scripts/compile-server.mjs', import.meta.url).href
    );
    console.error(`shoreline: ${await compileServer()}`);
  } catch (error) {
    console.error(
      `shoreline: the build failed (${error instanceof Error ? error.message : error}); run \`npm run build\``,
    );
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
