import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { chunkBytesFor } from '../../src/platform/uploads/index.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { generateCanonicalTickets } from '../insight/generate.js';

/** HTTP imports are jobs: the upload is kept in the database, the run is queued, a runner finishes it. */
describe('HTTP import through the job queue', () => {
  let app: TestApp;
  let admin: Auth;
  const file = `${[...generateCanonicalTickets(300)].join('\n')}\n`;

  beforeAll(async () => {
    app = await startTestApp({ demo: true });
    admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => app?.close());

  const upload = (name: string, body: string, auth: Auth = admin) =>
    app.request(`/api/uploads?fileName=${encodeURIComponent(name)}`, {
      method: 'POST',
      rawBody: body,
      headers: { 'content-type': 'application/octet-stream' },
      auth,
    });
  const count = async (table: 'upload_chunks' | 'uploads') =>
    (await app.shoreline.ctx.db.selectFrom(table).select('organization_id').execute()).length;

  it('an upload of more than the JSON body limit is stored and imported by a job, then deleted', async () => {
    const big = file.repeat(Math.ceil(1_200_000 / file.length));
    expect(big.length).toBeGreaterThan(app.shoreline.ctx.config.maxBodyBytes);
    const up = await upload('tickets.ndjson', big);
    expect(up.status).toBe(201);
    const stored = (await up.json()) as { id: string; bytes: number };
    expect(stored.bytes).toBe(Buffer.byteLength(big));
    expect(await count('upload_chunks')).toBe(
      Math.ceil(Buffer.byteLength(big) / chunkBytesFor(app.shoreline.ctx.db)),
    );

    const res = await app.request('/api/insight/imports', {
      body: { format: 'canonical', uploadId: stored.id },
      auth: admin,
    });
    expect(res.status).toBe(202);
    const run = (await res.json()) as { id: string; status: string };
    expect(run.status).toBe('running');
    // Asking again for the same upload answers the same run: one job, one run.
    const again = await app.request('/api/insight/imports', {
      body: { format: 'canonical', uploadId: stored.id },
      auth: admin,
    });
    expect(((await again.json()) as { id: string }).id).toBe(run.id);

    // The import, then the search indexing its end asked for (tickets.index_search, decision 0020).
    // Other modules' recurring jobs may fall due in the same pass; what this job did is checked next.
    // Other modules' recurring jobs may fall due in the same pass: at least this one ran; what it did is checked next.
    expect((await app.shoreline.jobs.runDueJobs()).done).toBeGreaterThanOrEqual(2);
    const done = (await (await app.request(`/api/insight/imports/${run.id}`, { auth: admin })).json()) as {
      status: string;
      ticketsUpserted: number;
      recordsRead: number;
    };
    expect(done.status).toBe('done');
    expect(done.recordsRead).toBe(300 * Math.ceil(1_200_000 / file.length));
    expect(await count('uploads')).toBe(0);
    expect(await count('upload_chunks')).toBe(0);
  });

  it('small text in the JSON body still imports, through the same job', async () => {
    const res = await app.request('/api/insight/imports', {
      body: { format: 'canonical', fileName: 'small.ndjson', content: file },
      auth: admin,
    });
    expect(res.status).toBe(202);
    const run = (await res.json()) as { id: string };
    await app.shoreline.jobs.runDueJobs();
    const done = (await (await app.request(`/api/insight/imports/${run.id}`, { auth: admin })).json()) as {
      status: string;
    };
    expect(done.status).toBe('done');
  });

  it('an empty upload is refused naming the body', async () => {
    const up = await upload('empty.ndjson', '');
    expect(up.status).toBe(400);
    expect(((await up.json()) as { field: string }).field).toBe('(body)');
  });

  it('a file in the wrong encoding fails its run for good: a dead letter with the error, upload deleted', async () => {
    const latin1 = Buffer.from('{"externalId":"x","subject":"caf\u00e9"}\n', 'latin1');
    const up = await app.shoreline.app.request('/api/uploads?fileName=latin1.ndjson', {
      method: 'POST',
      body: latin1,
      headers: { 'content-type': 'application/octet-stream', cookie: (admin as { cookie: string }).cookie },
    });
    expect(up.status).toBe(201);
    const res = await app.request('/api/insight/imports', {
      body: { format: 'canonical', uploadId: ((await up.json()) as { id: string }).id },
      auth: admin,
    });
    const run = (await res.json()) as { id: string };
    expect(await app.shoreline.jobs.runDueJobs()).toEqual({ ran: 1, done: 0, failed: 1 });
    const failed = (await (await app.request(`/api/insight/imports/${run.id}`, { auth: admin })).json()) as {
      status: string;
      error: string;
    };
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/utf-8/i);
    const job = await app.shoreline.ctx.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'last_error'])
      .where('name', '=', 'insight.import')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'dead', attempts: 1 });
    expect(job.last_error).toMatch(/utf-8/i);
    expect(await count('uploads')).toBe(0);
  });

  it('answers problem+json naming the field for an import with neither upload nor content', async () => {
    const res = await app.request('/api/insight/imports', { body: { format: 'canonical' }, auth: admin });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('uploadId');
  });

  it('refuses an upload past the configured maximum, keeping nothing', async () => {
    const config = app.shoreline.ctx.config;
    const before = config.maxUploadBytes;
    config.maxUploadBytes = 1000;
    try {
      const before = await count('uploads');
      const res = await upload('big.ndjson', 'x'.repeat(5000));
      expect(res.status).toBe(413);
      expect(await count('uploads')).toBe(before);
    } finally {
      config.maxUploadBytes = before;
    }
  });

  it('vendor staff and agents cannot upload', async () => {
    for (const email of [DEMO_USERS.vendorAdmin, DEMO_USERS.agent]) {
      const auth = await app.login(email, DEMO_PASSWORD);
      expect((await upload('x.ndjson', file, auth)).status).toBe(404);
    }
  });
});
