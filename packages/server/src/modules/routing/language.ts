import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { eld as Eld } from 'eld/medium';

/**
 * ELD's medium database, loaded on the first detection: importing it costs ≈ 2 s of CPU (its
 * n-gram tables are built at import), most of what the server spent loading before it could serve
 * the first page, and only a ticket without a language needs it. `detectLanguage` is synchronous,
 * so the package's ES module is loaded with `require` (Node ≥ 20.19 loads ES modules so); the
 * package exports it for `import` only, so its file is found in the package folder
 * (`src/entries/static.medium.js`, the file `eld/medium` names in its exports).
 */
let loaded: typeof Eld | undefined;
function eld(): typeof Eld {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const entry = (require.resolve.paths('eld') ?? [])
    .map((dir) => join(dir, 'eld', 'src', 'entries', 'static.medium.js'))
    .find((file) => existsSync(file));
  if (!entry) throw new Error('language detection: the eld package is not installed');
  loaded = (require(entry) as { eld: typeof Eld }).eld;
  return loaded;
}

/** What `detectLanguage` answers when the text is too short or the model is unsure. */
export const UNDETERMINED = 'und';

/**
 * The language of a text as an ISO 639-1 code, or `und`: ELD (Efficient Language Detector, npm
 * `eld`, its "medium" n-gram database shipped inside the package, never fetched), answered only
 * when ELD calls the result reliable. Accuracy per language: BENCHMARKS.md ("Language
 * identification"), `npm run bench -- langid`. Decision 0025.
 */
export function detectLanguage(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 3) return UNDETERMINED;
  const result = eld().detect(trimmed);
  return result.language !== '' && result.isReliable() ? result.language : UNDETERMINED;
}
