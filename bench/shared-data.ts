// The benchmarks on real data read it from ../shared beside the repository, which a fresh clone does
// not have: they then skip (exit 0) instead of failing, so `npm run bench` still runs the rest.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The absolute path of `relative` inside ../shared (e.g. 'reference/staffing/'); when it is missing,
 * says so, naming `benchmark`, and ends the process with success.
 */
export function sharedPathOrSkip(relative: string, benchmark: string): string {
  const path = fileURLToPath(new URL(`../../shared/${relative}`, import.meta.url));
  if (!existsSync(path)) {
    console.log(`../shared not found: skipping ${benchmark}`);
    process.exit(0);
  }
  return path;
}
