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
});
