// Source mode only (tests, benchmarks, `--conditions=source`): the compute worker's module graph as
// one esbuild bundle, made once per process. A worker that registered tsx and imported the TypeScript
// entry loaded hundreds of modules at every start (≈ 1.9 s of CPU a plan, BENCHMARKS.md "Tests");
// from the bundle it starts in a fraction of that. Compiled code (dist/) never comes here.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundle of each entry, per process: a memo of files this process wrote (removed at its exit). */
const bundles = new Map<string, Promise<string>>();

/**
 * The path of `entry` (a TypeScript file of this package) bundled for a worker thread: core and the
 * server's own modules inside, every npm dependency imported from node_modules. It is written two
 * folders under the package's dist/ (as dist/bundle/cli/ is), so bare imports resolve through the
 * package's node_modules and paths taken from `import.meta.url` resolve as in the compiled bundle.
 */
export function sourceWorkerBundle(entry: URL): Promise<string> {
  let bundle = bundles.get(entry.href);
  if (!bundle) {
    bundle = build(entry);
    bundles.set(entry.href, bundle);
  }
  return bundle;
}

async function build(entry: URL): Promise<string> {
  const packageDir = fileURLToPath(new URL('../../../', entry));
  const { dependencies = {} } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const external = Object.keys(dependencies)
    .filter((name) => name !== '@shoreline/core')
    .flatMap((name) => [name, `${name}/*`]);
  const root = join(packageDir, 'dist', 'source-workers');
  removeOrphans(root);
  const outfile = join(root, String(process.pid), 'compute-worker.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  process.once('exit', () => rmSync(dirname(outfile), { recursive: true, force: true }));
  // esbuild is a dev dependency, present wherever the sources run.
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['source'],
    external,
    // CommonJS code bundled into an ES module calls require() for Node's own modules.
    banner: {
      js: "import { createRequire as __shorelineCreateRequire } from 'node:module'; const require = __shorelineCreateRequire(import.meta.url);",
    },
    // Node reads source maps only with --enable-source-maps; an inline one cost 0.15 s a start.
    sourcemap: false,
    logLevel: 'warning',
  });
  return outfile;
}

/** Bundles of processes that are gone (a test worker killed by a signal runs no exit handler). */
function removeOrphans(root: string): void {
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, another user's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
