import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The web app's API shapes come from `@shoreline/server/contract` (types inferred from the
// server's zod schemas; docs/decisions/0008-one-api-contract-and-web-kit.md). This test fails when a
// hand-written copy of a contract type or vocabulary list reappears anywhere in the web app.

const WEB_SRC = resolve(import.meta.dirname, '..');
const CONTRACT = resolve(WEB_SRC, '../../server/src/contract.ts');

/** The names the contract exports: its types and the constants of the vocabulary it re-exports. */
function contractNames(): Set<string> {
  const source = readFileSync(CONTRACT, 'utf8');
  const names = new Set([...source.matchAll(/export (?:type|interface) (\w+)/g)].map((m) => m[1] ?? ''));
  for (const [, list] of source.matchAll(/export \{([^}]*)\} from '[^']+'/g))
    for (const item of (list ?? '').split(',')) {
      const name = item
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .at(-1);
      if (name) names.add(name);
    }
  for (const [, spec] of source.matchAll(/export \* from '(\.[^']+)'/g)) {
    const file = resolve(dirname(CONTRACT), (spec ?? '').replace(/\.js$/, '.ts'));
    for (const [, name] of readFileSync(file, 'utf8').matchAll(/export const (\w+)/g)) names.add(name ?? '');
  }
  return names;
}

/** Declarations in `source` that restate a contract name: `interface X`, `type X =`, `const X = [`. */
export function restatements(source: string, names: Set<string>): string[] {
  const declared = [
    ...source.matchAll(/(?:^|\n)\s*(?:export\s+)?(?:interface\s+(\w+)|type\s+(\w+)\s*(?:<[^>]*>)?\s*=)/g),
  ].map((m) => m[1] ?? m[2] ?? '');
  const lists = [...source.matchAll(/(?:^|\n)\s*(?:export\s+)?const\s+(\w+)\s*=\s*\[/g)].map(
    (m) => m[1] ?? '',
  );
  return [...declared, ...lists].filter((n) => names.has(n));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the web app uses the API contract', () => {
  const names = contractNames();
  const files = sourceFiles(WEB_SRC);

  it('knows the contract (the check has something to compare with)', () => {
    for (const n of [
      'KpiRow',
      'Me',
      'Team',
      'ImportRun',
      'Ability',
      'ROLES',
      'GROUP_BYS',
      'ImportProgressPayload',
      'PushEvent',
    ])
      expect(names).toContain(n);
    expect(restatements('export interface KpiRow {\n  key: string;\n}', names)).toEqual(['KpiRow']);
    expect(restatements("type Me = { id: string };\nexport const ROLES = ['admin'];", names)).toEqual([
      'Me',
      'ROLES',
    ]);
  });

  it('restates no contract type or vocabulary list', () => {
    const found = files.flatMap((f) =>
      restatements(readFileSync(f, 'utf8'), names).map((n) => `${relative(WEB_SRC, f)}: ${n}`),
    );
    expect(found).toEqual([]);
  });

  it('reads pushed payloads and problem extensions only as contract types, never inline shapes', () => {
    // `event.payload` (the stream) and `error.problem` (problem+json) are typed loosely on the wire
    // envelope; what a page reads from them must be a contract type (e.g. ImportProgressPayload).
    const casts = files.flatMap((f) =>
      [
        ...readFileSync(f, 'utf8').matchAll(
          /\.(?:payload|problem)\)?\s+as\s+(?:unknown\s+as\s+)?([^;,)\n]+)/g,
        ),
      ].map((m) => ({ where: relative(WEB_SRC, f), type: (m[1] ?? '').trim() })),
    );
    expect(casts.length).toBeGreaterThan(0);
    const named = (type: string) => /^(?:Partial<)?(\w+)>?$/.exec(type)?.[1] ?? '';
    expect(casts.filter((c) => !names.has(named(c.type)))).toEqual([]);
  });

  it('declares no types in the API clients (features/*/api.ts): their shapes are the contract', () => {
    const clients = files.filter((f) => /features\/[^/]+\/api\.ts$/.test(f));
    expect(clients.length).toBeGreaterThan(0);
    const declared = clients.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(?:^|\n)\s*(?:export\s+)?(?:interface|type)\s+(\w+)/g)].map(
        (m) => `${relative(WEB_SRC, f)}: ${m[1]}`,
      ),
    );
    expect(declared).toEqual([]);
  });

  it('imports nothing of the server but the contract', () => {
    const reached = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/from '(@shoreline\/server[^']*)'/g)].map((m) => m[1]),
    );
    expect(reached.length).toBeGreaterThan(0);
    expect(new Set(reached)).toEqual(new Set(['@shoreline/server/contract']));
  });
});
