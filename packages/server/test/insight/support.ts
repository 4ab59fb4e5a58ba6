import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { readMappingFile } from '../../src/modules/insight/import/mapping-file.js';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import type { ImportFormat } from '../../src/modules/insight/import/units.js';
import { systemClock } from '../../src/platform/clock.js';
import type { ScopedDb } from '../../src/platform/scope.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../../..');
export const sharedDir = resolve(repoRoot, '../shared/data');
export const hasShared = existsSync(sharedDir);
export const examples = join(repoRoot, 'examples/import');

export async function demoOrganizationId(app: TestApp): Promise<string> {
  const org = await app.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  return org.id;
}

/**
 * The demo app and a scratch folder for the tests of the enclosing block (or file): the app starts
 * before them and closes after; the folder is removed after. `app` and `org` (the demo
 * organization's id) are there once the block's tests run; `write` puts a file in the folder and
 * returns its path.
 */
export function demoAppWithScratchDir(prefix: string, startTimeout?: number) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let started: { app: TestApp; org: string } | undefined;
  beforeAll(async () => {
    const app = await startTestApp({ demo: true });
    started = { app, org: await demoOrganizationId(app) };
  }, startTimeout);
  afterAll(async () => {
    await started?.app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const ready = () => {
    if (!started) throw new Error('the demo app starts in beforeAll: use it inside the tests');
    return started;
  };
  return {
    dir,
    write,
    get app() {
      return ready().app;
    },
    get org() {
      return ready().org;
    },
  };
}

export function adminScope(app: TestApp, organizationId: string): ScopedDb {
  return app.shoreline.ctx.scope({
    userId: 'test',
    organizationId,
    providerId: null,
    role: 'admin',
  });
}

/** The rows an import run rejected, by line: file, line, field and reason. */
export function importRejects(app: TestApp, runId: string) {
  return app.shoreline.ctx.db
    .selectFrom('import_rejects')
    .select(['file', 'line', 'field', 'reason'])
    .where('import_run_id', '=', runId)
    .orderBy('line')
    .execute();
}

/** The id of the organization's provider named `name` (the demo's vendors: 'Manila CX', …). */
export async function providerIdNamed(app: TestApp, organizationId: string, name: string): Promise<string> {
  const provider = await app.shoreline.ctx.db
    .selectFrom('providers')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return provider.id;
}

export function importFile(
  app: TestApp,
  organizationId: string,
  format: ImportFormat,
  filePath: string,
  mappingName?: string,
  batchSize?: number,
) {
  return runImport({
    database: app.shoreline.ctx.database,
    clock: systemClock,
    organizationId,
    format,
    filePath,
    mapping: mappingName ? readMappingFile(join(examples, `${mappingName}.mapping.json`)) : null,
    ...(batchSize ? { batchSize } : {}),
  });
}

/** Hyndman–Fan type 7 quantile, written out again here so tests do not trust the code they check. */
export function referenceQuantile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!);
}
