import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRightToLeft, visualLine } from './report-text.js';

describe('visualLine', () => {
  it('reverses a Hebrew word and keeps numbers in reading order inside it', () => {
    expect(visualLine('שלום', 'rtl')).toBe('םולש');
    // "cost 12.50": the number stays left to right, the Hebrew word runs right to left.
    expect(visualLine('עלות 12.50', 'rtl')).toBe('12.50 תולע');
  });
  it('mirrors brackets in right-to-left text', () => {
    expect(visualLine('(אב)', 'rtl')).toBe('(בא)');
  });
  it('leaves left-to-right text as it is, Turkish letters included', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 .,şğıİçöüŞĞÇÖÜ€-]{0,40}$/), (s) => {
        expect(visualLine(s, 'ltr')).toBe(s);
      }),
    );
  });
  it('is its own inverse on pure Hebrew letters (a line reversed twice reads as written)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\u05d0-\u05ea]{1,30}$/), (s) => {
        expect(visualLine(visualLine(s, 'rtl'), 'rtl')).toBe(s);
      }),
    );
  });
  it('knows which locales are right to left', () => {
    expect(isRightToLeft('he')).toBe(true);
    expect(isRightToLeft('tr')).toBe(false);
  });
});
