import iconv from 'iconv-lite';

/**
 * Comparing our decoded text with Python's `email` package (fixtures/python_decode.py), normalising
 * only what may legitimately differ. Each rule is a documented difference (docs/decisions/0015):
 *
 * 1. Whitespace: runs of spaces, tabs and line breaks count as one space (line endings, trailing
 *    spaces, and the soft breaks of format=flowed).
 * 2. C1 controls: Python decodes ISO-8859-1 (and undeclared 8-bit in a latin-1 part) byte for byte,
 *    so a 0x92 becomes U+0092; mailparser (iconv-lite, like every browser per the WHATWG Encoding
 *    Standard) reads those labels as windows-1252, giving ’. The expected text maps U+0080–U+009F
 *    through windows-1252 before comparing.
 * 3. U+FFFD: where Python's strict codec gave up (bytes invalid in the declared charset, a bogus
 *    charset name), it writes U+FFFD; we may decode those bytes (GBK for gb2312, a fallback). A run
 *    of U+FFFD in the expected text matches any run of characters in ours.
 * 4. format=flowed with quotes: mailparser's flowed decoder also joins a soft-broken quoted line
 *    with the next one of another depth; quote markers `>` are ignored in flowed parts.
 */
// Node 20's TextDecoder('windows-1252') maps 0x80–0x9F to C1 controls, like latin-1: iconv-lite does not.
const cp1252 = { decode: (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), 'windows-1252') };

export function normaliseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function c1AsWindows1252(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => cp1252.decode(Uint8Array.of(c.charCodeAt(0))));
}

/** True when `actual` is `expected` under the rules above. */
export function decodesLikePython(actual: string, expected: string, flowed: boolean): boolean {
  const strip = (s: string) => normaliseWhitespace(flowed ? s.replace(/>/g, ' ') : s);
  const a = strip(actual);
  const e = strip(c1AsWindows1252(expected));
  if (!e.includes('\ufffd')) return a === e;
  // Pieces between replacement runs must appear in order; the first at the start, the last at the end.
  const pieces = e.split(/(?:\s*\ufffd+\s*)+/);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = (pieces[i] ?? '').trim();
    if (piece === '') continue;
    const found = a.indexOf(piece, at);
    if (found < 0 || (i === 0 && found !== 0)) return false;
    at = found + piece.length;
  }
  const last = (pieces.at(-1) ?? '').trim();
  return last === '' || a.endsWith(last);
}
