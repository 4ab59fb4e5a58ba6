import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What a lock file says about the process that holds a PGlite data directory. */
export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** The port the owner serves on, once it listens (servers only). */
  port?: number | undefined;
  command?: string | undefined;
}

/** Another live process holds the data directory: the message names it so the user can act. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | null,
  ) {
    super(
      `${dataDir} is in use by ${describeOwner(owner)}; PGlite allows one process per data directory. ` +
        'Stop that process first, or set DATABASE_URL to share a PostgreSQL server between processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

function describeOwner(o: LockOwner | null): string {
  if (!o) return 'another process (its lock file is unreadable)';
  const what = o.command ? `"${o.command}"` : 'another Shoreline process';
  const port = o.port !== undefined ? `, port ${o.port}` : '';
  return `${what} (pid ${o.pid} on ${o.host}${port}, started ${o.startedAt})`;
}

export const LOCK_FILE = 'shoreline.lock';

/** A held lock: record the port once listening; release on close (and, as a last resort, at exit). */
export interface DataDirLock {
  readonly path: string;
  setPort(port: number): void;
  release(): void;
}

/**
 * Takes the data directory's lock file atomically (created by `link`, which like `O_CREAT | O_EXCL`
 * lets one of two racing processes win). PGlite is a single-process database: a second process opening the same directory works on
 * its own copy in memory and the two overwrite each other's files, so writes are lost silently.
 * A lock left by a process that is gone (same host, pid not alive) is stale and taken over.
 *
 * @throws DataDirLockedError when a live process holds the directory.
 */
export function lockDataDir(dataDir: string, command = process.argv.slice(2, 4).join(' ')): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command: command ? `shoreline ${command}` : undefined,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      create(path, JSON.stringify(owner));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const current = readOwner(path);
      if (current && isStale(current)) {
        rmSync(path, { force: true });
        continue;
      }
      throw new DataDirLockedError(dataDir, current);
    }
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      process.off('exit', release);
      // Only remove our own lock (a stale-lock takeover by someone else must not be undone).
      if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
    };
    process.on('exit', release);
    return {
      path,
      setPort(port) {
        owner.port = port;
        if (!held) return;
        // Replace, never truncate: a reader sees the old owner or the new one, not an empty file.
        const next = `${path}.${process.pid}.tmp`;
        writeFileSync(next, JSON.stringify(owner), { mode: 0o600 });
        renameSync(next, path);
      },
      release,
    };
  }
  throw new DataDirLockedError(dataDir, readOwner(path));
}

/**
 * Creates the lock file with its content in one step: the content goes to a private file, which is
 * then hard-linked to the lock's name (`link` fails with EEXIST when the name exists, like
 * `O_CREAT | O_EXCL`), so no process ever sees a lock file without its owner (a kill between
 * creating and writing would otherwise leave an empty lock no one could judge stale).
 */
function create(path: string, content: string): void {
  const draft = `${path}.${process.pid}.tmp`;
  const fd = openSync(draft, 'w', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, path);
  } finally {
    rmSync(draft, { force: true });
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string'
      ? {
          pid: o.pid,
          host: o.host,
          startedAt: String(o.startedAt ?? 'at an unknown time'),
          port: o.port,
          command: o.command,
        }
      : null;
  } catch {
    return null;
  }
}

/** A lock is stale when its owner ran on this host and its pid is no longer alive. */
function isStale(o: LockOwner): boolean {
  if (o.host !== hostname()) return false;
  if (o.pid === process.pid) return false;
  try {
    process.kill(o.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
