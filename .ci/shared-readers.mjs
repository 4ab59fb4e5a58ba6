// Lists the test files that can notice whether ../shared exists: those whose own code, or any
// local module they import (transitively), names the shared folder. Only these behave differently
// on a newcomer's clone, so CI's "without ../shared" step runs them alone (the rest already ran).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const namesShared = /\.\.\/shared|['"`]shared['"`]|shared\/(data|reference)/;
const importRe = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(name) && !/\.slow\.test\./.test(name)) out.push(p);
  }
  return out;
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    join(base, 'index.ts'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const memo = new Map();
function reads(file, seen = new Set()) {
  if (memo.has(file)) return memo.get(file);
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  // Comments cite ../shared/reference for formulas; only code that names the folder reads it.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  let found = namesShared.test(code);
  for (const m of text.matchAll(importRe)) {
    if (found) break;
    const dep = resolveImport(file, m[1]);
    if (dep) found = reads(dep, seen);
  }
  memo.set(file, found);
  return found;
}

const files = walk(join(root, 'packages')).filter((f) => reads(f));
console.log(files.map((f) => relative(root, f)).join('\n'));
