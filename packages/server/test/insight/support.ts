import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMappingFile } from '../../src/modules/insight/import/mapping-file.js';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import type { ImportFormat } from '../../src/modules/insight/import/units.js';
import { systemClock } from '../../src/platform/clock.js';
import type { ScopedDb } from '../../src/platform/scope.js';
import type { TestApp } from '../../src/test-support/test-app.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../../..');
export const sharedDir = resolve(repoRoot, '../shared/data');
export const hasShared = existsSync(sharedDir);
export const examples = join(repoRoot, 'examples/import');

export async function demoOrganizationId(app: TestApp): Promise<string> {
  const org = await app.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  return org.id;
}

export function adminScope(app: TestApp, organizationId: string): ScopedDb {
  return app.shoreline.ctx.scope({
    userId: 'test',
    organizationId,
    providerId: null,
    role: 'admin',
  });
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
