// Text as pdfkit must draw it: pdfkit lays glyphs out left to right and has no bidirectional
// algorithm, so a right-to-left line is reordered into visual order first (bidi-js: the Unicode
// Bidirectional Algorithm, UAX #9 — levels, mirrored brackets, reversed runs). PDF readers that
// extract text (pdf.js) turn visual order back into logical order.
import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

const require = createRequire(import.meta.url);
// A UMD module whose export is the factory itself (its types call it the default export).
const bidi = (require('bidi-js') as () => Bidi)();

/** DejaVu Sans (dejavu-fonts-ttf): Latin Extended (Turkish ş ğ ı İ, Latvian ā ē ī, Hungarian ő ű) and Hebrew. */
export const REPORT_FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/** Locales written right to left. */
export const isRightToLeft = (locale: string) => /^(he|ar|fa|ur)\b/.test(locale);

/**
 * One line in visual (drawing) order for a paragraph of base direction `rtl` or `ltr`. Left-to-right
 * text without any right-to-left letter comes back unchanged.
 */
export function visualLine(text: string, direction: 'rtl' | 'ltr'): string {
  if (direction === 'ltr' && !/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(text)) return text;
  const levels = bidi.getEmbeddingLevels(text, direction);
  const chars = text.split('');
  for (const [index, mirror] of bidi.getMirroredCharactersMap(text, levels.levels)) chars[index] = mirror;
  for (const [start = 0, end = -1] of bidi.getReorderSegments(text, levels)) {
    const run = chars.slice(start, end + 1).reverse();
    chars.splice(start, run.length, ...run);
  }
  return chars.join('');
}
