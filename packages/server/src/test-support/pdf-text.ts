// A PDF's text as a reader extracts it (pdf.js, Mozilla's PDF renderer): embedded fonts decoded
// through their ToUnicode maps, right-to-left runs back in logical order. Tests use it to check
// what a generated report says in each language. Items are joined by one space (a label wrapped
// in a narrow column reads as one phrase), runs of white space collapsed.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const lines: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) lines.push(item.str);
  }
  await doc.destroy();
  return lines.join(' ').replace(/\s+/g, ' ');
}
