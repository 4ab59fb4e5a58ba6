import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../src/test-support/databases.js';
import { decodesLikePython } from './decoded-text.js';
import { hasCommand, type MailTestApp, startMailTestApp } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = resolve(here, '../../../../../shared/data/email-spamassassin');
const hasCorpus = existsSync(join(CORPUS, 'manifest.csv'));
const hasPython = hasCommand('python3', ['--version']);

interface Expected {
  file: string;
  text: string | null;
  html: string | null;
  flowed: boolean;
}

/** Messages whose text Python decodes differently for a reason that is not ours to copy. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'spam-2__00853.ee1fe2f2d16e8b27be79a670b8597252.eml':
    'a base64 part with a plain-text list footer appended: Python stops at the padding, mailparser decodes the footer as base64 too',
};

const files = hasCorpus
  ? readFileSync(join(CORPUS, 'manifest.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0] as string)
  : [];

/** Python's decoding of every file, once (fixtures/python_decode.py, standard library only). */
function pythonDecoded(): Map<string, Expected> {
  const out = execFileSync('python3', [join(here, 'fixtures/python_decode.py')], {
    input: files.map((f) => join(CORPUS, f)).join('\n'),
    maxBuffer: 1 << 28,
  }).toString('utf8');
  return new Map(
    out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Expected)
      .map((e) => [e.file.split('/').pop() as string, e]),
  );
}

// SMTP carries lines with CRLF (a bare CR becomes a line break): files are matched without whitespace.
const asLf = (raw: Buffer) => raw.toString('latin1').replace(/\s+/g, '');

const title = !hasCorpus
  ? 'SMTP intake of the SpamAssassin corpus (../shared not found: skipping)'
  : `SMTP intake of the SpamAssassin corpus${hasPython ? '' : ' (python3 not found: decoding not compared)'}`;

describe.skipIf(!hasCorpus).each(databaseTargets())(`${title}: %s`, (target) => {
  let m: MailTestApp;
  let expected = new Map<string, Expected>();

  beforeAll(async () => {
    m = await startMailTestApp({ target });
    if (hasPython) expected = pythonDecoded();
    for (const file of files) {
      const answer = await m.send(readFileSync(join(CORPUS, file)));
      expect(answer).toMatch(/^250/);
    }
    await m.settle();
  }, 600_000);
  afterAll(() => m?.close());

  it('stores every message once and turns each into a ticket or a reply (none lost, none failed)', async () => {
    const rows = await m.t.shoreline.ctx.db
      .selectFrom('mail_inbound')
      .select(['message_id', 'status', 'kind', 'ticket_id', 'parse_error'])
      .execute();
    expect(rows).toHaveLength(files.length);
    const problems = rows.filter(
      (r) => r.status !== 'parsed' || !(r.kind === 'new' || r.kind === 'reply' || r.kind === 'spam'),
    );
    expect(problems).toEqual([]);
    for (const r of rows) if (r.kind !== 'spam') expect(r.ticket_id).not.toBeNull();
    const tickets = await m.t.shoreline.ctx.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(Number(tickets.n)).toBe(rows.filter((r) => r.kind === 'new').length);
  });

  it.skipIf(!hasPython)('decodes every text body as Python’s email package does', async () => {
    const rows = await m.t.shoreline.ctx.db.selectFrom('mail_inbound').select(['raw', 'text_body']).execute();
    // Each file is found by its bytes as stored.
    const byRaw = new Map(rows.map((r) => [asLf(Buffer.from(r.raw)), r.text_body ?? '']));
    const mismatches: string[] = [];
    let compared = 0;
    for (const file of files) {
      const e = expected.get(file);
      const actual = byRaw.get(asLf(readFileSync(join(CORPUS, file))));
      if (!e || actual === undefined) {
        mismatches.push(`${file}: not stored`);
        continue;
      }
      if (e.text === null) {
        // HTML-only: the text comes from html-to-text; it must not be empty when the HTML has words.
        const words = (e.html ?? '')
          .replace(/<(script|style|title|head)[^>]*>[\s\S]*?<\/\1>/gi, '')
          .replace(/<[^>]*>/g, '');
        if (/\p{L}{3}/u.test(words) && actual.trim() === '') mismatches.push(`${file}: HTML-only, no text`);
        continue;
      }
      compared++;
      if (!decodesLikePython(actual, e.text, e.flowed) && !KNOWN_DIFFERENCES[file]) mismatches.push(file);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(150);
  });
});
