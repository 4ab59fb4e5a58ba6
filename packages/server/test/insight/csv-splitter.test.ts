import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvSplitter } from '../../src/modules/insight/import/csv-splitter.js';
import { type RawRecord, readCsv } from '../../src/modules/insight/import/source-file.js';

/** csv-parse with readCsv's options: the records, their `info.lines`, and whether it reported an error. */
function reference(text: string): { records: [string[], number][]; errors: number } {
  let errors = 0;
  const rows = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    info: true,
    on_skip: () => {
      errors++;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return { records: rows.map((r) => [r.record, r.info.lines]), errors };
}

/** The splitter fed `text` in pieces cut at `cuts`, as readCsv feeds it decoded chunks. */
function split(text: string, cuts: number[]): { records: [string[], number][]; irregular: boolean } {
  const splitter = new CsvSplitter(44);
  const records: [string[], number][] = [];
  // The splitter fills one array for every record: copied, as readCsv copies what it keeps.
  const onRecord = (f: string[], l: number) => records.push([[...f], l]);
  let pending = '';
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    const text_ = pending + text.slice(from, cut);
    from = cut;
    const rest = splitter.split(text_, false, onRecord);
    if (rest === 'irregular') return { records, irregular: true };
    pending = text_.slice(rest);
  }
  const rest = splitter.split(pending + text.slice(from), true, onRecord);
  return { records, irregular: rest === 'irregular' };
}

/** Text made of CSV's special characters and a little else: quoting right, wrong and half. */
const csvText = fc
  .array(fc.constantFrom('a', 'b', ' ', ',', '"', '""', '\n', '\r\n', '\r', 'é', '"x,y"', '"l\nf"'), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

const withCuts = csvText.chain((text) =>
  fc.tuple(fc.constant(text), fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 5 })),
);

describe('CsvSplitter: csv-parse records, faster', () => {
  it('gives exactly csv-parse records and line numbers for any text it splits, in any chunking', () => {
    fc.assert(
      fc.property(withCuts, ([text, cuts]) => {
        const ref = reference(text);
        const got = split(text, cuts);
        if (got.irregular) {
          // Left to csv-parse: what was handed on before is what csv-parse gives first.
          expect(got.records).toEqual(ref.records.slice(0, got.records.length));
        } else {
          expect(ref.errors).toBe(0);
          expect(got.records).toEqual(ref.records);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('splits the shapes real exports have (quoted commas and line feeds, CRLF, empty lines, no final line feed)', () => {
    for (const text of [
      'a,b\n1,2\n',
      'a,b\r\n1,"x, ""y"""\r\n\r\n3,4',
      'a,b\n1,"multi\nline"\n\n\n3,\n',
      'a,b\n,\n"",""\n',
    ]) {
      const got = split(text, [3, 7]);
      expect(got.irregular, JSON.stringify(text)).toBe(false);
      expect(got.records).toEqual(reference(text).records);
    }
  });
});

describe('readCsv: the splitter with csv-parse taking over where it must', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-splitter-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const read = async (path: string, split: boolean) => {
    const out: RawRecord[] = [];
    for await (const chunk of readCsv(path, { encoding: 'utf-8', delimiter: ',', onHeader: () => {}, split }))
      out.push(...chunk);
    return out;
  };

  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => `${i},"subject ${i}, with ""quotes""\nand a line",x${i}\n`).join('');

  it.each([
    ['well-formed, many chunks', `id,subject,tag\n${rows(5000)}`],
    [
      'a bad quote after 3,000 rows (csv-parse takes over mid-file)',
      `id,subject,tag\n${rows(3000)}7,a"b,c\n${rows(10)}`,
    ],
    ['a stray CR after 4,000 rows', `id,subject,tag\n${rows(4000)}8,a\rb,c\n${rows(10)}`],
    ['wrong field counts and empty lines', `id,subject,tag\n1,2\n\n${rows(3)}1,2,3,4\n`],
    ['truncated inside quotes', `id,subject,tag\n${rows(2000)}9,"never closed`],
    ['CR line endings', 'id,subject,tag\r1,2,3\r4,5,6\r'],
    [
      // Decoded 32 KiB at a time: characters of two to four bytes are cut between pieces.
      'multi-byte text over many pieces',
      `id,subject,tag\n${Array.from({ length: 6000 }, (_, i) => `${i},"é ş ı א 🙂 ${'ü'.repeat(i % 7)}, x",ğ${i}\n`).join('')}`,
    ],
  ])('%s: the same records, lines and errors as csv-parse alone', async (_name, text) => {
    const path = join(dir, 'f.csv');
    writeFileSync(path, text);
    // csv-parse reports a bad row when it parses it, which may be before it hands on the rows
    // buffered ahead of it: the order of error records among rows depends on stream buffering, so
    // records are compared in line order.
    const strip = (r: RawRecord[]) =>
      r
        .map(({ bytes: _b, ...rest }) => rest)
        .sort((a, b) => a.line - b.line || ('error' in a ? 1 : 0) - ('error' in b ? 1 : 0));
    expect(strip(await read(path, true))).toEqual(strip(await read(path, false)));
  });
});
