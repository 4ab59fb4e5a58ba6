import { eld } from 'eld/medium';

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
  const result = eld.detect(trimmed);
  return result.language !== '' && result.isReliable() ? result.language : UNDETERMINED;
}
