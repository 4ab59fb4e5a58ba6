// Runs every bench/*.bench.ts in its own process (so memory readings do not mix) and prints its output.
// Usage: npm run bench [-- name-filter]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../packages/server/bin/node-flags.js';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const r = spawnSync(
    process.execPath,
    // The V8 flags `shoreline import` and `shoreline serve` run with (packages/server/bin/node-flags.js).
    [...SERVER_NODE_FLAGS, '--import', 'tsx', '--conditions=source', '--expose-gc', join(here, file)],
    {
      stdio: 'inherit',
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
