import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCommands } from '../src/cli/commands/index.js';
import { createCliSession } from '../src/cli/session.js';
import { createOrganization } from '../src/modules/identity/index.js';
import type { Actor } from '../src/platform/scope.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';
import { importFile } from './insight/support.js';

// The `shoreline` command table as the modules declare it, run in-process against a test app.

let app: TestApp;
let demoOrg: string;
const dir = mkdtempSync(join(tmpdir(), 'shoreline-cli-'));

/** The command table on the test app's instance (closing a command's instance leaves the app open). */
function program(): Command {
  const p = new Command('shoreline').exitOverride();
  const session = createCliSession(async () => ({ ...app.shoreline, close: async () => {} }));
  registerCommands(p, session);
  return p;
}

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    lines.push(parts.join(' '));
  });
  try {
    await program().parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return lines;
}

beforeAll(async () => {
  app = await startTestApp();
  const { db, clock } = app.shoreline.ctx;
  demoOrg = (await createOrganization(db, clock, { name: 'Northwind Outfitters' })).organizationId;
  await createOrganization(db, clock, { name: 'Other Co' });
}, 60_000);
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shoreline command table', () => {
  it('has every command with the flags it had before the modules declared them', () => {
    const flags = (c: Command) => c.options.map((o) => o.long).sort();
    const table = Object.fromEntries(program().commands.map((c) => [c.name(), flags(c)]));
    expect(table).toEqual({
      serve: ['--demo', '--port', '--workers'],
      migrate: [],
      'seed-demo': [],
      user: [],
      import: ['--batch-size', '--json', '--mapping', '--no-progress', '--organization'],
      export: ['--format', '--organization', '--out'],
      kpi: [
        '--format',
        '--from',
        '--group-by',
        '--include-inferred-resolutions',
        '--organization',
        '--source',
        '--to',
      ],
      staff: [
        '--hours-per-week',
        '--input',
        '--max-errors',
        '--no-progress',
        '--output',
        '--paid-hours-per-fte',
      ],
      simulate: [
        '--no-progress',
        '--no-table',
        '--output',
        '--replications',
        '--seed',
        '--trace-bank',
        '--trace-skill',
      ],
      audit: [],
      contract: [],
      govern: [],
      knowledge: [],
      forecast: ['--holidays', '--horizon-days', '--input', '--level', '--method', '--output'],
      schedule: [
        '--agents',
        '--calendars',
        '--json',
        '--output',
        '--requirements',
        '--rules',
        '--time-limit',
      ],
      source: [],
      'detect-language': [],
    });
    const sub = (name: string) => program().commands.find((c) => c.name() === name)!.commands;
    expect(sub('user').map((c) => [c.name(), flags(c)])).toEqual([
      ['add', ['--email', '--name', '--organization', '--password', '--provider', '--role']],
    ]);
    expect(sub('audit').map((c) => [c.name(), flags(c)])).toEqual([
      ['verify', ['--anchors', '--json', '--organization']],
      ['anchor', []],
    ]);
    expect(sub('contract').map((c) => [c.name(), flags(c)])).toEqual([
      ['apply', ['--organization', '--provider']],
    ]);
    expect(sub('govern').map((c) => [c.name(), flags(c)])).toEqual([
      ['settle', ['--json', '--organization', '--period', '--provider']],
    ]);
    expect(sub('kpi').map((c) => [c.name(), flags(c)])).toEqual([['rejects', ['--organization']]]);
    expect(sub('knowledge').map((c) => [c.name(), flags(c)])).toEqual([
      ['import', ['--markdown', '--organization']],
    ]);
  });

  it('acts inside one organization as the system actor system:cli', async () => {
    const session = createCliSession(async () => ({ ...app.shoreline, close: async () => {} }));
    const actor = await session.asOrganization('Northwind Outfitters', async (scoped) => scoped.actor);
    expect(actor).toEqual<Actor>({
      kind: 'system',
      userId: 'system:cli',
      organizationId: demoOrg,
      providerId: null,
      role: 'admin',
    });
  });

  it('export writes the canonical file and leaves one audit record in that organization (decision 0036)', async () => {
    const out = join(dir, 'export.ndjson');
    const audited = () =>
      app.shoreline.ctx.db
        .selectFrom('audit_log')
        .select(['organization_id', 'actor', 'subject_id', 'payload'])
        .where('action', '=', 'export')
        .where('subject_type', '=', 'tickets')
        .execute();
    const before = (await audited()).length;
    await run('export', '--organization', 'Northwind Outfitters', '--out', out);
    const after = (await audited()).slice(before);
    expect(after).toEqual([
      {
        organization_id: demoOrg,
        actor: 'system:cli',
        subject_id: 'canonical',
        payload: { format: 'ndjson', out },
      },
    ]);
  });

  it('kpi rejects lists a run’s rejects only inside the organization named', async () => {
    const file = join(dir, 'one-bad.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify({ source: 'cli', externalId: 'A', status: 'open', createdAt: '2024-01-01T00:00:00Z' }),
        JSON.stringify({ source: 'cli', externalId: 'B', status: 'no-such-status' }),
      ].join('\n'),
    );
    const report = await importFile(app, demoOrg, 'canonical', file);
    expect(report.rowsRejected).toBe(1);

    const lines = await run('kpi', 'rejects', report.runId, '--organization', 'Northwind Outfitters');
    expect(lines).toEqual([expect.stringMatching(/^one-bad\.ndjson:2: status: .*no-such-status/)]);
    // Written before the subcommand, the parent's option names the organization just the same.
    expect(await run('kpi', '--organization', demoOrg, 'rejects', report.runId)).toEqual(lines);

    await expect(run('kpi', 'rejects', report.runId, '--organization', 'Other Co')).rejects.toThrow(
      /not found/,
    );
    await expect(run('kpi', 'rejects', report.runId)).rejects.toThrow(
      /--organization: required \(organizations: .*Northwind Outfitters.*Other Co/,
    );
  });
});
