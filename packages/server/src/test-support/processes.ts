// Real child processes for the slow tests that kill or pair servers (kill-resume, kill-server,
// two-runners, two-processes): a TypeScript entry run the way `shoreline` runs it, `shoreline serve`
// with the URL it prints, a database of their own, and the demo admin's sign-in.
import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/seed.js';
import { openDatabase } from '../platform/db/connect.js';
import { createPostgresDatabase, dropPostgresDatabase } from './databases.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI = 'packages/server/src/cli/main.ts';
/** The bundled CLI that `npm start` runs (scripts/compile-server.mjs). */
const COMPILED_CLI = 'packages/server/dist/bundle/cli/main.js';

/** Runs a TypeScript file of the repo (path from the repo root) under tsx, from the repo root. */
export function spawnTs(
  entry: string,
  args: string[],
  options: { env?: Record<string, string>; stdio: StdioOptions },
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=source', join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    stdio: options.stdio,
    ...(options.env ? { env: options.env } : {}),
  });
}

/**
 * The `shoreline` command line, as a child process: from the sources under tsx, or bundled in
 * dist/bundle/ when the soaks' global setup compiled it (SHORELINE_TEST_CLI=compiled: a third of
 * tsx's start-up CPU), as `npm start` runs it.
 */
export function spawnCli(args: string[], env: Record<string, string>, stdio: StdioOptions): ChildProcess {
  if (process.env.SHORELINE_TEST_CLI !== 'compiled') return spawnTs(CLI, args, { env, stdio });
  return spawn(process.execPath, [join(repoRoot, COMPILED_CLI), ...args], { cwd: repoRoot, stdio, env });
}

export interface ServerProcess {
  child: ChildProcess;
  /** The URL the server prints once it listens; rejects if it exits first. */
  url: Promise<string>;
  exited: Promise<number | null>;
}

/** `shoreline serve …args` (give PORT=0 and HOST in `env`); its stderr is kept for the failure message. */
export function startServer(args: string[], env: Record<string, string>): ServerProcess {
  const child = spawnCli(['serve', ...args], env, ['ignore', 'pipe', 'pipe']);
  let out = '';
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  const url = new Promise<string>((done, fail) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) done(m[1]!);
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    void exited.then((code) => fail(new Error(`server exited ${code}: ${out}`)));
  });
  // A server killed on purpose after it printed its URL is not an error.
  url.catch(() => undefined);
  return { child, url, exited };
}

/** Stops a server (SIGTERM, or SIGKILL to test a crash) and waits until it is gone. */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode === null) server.child.kill(signal);
  await server.exited;
}

/** The demo admin's session cookie on a server started with `--demo` (or a seeded database). */
export async function signInDemoAdmin(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS.admin, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`demo sign-in answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export interface ProcessDatabase {
  /** DATABASE_URL (PostgreSQL) or SHORELINE_DATA_DIR (PGlite) for the child processes' env. */
  env: Record<string, string>;
  /** Opens it in this process, to check what the children left. */
  open(): ReturnType<typeof openDatabase>;
  drop(): Promise<void>;
}

/**
 * A database child processes share: a new one on the PostgreSQL of DATABASE_URL when set,
 * otherwise a PGlite data directory under `dir` (the caller removes `dir`).
 */
export async function processDatabase(name: string, dir: string): Promise<ProcessDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = join(dir, 'db');
    return {
      env: { SHORELINE_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      drop: async () => {},
    };
  }
  const target = await createPostgresDatabase(url, name);
  return {
    env: { DATABASE_URL: target },
    open: () => openDatabase({ url: target }),
    drop: () => dropPostgresDatabase(url, name),
  };
}

/** This process's environment for a child, without a database of its own (set one from processDatabase). */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), TZ: 'UTC', ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}
