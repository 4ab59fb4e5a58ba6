// The text of a PDF as a reader's PDF viewer extracts it (pdfjs-dist, Mozilla's PDF.js): through the
// embedded fonts' ToUnicode maps, right-to-left runs back in logical order. For tests of generated PDFs.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Each page's text items joined by one space, runs of white space collapsed (an item is a run of text PDF.js found on one line); the embedded fonts' names. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; fonts: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) parts.push(item.str);
  }
  const raw = Buffer.from(bytes).toString('latin1');
  const fonts = [...new Set([...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2] ?? ''))];
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: parts.join(' ').replace(/\s+/g, ' '), fonts };
}
