import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStaffArgs } from '../src/modules/plan/cli/staff-args.js';
import { ByteRowParser, decimalText, putDecimal, putInteger } from '../src/modules/plan/cli/staff-bytes.js';
import { OUTPUT_HEADER, RowParser, readHeader, splitCsvLine } from '../src/modules/plan/cli/staff-csv.js';
import { runStaff } from '../src/modules/plan/cli/staff-run.js';
import { createRowPlanner } from '../src/modules/plan/row-planner.js';

// The byte-level fast path of `shoreline staff` against the general text path it short-cuts: same
// rows, same output bytes, and every line it does not fully understand left to the general path.

const YEAR_CSV = new URL('../../../../shared/reference/staffing/intervals_year.csv', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'shoreline-staff-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The output the general path produces: split, RowParser, planner, decimalText. */
function referenceOutput(csv: string): string {
  const [header, ...lines] = csv.split('\n');
  const index = readHeader(splitCsvLine(header!.replace(/\r$/, '')) as string[]);
  if (Array.isArray(index)) throw new Error('bad header');
  const parser = new RowParser(index, [], 1);
  const planner = createRowPlanner();
  let out = OUTPUT_HEADER;
  lines.forEach((text, i) => {
    const line = text.replace(/\r$/, '');
    if (line.trim() === '') return;
    const row = parser.parse(splitCsvLine(line) as string[], i + 2);
    if (!row) throw new Error(`line ${i + 2}: ${JSON.stringify(parser.errors)}`);
    const p = planner.plan(row);
    out += `${row.start},${row.volume},${p.rawAgents},${p.scheduledAgents},${decimalText(p.serviceLevel, 1e6, 6)},${decimalText(p.occupancy, 1e6, 6)},${decimalText(p.probabilityOfWait, 1e6, 6)},${decimalText(p.averageSpeedOfAnswerSec, 1e3, 3)}\n`;
  });
  return out;
}

async function runToString(csv: string, chunk?: number): Promise<string> {
  const input = join(dir, 'in.csv');
  const output = join(dir, 'out.csv');
  if (chunk === undefined) {
    writeFileSync(input, csv);
    await runStaff({ input, output, progress: false });
    return readFileSync(output, 'utf8');
  }
  const bytes = Buffer.from(csv);
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  const written: Buffer[] = [];
  const stdout = new Writable({
    write(data: Buffer, _encoding, done) {
      written.push(Buffer.from(data));
      done();
    },
  });
  await runStaff({ input: '-', stdin: Readable.from(pieces), stdout, progress: false });
  return Buffer.concat(written).toString('utf8');
}

const HEADER =
  'interval_start,weekday,volume,aht_sec,interval_min,target_answer_sec,sl_target,shrinkage,max_occupancy,patience_sec,asa_target_sec,max_abandon,min_agents,note';

describe('shoreline staff byte path', () => {
  it.skipIf(!existsSync(YEAR_CSV))(
    'writes intervals_year.csv byte for byte like the general path',
    async () => {
      const csv = readFileSync(fileURLToPath(YEAR_CSV), 'utf8');
      const expected = referenceOutput(csv);
      expect(await runToString(csv)).toBe(expected);
      // Streamed from stdin in odd-sized chunks, lines cut anywhere.
      expect(await runToString(csv, 65_537)).toBe(expected);
    },
  );

  it('reads every plain or unusual cell like RowParser, or leaves the line to it', () => {
    const index = readHeader(HEADER.split(','));
    if (Array.isArray(index)) throw new Error('bad header');
    const general = new RowParser(index, [], 100);
    const fast = new ByteRowParser(index);
    let accepted = 0;
    const number = fc.oneof(
      fc.constantFrom(
        '0',
        '00',
        '0.0',
        '.5',
        '5.',
        '05',
        '1e2',
        ' 7',
        '7 ',
        '+3',
        '-1',
        '0x1A',
        '',
        '0.0000001',
      ),
      fc.constantFrom('0.000001', '1.50', '3.25', '12', '15', '30', '60', '45', '0.8', '0.85', '1', '0.9999'),
      fc.double({ min: 0, max: 5000, noNaN: true }).map(String),
      fc.integer({ min: 0, max: 2000 }).map(String),
      fc.nat({ max: 10 ** 9 }).map((n) => (n / 10 ** (n % 8)).toFixed(n % 9)),
    );
    const start = fc.oneof(
      { arbitrary: fc.constantFrom('2025-01-06T09:00', '2025-01-06T23:45', '2025-01-07T00:00'), weight: 8 },
      fc.constantFrom(
        '2025-01-06 10:00',
        '2025-01-06T10:00:30',
        '2025-13-06T10:00',
        '2025-01-06T24:00',
        '2025-01-06T10:60',
        ' 2025-01-06T10:00',
        '"2025-01-06T10:00"',
      ),
    );
    const plain = fc.oneof(
      fc.integer({ min: 1, max: 2000 }).map(String),
      fc.nat({ max: 10 ** 6 }).map((n) => String(n / 1000 + 0.5)),
    );
    const fraction = fc.nat({ max: 9999 }).map((n) => String(n / 10000));
    const optional = (cell: fc.Arbitrary<string>) => fc.oneof(fc.constant(''), cell);
    // Per column mostly valid cells, sometimes an odd one from `number`.
    const cells = fc.tuple(
      ...[
        plain,
        plain,
        fc.constantFrom('15', '30', '60'),
        plain,
        fraction,
        fraction,
        fraction.map((f) => (f === '0' ? '1' : f)),
        optional(number),
        optional(number),
        fc.constant(''),
        optional(fc.integer({ min: 0, max: 9 }).map(String)),
      ].map((valid) => fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: number, weight: 1 })),
    );
    const line = fc
      .tuple(start, cells, fc.constantFrom('', 'Mon', 'ä"x', 'a,b'))
      .map(([s, cells, note]) => [s, 'Mon', ...cells, note])
      .chain((cells) =>
        fc
          .integer({ min: 1, max: cells.length })
          .map((n) => cells.slice(0, n < 5 ? n : Math.max(n, 9)).join(',')),
      );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const bytes = Buffer.from(text, 'latin1');
        let from = 0;
        lines.forEach((l, i) => {
          const to = from + l.length;
          general.errors.length = 0;
          const expected = general.parse(splitCsvLine(l) as string[], i + 2);
          const row = l.includes('"') ? undefined : fast.parse(bytes, from, to, text);
          if (row) {
            accepted++;
            expect(general.errors).toEqual([]);
            expect(row).toEqual(expected);
            if (fast.volumeCanonical)
              expect(text.slice(fast.volumeFrom, fast.volumeTo)).toBe(String(row.volume));
            expect(text.slice(fast.startFrom, fast.startFrom + 16)).toBe(row.start);
          } else if (expected && l.includes('"') === false) {
            // Left to the general path although valid: only for forms the byte path does not read.
            const longNumber = l.split(',').some((cell) => cell.replace(/\D/g, '').length > 15);
            if (!longNumber)
              expect(l).toMatch(/ |\+|e|x|\.(,|$)|,\.|(^|,)\.\d|T\d\d:\d\d:\d\d|^\d{4}-\d\d-\d\d /);
          }
          from = to + 1;
        });
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('formats numbers like decimalText and String', () => {
    const bytes = new Uint8Array(64);
    const text = (end: number) => Buffer.from(bytes.subarray(0, end)).toString('latin1');
    const values = [
      0, 1e-7, 0.0000005, 0.4999995, 0.5, 0.9999995, 1, 12.3456, 2147.483647, 2147.4836475, 1e9, 3e12,
    ];
    for (const v of [
      ...values,
      ...Array.from({ length: 2000 }, (_, i) => (i * 7919.123) % 1000 ** (i % 3)),
    ]) {
      expect(text(putDecimal(bytes, 0, v, 1e6, 6)), String(v)).toBe(decimalText(v, 1e6, 6));
      expect(text(putDecimal(bytes, 0, v, 1e3, 3)), String(v)).toBe(decimalText(v, 1e3, 3));
    }
    expect(putDecimal(bytes, 5, null, 1e6, 6)).toBe(5);
    for (const n of [0, 9, 10, 99, 100, 12345, 2 ** 31 - 1, 2 ** 31, 1e21, -1, 2.5])
      expect(text(putInteger(bytes, 0, n))).toBe(String(n));
  });

  it('keeps odd but valid lines (CRLF, quotes, spaces, 1e2, optional columns) on the general path', async () => {
    const csv = [
      `${HEADER}\r`,
      '2025-01-06T09:00,Mon,12,300,15,20,0.8,0.3,0.85,,,,,\r',
      '2025-01-06T09:15,Mon,1e2,300.0,15,20,0.80,0.3,0.85,,,,,x\r',
      '"2025-01-06T09:30",Mon, 40 ,300,15,20,0.8,0.3,0.85,240,30,0.05,2,"a ""b"", c"\r',
      '2025-01-06 09:45,Mon,007.50,.5e3,15,20,0.8,0.3,0.85,,,,3\r',
      '',
      '2025-01-06T10:00,Mon,40,300,15,20,0.8,0.3,0.85',
      '2025-01-06T10:15,Mon,40,300,15,20,0.8,0.3,0.85,240,,0.05,1,ä',
      '2025-01-06T10:30,Mon,0.0000001,300,15,20,0.8,0.3,0.85,240,,0.05,1,ä',
    ].join('\n');
    const expected = referenceOutput(csv);
    expect(await runToString(csv)).toBe(expected);
    expect(await runToString(csv, 7)).toBe(expected);
  });
});

describe('shoreline staff fast entry arguments', () => {
  it('reads plain invocations and leaves everything else to commander', () => {
    expect(parseStaffArgs(['--input', 'a.csv', '--output', 'b.csv', '--no-progress'])).toEqual({
      input: 'a.csv',
      output: 'b.csv',
      hoursPerWeek: 40,
      maxErrors: 20,
      progress: false,
    });
    expect(parseStaffArgs(['-i', '-', '--max-errors=3', '--paid-hours-per-fte', '1700'])).toEqual({
      input: '-',
      hoursPerWeek: 40,
      paidHoursPerFte: 1700,
      maxErrors: 3,
      progress: true,
    });
    for (const args of [
      [],
      ['--help'],
      ['-i', 'a', '-h'],
      ['-ia.csv'],
      ['-i', 'a', '-i', 'b'],
      ['-i', 'a', '--max-errors', '0'],
      ['-i', 'a', '--hours-per-week', 'x'],
      ['-i', 'a', 'extra'],
      ['-i', '--no-progress'],
      ['-i', 'a', '--progress'],
      ['--input='],
    ])
      expect(parseStaffArgs(args), args.join(' ')).toBeUndefined();
  });
});
