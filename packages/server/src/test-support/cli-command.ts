import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The argv that runs the `shoreline` CLI in a child process: the compiled JavaScript when it is at
 * least as new as every source file (as after `npm test`'s `tsc -b`), which starts several times
 * faster; otherwise the TypeScript source through tsx, so a stale build is never what gets tested.
 */
export function shorelineCliArgv(): string[] {
  const compiled = join(repoRoot, 'packages/server/dist/cli/main.js');
  if (existsSync(compiled)) {
    const built = statSync(compiled).mtimeMs;
    const sources = Math.max(
      newestMtime(join(repoRoot, 'packages/server/src')),
      newestMtime(join(repoRoot, 'packages/core/src')),
    );
    if (built >= sources) return [compiled];
  }
  return ['--import', 'tsx', '--conditions=source', join(repoRoot, 'packages/server/src/cli/main.ts')];
}
