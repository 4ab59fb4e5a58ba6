import { createRequire } from 'node:module';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfWriter } from './pdf.js';

const require = createRequire(import.meta.url);
const bidi = (require('bidi-js') as typeof import('bidi-js').default)();

/**
 * The glyphs of each drawn line, left to right on the page, as their Unicode letters: PDF.js's
 * operator list gives every `showText` glyph in drawing order (its text items would put a
 * right-to-left run back in logical order, hiding a line drawn backwards).
 */
async function drawnLines(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const ops = await (await pdf.getPage(1)).getOperatorList();
  const lines: string[] = [];
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.showText) return;
    const glyphs = ops.argsArray[i]![0] as ({ unicode: string } | number)[];
    lines.push(glyphs.map((g) => (typeof g === 'number' ? '' : g.unicode)).join(''));
  });
  await pdf.destroy();
  return lines;
}

/** What a reader sees left to right: UAX #9's visual order of the logical line (bidi-js, independently of pdf.ts). */
const expectedVisual = (logical: string) =>
  bidi.getReorderedString(logical, bidi.getEmbeddingLevels(logical, 'rtl'));
const letters = (s: string) => s.replace(/\s+/g, '');

describe('pdfWriter draws Hebrew so it reads right to left', () => {
  it('lays each glyph where UAX #9 puts it: words right to left, letters within a word right to left, digits left to right', async () => {
    const lines = ['שלום עולם 2026', 'עלות לפנייה (12.50 אירו) לשנה'];
    const w = await pdfWriter({ title: 'bidi', locale: 'he' });
    for (const line of lines) w.text(line);
    const drawn = await drawnLines(await w.finish());
    // Left to right on the page: "2026", then עולם ending in its final mem, then שלום; one space between.
    expect(expectedVisual(lines[0]!)).toBe('2026 םלוע םולש');
    expect(drawn).toEqual(lines.map(expectedVisual));
  });

  it('draws a left-to-right line with Turkish letters as written', async () => {
    const w = await pdfWriter({ title: 'tr', locale: 'tr' });
    w.text('İletişim başına maliyet');
    expect(letters((await drawnLines(await w.finish()))[0]!)).toBe('İletişimbaşınamaliyet');
  });
});
