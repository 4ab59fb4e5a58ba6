import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBinaryCopy } from './binary-copy-reader.js';
import { type Database, openDatabase } from './connect.js';
import { copyOutBinary } from './copy-out.js';

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let pos = 0;
  for (let i = 0; pos < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length] ?? 1);
    yield bytes.subarray(pos, pos + n);
    pos += n;
  }
}

/** Rows as [text, int or null] pairs, decoded from the binary fields. */
async function rows(chunks: AsyncIterable<Uint8Array>): Promise<[string | null, number | null][]> {
  const out: [string | null, number | null][] = [];
  await readBinaryCopy(chunks, 2, (buf, view, start, length) => {
    out.push([
      length[0]! < 0 ? null : buf.toString('utf8', start[0]!, start[0]! + length[0]!),
      length[1]! < 0 ? null : view.getInt32(start[1]!),
    ]);
  });
  return out;
}

describe('binary COPY reader', () => {
  let database: Database;
  let whole: Uint8Array;
  const select = `select t, n from (values ('şehir', 1), (null, -7), ('', null), ('שלום', 2147483647), ('ā'::text, 0)) v(t, n)`;
  const expected = [
    ['şehir', 1],
    [null, -7],
    ['', null],
    ['שלום', 2147483647],
    ['ā', 0],
  ];

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    const parts: Uint8Array[] = [];
    for await (const c of copyOutBinary(database, select)) parts.push(c);
    whole = Buffer.concat(parts);
  });
  afterAll(() => database.close());

  it('reads rows of a real COPY, NULLs and multi-byte text included', async () => {
    expect(await rows(copyOutBinary(database, select))).toEqual(expected);
  });

  it('gives the same rows however the stream is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        async (sizes) => {
          expect(await rows(chunked(whole, sizes))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a stream cut short (no trailer) is an error, not fewer rows', async () => {
    await expect(rows(chunked(whole.subarray(0, whole.length - 9), [64]))).rejects.toThrow(
      /without its trailer/,
    );
    await expect(rows(chunked(Buffer.from('not a copy stream at all'), [64]))).rejects.toThrow(/signature/);
  });
});
