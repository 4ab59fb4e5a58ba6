import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './problem.js';
import { checkJson, MAX_JSON_DEPTH } from './text-guard.js';

/** Puts `leaf` at `path` inside `value`, creating objects and arrays as the path's keys say. */
function plant(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const arr = Array.isArray(value) ? [...value] : [];
    while (arr.length <= key) arr.push(0);
    arr[key] = plant(arr[key], rest, leaf);
    return arr;
  }
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  (obj as Record<string, unknown>)[key!] = plant((obj as Record<string, unknown>)[key!], rest, leaf);
  return obj;
}

const fieldOfError = (f: () => void): string | undefined => {
  try {
    f();
  } catch (err) {
    if (err instanceof AppError) return err.field;
    throw err;
  }
  return undefined;
};

// Clean JSON: strings without NUL or lone surrogates, keys likewise.
const hasDefect = (v: unknown): boolean =>
  typeof v === 'string'
    ? v.includes('\u0000') || !(v as string & { isWellFormed(): boolean }).isWellFormed()
    : v !== null && typeof v === 'object' && Object.entries(v).some(([k, x]) => hasDefect(k) || hasDefect(x));
const clean = fc.jsonValue({ maxDepth: 4 }).filter((v) => !hasDefect(v));
const key = fc.oneof(fc.stringMatching(/^[a-z]{1,6}$/), fc.nat({ max: 5 }));

describe('checkJson (the text guard every JSON body passes)', () => {
  it('lets clean JSON of any shape through', () => {
    fc.assert(
      fc.property(clean, (v) => {
        expect(fieldOfError(() => checkJson(v, undefined))).toBeUndefined();
      }),
    );
  });

  it('names the field of the one bad string, wherever it is', () => {
    fc.assert(
      fc.property(
        clean,
        fc.array(key, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('a\u0000b', 'x\ud800'),
        (v, path, bad) => {
          const body = plant(v, path, bad);
          expect(fieldOfError(() => checkJson(body, undefined))).toBe(path.join('.'));
        },
      ),
    );
  });

  it('allows NUL only in a file field at the top', () => {
    expect(fieldOfError(() => checkJson({ text: 'a\u0000b' }, new Set(['text'])))).toBeUndefined();
    expect(fieldOfError(() => checkJson({ x: { text: 'a\u0000b' } }, new Set(['text'])))).toBe('x.text');
  });

  it('refuses nesting past the limit under the top field', () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i++) deep = [deep];
    expect(fieldOfError(() => checkJson({ rows: deep }, undefined))).toBe('rows');
  });
});
