import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTopic, foldText, LEXICON, TOPICS, type Topic } from './topics.js';

/** The keyword match as first written: an indexOf pass per keyword, topics in order. */
function referenceMatch(folded: string): Topic | null {
  for (const topic of Object.keys(LEXICON) as Topic[])
    for (const word of LEXICON[topic].map(foldText)) {
      const at = folded.indexOf(word);
      if (at >= 0 && (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!))) return topic;
    }
  return null;
}

const pieces = [...Object.values(LEXICON).flat(), 'x', ' ', 'É', 'ı', '-', '7', 'a', '😡', ...TOPICS];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));

describe('extractTopic: one scan for any keyword before the per-keyword search', () => {
  it('finds the topic the per-keyword search finds, for any text', () => {
    fc.assert(
      fc.property(text, fc.option(text, { nil: null }), (subject, description) => {
        const expected =
          referenceMatch(foldText(subject)) ??
          (description === null ? null : referenceMatch(foldText(description)));
        expect(extractTopic({ tags: [], subject, text: description })).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same topic when the description is the subject itself (a short post is both)', () => {
    // The description is not searched again when it equals the subject: the answer must not change.
    fc.assert(
      fc.property(fc.option(text, { nil: null }), (body) => {
        const expected = body === null ? null : referenceMatch(foldText(body));
        expect(extractTopic({ tags: [], subject: body, text: body })).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('foldText: the ASCII shortcut', () => {
  // The full fold: NFD, combining marks dropped, lower case, dotless ı as i.
  const fullFold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replaceAll('ı', 'i');
  it('folds any text exactly as the full fold does, ASCII or not', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) });
    const accents = fc.constantFrom('é', 'İ', 'ı', 'ß', 'Å', 'ñ', 'ş', 'א', 'ā', '\u0301', '🙂', '\ud800');
    fc.assert(
      fc.property(fc.array(fc.oneof(ascii, accents)), (parts) => {
        const text = parts.join('');
        expect(foldText(text)).toBe(fullFold(text));
      }),
      { numRuns: 2000 },
    );
  });
});
