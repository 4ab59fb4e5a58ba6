// PDF documents in any of the five languages (pdfkit). The 14 standard PDF fonts carry WinAnsi only:
// no Turkish ğ/ş/İ beyond Latin-1, no Hebrew. DejaVu Sans (npm dejavu-fonts-ttf) covers Latin
// Extended, Cyrillic and Hebrew, and is embedded (subset) with a ToUnicode map, so the text can be
// searched and extracted. pdfkit lays text out left to right; Hebrew lines are reordered here with
// the Unicode Bidirectional Algorithm (bidi-js, UAX #9) and drawn as one run (decision 0037).
import { createRequire } from 'node:module';
import type PDFDocumentType from 'pdfkit';

const require = createRequire(import.meta.url);
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
// A CommonJS package whose module.exports is the factory (its types declare an ES default export).
const bidiFactory = require('bidi-js') as typeof import('bidi-js').default;
const bidi = bidiFactory();

const RTL_LANGUAGES = new Set(['he', 'ar', 'fa', 'ur', 'yi']);
export const isRtl = (locale: string): boolean => RTL_LANGUAGES.has(locale.split('-')[0] ?? '');

const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * A line in the order its glyphs are drawn (left to right): UAX #9's visual order, brackets
 * mirrored (bidi-js `getReorderedString`). The writer then lays the line out as one Latin-script
 * run (see `LTR_RUN`), so nothing reverses it a second time.
 */
export function visualLine(text: string, rtl: boolean): string {
  if (!rtl && !STRONG_RTL.test(text)) return text;
  return bidi.getReorderedString(text, bidi.getEmbeddingLevels(text, rtl ? 'rtl' : 'ltr'));
}

/**
 * pdfkit lays text out in runs ending at each space, and fontkit reverses a run whose first letter
 * is right to left — with its trailing space, which then lands on the word's left and joins two
 * Hebrew words (decision 0037). A string in pdfkit's `features` reaches fontkit's `layout` as the
 * script (fontkit: "make the features parameter optional"), and pdfkit then lays the line out as a
 * single run: as Latin, a line already in visual order is drawn as it is, spaces included.
 */
const LTR_RUN = 'latn' as unknown as PDFKit.Mixins.OpenTypeFeatures[];

export interface PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly rtl: boolean;
  /** Text in the body font (or bold), reordered for right-to-left readers and aligned to their side. */
  text(
    text: string,
    options?: { bold?: boolean; size?: number; x?: number; y?: number; width?: number },
  ): void;
  /** Resolves to the PDF's bytes once the document is ended. */
  finish(): Promise<Buffer>;
}

/** An A4 document with the embedded fonts; text streams uncompressed so the words can be searched. */
// Loaded when first used: pdfkit costs ≈ 0.3 s of CPU to load, paid by every server start otherwise.
export async function pdfWriter(options: { title: string; locale: string }): Promise<PdfWriter> {
  const PDFDocument: typeof PDFDocumentType = (await import('pdfkit')).default;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: false,
    lang: options.locale,
    info: { Title: options.title },
  });
  doc.registerFont('body', REGULAR);
  doc.registerFont('bold', BOLD);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const rtl = isRtl(options.locale);
  return {
    doc,
    rtl,
    text(text, o = {}) {
      doc.font(o.bold ? 'bold' : 'body').fontSize(o.size ?? 10);
      const line = visualLine(text, rtl);
      const box = {
        width: o.width ?? 495,
        align: rtl ? ('right' as const) : ('left' as const),
        ...(line !== text || rtl ? { features: LTR_RUN } : {}),
      };
      if (o.x !== undefined) doc.text(line, o.x, o.y ?? doc.y, box);
      else doc.text(line, box);
    },
    finish() {
      doc.end();
      return done;
    },
  };
}
