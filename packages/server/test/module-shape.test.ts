import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { modules } from '../src/modules.js';
import { MIGRATION_ID } from '../src/platform/db/migrate.js';

// Every capability module has the same footprint and talks to the others only through their
// index.ts; the platform names no module (docs/ARCHITECTURE.md, "How a module is declared").

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const modulesDir = join(src, 'modules');
const moduleNames = readdirSync(modulesDir).filter((n) => statSync(join(modulesDir, n)).isDirectory());

/** The footprint: each is a file `<name>.ts` or a folder `<name>/`, or absent. */
const FOOTPRINT = [
  'tables',
  'migrations',
  'policy',
  'service',
  'schemas',
  'presenters',
  'routes',
  'jobs',
  'listeners',
  'cli',
] as const;
type Part = (typeof FOOTPRINT)[number];

/** Names that mean a footprint part but spell it otherwise. */
const MISSPELLED: Record<string, Part> = {
  table: 'tables',
  model: 'tables',
  models: 'tables',
  migration: 'migrations',
  policies: 'policy',
  permissions: 'policy',
  services: 'service',
  schema: 'schemas',
  presenter: 'presenters',
  serializers: 'presenters',
  route: 'routes',
  handlers: 'routes',
  job: 'jobs',
  workers: 'jobs',
  listener: 'listeners',
  subscribers: 'listeners',
  command: 'cli',
  commands: 'cli',
};

function partsOf(name: string): Map<Part, 'file' | 'folder'> {
  const dir = join(modulesDir, name);
  const parts = new Map<Part, 'file' | 'folder'>();
  for (const part of FOOTPRINT) {
    const file = existsSync(join(dir, `${part}.ts`));
    const folder = existsSync(join(dir, part)) && statSync(join(dir, part)).isDirectory();
    if (file && folder) throw new Error(`${name}: both ${part}.ts and ${part}/`);
    if (file) parts.set(part, 'file');
    if (folder) parts.set(part, 'folder');
  }
  return parts;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith('.ts') && statSync(f).isFile());
}

/** Relative module specifiers of a file (static imports, re-exports, dynamic imports), resolved to .ts paths. */
function relativeImports(file: string): string[] {
  // oxc-parser's module record (TypeScript 7, the native compiler, has no JavaScript API).
  const text = readFileSync(file, 'utf8');
  const { module, errors } = parseSync(file, text);
  expect(errors, show(file)).toEqual([]);
  const literal = /^(['"])(.*)\1$/s;
  return [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) =>
      e.entries.flatMap((x) => (x.moduleRequest ? [x.moduleRequest.value] : [])),
    ),
    // `import('./x.js')` with a string literal; a computed specifier names no file.
    ...module.dynamicImports.flatMap((d) => {
      const m = literal.exec(text.slice(d.moduleRequest.start, d.moduleRequest.end));
      return m ? [m[2]!] : [];
    }),
  ]
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
const show = (path: string) => relative(src, path).split(sep).join('/');

describe('module shape', () => {
  it('finds the modules it checks', () => {
    expect(moduleNames).toEqual(expect.arrayContaining(['identity', 'tickets', 'insight', 'plan']));
  });

  it('every module under src/modules is listed in src/modules.ts, and has an index.ts', () => {
    const listed = modules.map((m) => m.name);
    for (const name of moduleNames) {
      expect(listed, `src/modules.ts lists ${name}`).toContain(name);
      expect(existsSync(join(modulesDir, name, 'index.ts')), `${name}/index.ts`).toBe(true);
    }
  });

  it('names every footprint part as the footprint does, and declares what it has', () => {
    const problems: string[] = [];
    for (const name of moduleNames) {
      const module = modules.find((m) => m.name === name)!;
      const parts = partsOf(name);
      for (const entry of readdirSync(join(modulesDir, name))) {
        const stem = entry.replace(/\.ts$/, '');
        const meant = MISSPELLED[stem];
        if (meant) problems.push(`${name}/${entry}: name it ${meant}`);
      }
      const declared: [Part, boolean][] = [
        ['migrations', module.migrations.length > 0],
        ['routes', module.routes !== undefined],
        ['cli', module.cli !== undefined],
      ];
      for (const [part, isDeclared] of declared) {
        if (isDeclared && !parts.has(part)) problems.push(`${name} declares ${part} but has no ${part}`);
        if (!isDeclared && parts.has(part)) problems.push(`${name} has ${part} its module does not declare`);
      }
      const scoped = Object.keys(module.scopedTables ?? {});
      if (scoped.length > 0 && !parts.has('tables'))
        problems.push(`${name} declares scoped tables, no tables`);
      if (parts.has('tables') && !parts.has('migrations')) problems.push(`${name} has tables, no migrations`);
      if (parts.get('tables') === 'file') {
        const text = readFileSync(join(modulesDir, name, 'tables.ts'), 'utf8');
        for (const table of scoped)
          if (!new RegExp(`\\b${table}: \\w+Table;`).test(text))
            problems.push(`${name} scopes ${table}, which its tables.ts does not declare`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every migration a time-ordered id naming the module that declares it', () => {
    const problems: string[] = [];
    for (const module of modules)
      for (const m of module.migrations) {
        if (!MIGRATION_ID.test(m.id))
          problems.push(`${module.name}: ${m.id} is not <UTC time>_<module>_<what>`);
        else if (m.id.split('_')[1] !== module.name)
          problems.push(`${module.name}: ${m.id} names another module`);
      }
    expect(problems).toEqual([]);
  });

  it('modules import one another only through index.ts, and nothing above them', () => {
    const problems: string[] = [];
    for (const name of moduleNames) {
      const own = join(modulesDir, name);
      for (const file of filesUnder(own))
        for (const target of relativeImports(file)) {
          if (inside(target, own) || inside(target, join(src, 'platform'))) continue;
          const other = moduleNames.find((n) => target === join(modulesDir, n, 'index.ts'));
          if (other) continue;
          problems.push(`${show(file)} imports ${show(target)}`);
        }
    }
    expect(problems).toEqual([]);
  });

  it('the platform imports no module', () => {
    const problems: string[] = [];
    const platform = join(src, 'platform');
    for (const file of filesUnder(platform))
      for (const target of relativeImports(file))
        if (!inside(target, platform)) problems.push(`${show(file)} imports ${show(target)}`);
    expect(problems).toEqual([]);
  });

  it('code outside the modules reaches them through index.ts (the CLI’s fast path: a module’s cli/; the contract: vocabulary.ts)', () => {
    const problems: string[] = [];
    const outside = filesUnder(src).filter(
      (f) => !inside(f, modulesDir) && !inside(f, join(src, 'platform')),
    );
    expect(outside.length).toBeGreaterThan(5);
    for (const file of outside)
      for (const target of relativeImports(file)) {
        if (!inside(target, modulesDir)) continue;
        const [name, ...rest] = relative(modulesDir, target).split(sep);
        const path = rest.join('/');
        if (path === 'index.ts') continue;
        if (show(file) === 'cli/main.ts' && path.startsWith('cli/')) continue;
        // The API contract loads the import-free vocabulary directly: through index.ts the web
        // bundle would pull the whole module (test/contract.test.ts keeps vocabulary.ts import-free).
        if (show(file) === 'contract.ts' && path === 'vocabulary.ts') continue;
        problems.push(`${show(file)} imports modules/${name}/${path}`);
      }
    expect(problems).toEqual([]);
  });
});
