import { describe, expect, it } from 'vitest';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { demoAdminAround } from './app-around.js';

// Bad input gets application/problem+json naming the field, and writes nothing.

let t: TestApp;
let admin: Auth;
let providerId: string;

async function teamCount(): Promise<number> {
  const res = await t.request('/api/teams', { auth: admin });
  return ((await res.json()) as { items: unknown[] }).items.length;
}

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as {
    code: string;
    field?: string;
    status: number;
    errors?: { field: string; code: string }[];
  };
}

demoAdminAround((demo) => {
  ({ t, admin, providerId } = demo);
});

describe('bad input', () => {
  it('a malformed JSON body answers malformed_json and writes nothing', async () => {
    const before = await teamCount();
    const res = await t.request('/api/teams', {
      rawBody: '{"name": "Half',
      headers: { 'content-type': 'application/json' },
      auth: admin,
    });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe('malformed_json');
    expect(body.field).toBe('(body)');
    expect(await teamCount()).toBe(before);
  });

  it('a missing field is named', async () => {
    const before = await teamCount();
    const res = await t.request('/api/teams', { body: { providerId, timeZone: 'UTC' }, auth: admin });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe('validation_failed');
    expect(body.field).toBe('name');
    expect(body.errors?.[0]).toMatchObject({ field: 'name', code: 'required' });
    expect(await teamCount()).toBe(before);
  });

  it('an empty New-team form names every required field with code required, not zod’s English', async () => {
    const res = await t.request('/api/teams', {
      body: { providerId: '', name: '', timeZone: '' },
      auth: admin,
    });
    expect(res.status).toBe(400);
    const body = await problem(res);
    const errors = (body.errors ?? []) as { field: string; code: string; message: string }[];
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(byField['name']).toMatchObject({ code: 'required', message: 'is required' });
    for (const e of errors) expect(e.message).not.toMatch(/Too small|expected string/);
  });

  it('an unknown enum value is named, with its path inside arrays', async () => {
    const before = await teamCount();
    const res = await t.request('/api/teams', {
      body: { providerId, name: 'Fax team', timeZone: 'UTC', channels: ['email', 'fax'] },
      auth: admin,
    });
    const body = await problem(res);
    expect(res.status).toBe(400);
    expect(body.field).toBe('channels.1');
    expect(body.errors?.[0]?.code).toBe('invalid_enum_value');
    expect(await teamCount()).toBe(before);
  });

  it('an invalid time zone and an unknown field are named', async () => {
    const tz = await problem(
      await t.request('/api/teams', {
        body: { providerId, name: 'X', timeZone: 'Mars/Olympus' },
        auth: admin,
      }),
    );
    expect(tz.field).toBe('timeZone');
    const extra = await problem(
      await t.request('/api/teams', {
        body: { providerId, name: 'X', timeZone: 'UTC', colour: 'red' },
        auth: admin,
      }),
    );
    expect(extra.field).toBe('colour');
  });

  it('an oversized body answers 413 and writes nothing', async () => {
    const before = await teamCount();
    const res = await t.request('/api/teams', {
      body: { providerId, name: 'Big', timeZone: 'UTC', site: 'x'.repeat(2_000_000) },
      auth: admin,
    });
    expect(res.status).toBe(413);
    expect((await problem(res)).code).toBe('payload_too_large');
    expect(await teamCount()).toBe(before);
  });

  it('a body that is not JSON answers 415', async () => {
    const res = await t.request('/api/teams', {
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      auth: admin,
    });
    expect(res.status).toBe(415);
  });

  it('a vendor without a shore is refused, naming shore', async () => {
    const body = await problem(
      await t.request('/api/providers', { body: { name: 'No shore', kind: 'vendor' }, auth: admin }),
    );
    expect(body.field).toBe('shore');
  });

  it('a duplicate name answers 409 conflict', async () => {
    const first = await t.request('/api/providers', {
      body: { name: 'Twice BPO', kind: 'vendor', shore: 'onshore' },
      auth: admin,
    });
    expect(first.status).toBe(201);
    const second = await t.request('/api/providers', {
      body: { name: 'twice bpo', kind: 'vendor', shore: 'onshore' },
      auth: admin,
    });
    expect(second.status).toBe(409);
  });

  it('unknown API routes and unauthenticated calls answer problem+json', async () => {
    expect((await problem(await t.request('/api/nothing-here', { auth: admin }))).code).toBe('not_found');
    expect((await problem(await t.request('/api/providers'))).code).toBe('unauthenticated');
  });
});

describe('API description', () => {
  it('serves OpenAPI 3.1 describing every API route, and browsable docs', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = t.shoreline.app.routes
      .filter((r) => r.path.startsWith('/api/') && !r.path.includes('*') && !r.path.startsWith('/api/docs'))
      .filter((r) => r.path !== '/api/openapi.json' && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
    const docs = await t.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui-bundle.js');
  });

  it('answers health and readiness', async () => {
    expect((await t.request('/healthz')).status).toBe(200);
    const ready = (await (await t.request('/readyz')).json()) as { status: string };
    expect(ready.status).toBe('ready');
  });
});
