import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The web app imports `@shoreline/server/contract`. Its `export type`s vanish from the bundle;
// whatever it loads at run time goes into the browser, so that must be plain data: files that
// import nothing (no zod, no Hono, no node:*).

const CONTRACT = resolve(import.meta.dirname, '../src/contract.ts');
const STATEMENT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?'([^']+)'/g;

/** The module specifiers a file loads at run time (type-only imports and exports are erased). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(STATEMENT)].filter((m) => !m[2]).map((m) => m[3] ?? '');
}

describe('the API contract', () => {
  it('loads at run time only files that import nothing', () => {
    const loaded = runtimeImports(CONTRACT).map((spec) => {
      // Core's domain vocabulary is shared by server and web; anything else must be a server file.
      const core = /^@shoreline\/core\/(.+)$/.exec(spec);
      if (core) return resolve(import.meta.dirname, '../../core/src', `${core[1]}.ts`);
      expect(spec, 'a runtime import of the contract must be a relative file').toMatch(/^\.\.?\//);
      return resolve(dirname(CONTRACT), spec.replace(/\.js$/, '.ts'));
    });
    expect(loaded.length).toBeGreaterThan(0);
    for (const file of loaded) expect({ file, imports: runtimeImports(file) }).toEqual({ file, imports: [] });
  });

  it('sees a runtime import when there is one (the check can fail)', () => {
    expect(runtimeImports(resolve(import.meta.dirname, '../src/modules/identity/schemas.ts'))).toContain(
      '@hono/zod-openapi',
    );
  });
});
