import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

// Reads back the cells of one CSV line as a spreadsheet would see them (RFC 4180 unquoting).
function cells(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else text += line[i++];
      }
      out.push(text);
      i++;
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

describe('CSV downloads from the browser (Hardening #14 item 5)', () => {
  it('never start a text cell with a formula character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii' }).filter((s) => !/[\r\n]/.test(s)),
        (text) => {
          const [, row] = toCsv(['a'], [[text]]).split('\n');
          const [cell] = cells(row!);
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
    );
    expect(toCsv(['topic'], [['=HYPERLINK("http://evil.example","x")']])).toBe(
      'topic\n"\'=HYPERLINK(""http://evil.example"",""x"")"\n',
    );
  });

  it('keeps numbers, negative ones too, as numbers', () => {
    expect(toCsv(['delta'], [[-5]])).toBe('delta\n-5\n');
  });
});
