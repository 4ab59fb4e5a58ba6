import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/connect.js';
import { pgliteTemplate } from '../../src/test-support/pglite-template.js';

// Issue #14 item 7: the CLI printed "added" while a server held the same PGlite directory, and the
// write was lost at the server's restart. A second process must be refused, naming the server.

const serverDir = resolve(fileURLToPath(new URL('..', import.meta.url)), '..');
const cli = (args: string[], env: Record<string, string>): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/cli/main.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

function output(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
}

describe('the PGlite data directory is locked by the process that opened it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-lock-'));
  const dataDir = join(dir, 'data');
  let server: ChildProcess;
  let port = 0;

  beforeAll(async () => {
    server = cli(['serve', '--port', '0'], { SHORELINE_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' });
    port = await new Promise<number>((ok, fail) => {
      let text = '';
      server.stdout?.on('data', (d) => {
        text += d;
        const m = /running at http:\/\/[^:]+:(\d+)/.exec(text);
        if (m) ok(Number(m[1]));
      });
      server.on('exit', (code) => fail(new Error(`server exited ${code}: ${text}`)));
    });
  }, 60_000);
  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((done) => server.on('exit', done));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the CLI while the server runs: names its pid and port, exits non-zero, never says "added"', async () => {
    const run = await output(
      cli(['user', 'add', '--email', 'late@example.com', '--name', 'Late', '--organization', 'Lost Org'], {
        SHORELINE_DATA_DIR: dataDir,
        SHORELINE_PASSWORD: 'correct horse battery',
        DATABASE_URL: '',
      }),
    );
    expect(run.code).not.toBe(0);
    expect(run.stdout).not.toMatch(/added/);
    expect(run.stderr).toContain(`pid ${server.pid}`);
    expect(run.stderr).toContain(`port ${port}`);
  }, 60_000);

  it('takes over a stale lock whose process is gone, and refuses a live one in-process', async () => {
    const other = join(dir, 'other');
    // From the tests' empty cluster: what initdb would write, without its seconds.
    const template = await pgliteTemplate();
    const first = await openDatabase({ dataDir: other, ...(template && { loadDataDir: template }) });
    await expect(openDatabase({ dataDir: other })).rejects.toThrow(/in use by .*pid \d+/);
    await first.close();
    // A crashed owner: a pid that cannot be alive on this host.
    writeFileSync(
      join(other, 'shoreline.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    const again = await openDatabase({ dataDir: other });
    await again.close();
  }, 60_000);
});
