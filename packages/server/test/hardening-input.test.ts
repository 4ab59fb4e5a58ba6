import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { demoAdminAround } from './app-around.js';

// Issue #14 items 8 and 9 at the HTTP edge: every string of every request is checked once, before
// any route, so no NUL reaches PostgreSQL (a 500) and no broken UTF-16 is silently replaced.

let t: TestApp;
let admin: Auth;
let providerId: string;

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { code: string; field?: string; status: number; detail: string };
}

const team = (name: string) => ({ name, providerId, timeZone: 'UTC' });
/** Asks the admin's import (POST /api/insight/imports) for `body`: a file's format, name and content, its mapping. */
const startImport = (body: Record<string, unknown>) =>
  t.request('/api/insight/imports', { body, auth: admin });
const importsTemp = () =>
  readdirSync(tmpdir())
    .filter((f) => f.startsWith('shoreline-import-'))
    .sort();

demoAdminAround((demo) => {
  ({ t, admin, providerId } = demo);
});

describe('text at the edge', () => {
  it('NUL in a team name is a field error, not a 500', async () => {
    const res = await t.request('/api/teams', { body: team('Night\u0000shift'), auth: admin });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code: 'validation_failed', field: 'name' });
  });

  it('NUL in a KPI filter is a field error naming the parameter', async () => {
    const res = await t.request(`/api/insight/kpis?topic=${encodeURIComponent('a\u0000b')}`, { auth: admin });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code: 'validation_failed', field: 'query.topic' });
  });

  it('a lone UTF-16 surrogate is refused, not replaced', async () => {
    const res = await t.request('/api/teams', {
      rawBody: '{"name":"Bad \\ud800 name","providerId":"' + providerId + '","timeZone":"UTC"}',
      headers: { 'content-type': 'application/json' },
      auth: admin,
    });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code: 'validation_failed', field: 'name' });
  });

  it('a 200,000-deep JSON array is refused with a clear error, not a stack overflow', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const res = await t.request('/api/insight/imports', {
      rawBody: `{"format":"canonical","fileName":"x.ndjson","content":"{}","mapping":${deep}}`,
      headers: { 'content-type': 'application/json' },
      auth: admin,
    });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.field).toBe('mapping');
    expect(body.detail).toMatch(/deeper than/);
  });
});

describe('dates and time zones', () => {
  it.each([
    ['from', '2025-02-30'],
    ['from', '1'],
    ['to', '2025-13-01T00:00:00Z'],
  ])('%s=%s is refused, not read as another date', async (field, value) => {
    const res = await t.request(`/api/insight/kpis?${field}=${encodeURIComponent(value)}`, { auth: admin });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ field: `query.${field}` });
  });

  it('strict dates still accept real ones', async () => {
    const res = await t.request('/api/insight/kpis?from=2024-02-29&to=2025-01-01T00:00:00.000Z', {
      auth: admin,
    });
    expect(res.status).toBe(200);
  });

  it('a time zone Node knows but PostgreSQL does not is a field error on the drill-down', async () => {
    const res = await t.request('/api/insight/tickets?hourOfWeek=3&timeZone=US/Pacific-New', {
      auth: admin,
    });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code: 'validation_failed', field: 'query.timeZone' });
  });
});

describe('imports over HTTP', () => {
  it('a file named "." is a field error and leaves no temporary folder', async () => {
    const before = importsTemp();
    const res = await startImport({ format: 'canonical', fileName: '.', content: '{"externalId":"1"}\n' });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ field: 'fileName' });
    expect(importsTemp()).toEqual(before);
  });

  it("a mapping's dateFormat is validated", async () => {
    const res = await startImport({
      format: 'csv',
      fileName: 'x.csv',
      content: 'id,at\n1,2024\n',
      mapping: { source: 'x', columns: { externalId: 'id', createdAt: 'at' }, dateFormat: 'MM/MM' },
    });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ field: 'mapping.dateFormat' });
  });

  it("a failed run's error never shows the server's temporary path", async () => {
    const res = await startImport({
      format: 'csv',
      fileName: 'rows.csv',
      content: 'id,at\n1,2024-01-01T00:00:00Z\n',
      mapping: { source: 'x', columns: { externalId: 'id', createdAt: 'at', subject: 'missing' } },
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    // The import runs as a job: run it here rather than waiting for a runner.
    await t.shoreline.jobs.runDueJobs();
    const run = (await (await t.request(`/api/insight/imports/${id}`, { auth: admin })).json()) as {
      status: string;
      error: string | null;
    };
    expect(run.status).toBe('failed');
    expect(run.error).not.toContain(tmpdir());
    expect(run.error).toContain('rows.csv');
  });
});

it('a 409 names the field', async () => {
  expect((await t.request('/api/teams', { body: team('Twice'), auth: admin })).status).toBe(201);
  const res = await t.request('/api/teams', { body: team('twice'), auth: admin });
  expect(res.status).toBe(409);
  expect(await problem(res)).toMatchObject({ code: 'conflict', field: 'name' });
});
