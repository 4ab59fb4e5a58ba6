import {
  blankTicket,
  type FinalTicket,
  finaliseTicket,
  type ImportedMessage,
  type TicketEvent,
} from '@shoreline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeChildRows } from '../../src/modules/tickets/bulk/child-rows.js';
import { CopyTextWriter } from '../../src/modules/tickets/bulk/copy-text-rows.js';
import {
  copyBoolean,
  copyInstant,
  copyNumber,
  copyText,
} from '../../src/modules/tickets/bulk/copy-transaction.js';

/** The child rows as they were built before they were written as bytes: one string per ticket. */
function childRowsAsString(source: string, t: FinalTicket): string {
  let out = '';
  const ticket = `${copyText(source)}\t${copyText(t.externalId)}\t`;
  for (const m of t.messages)
    out +=
      `message\t${ticket}${copyText(m.externalId)}\t\\N\t${copyText(m.authorType)}\t${copyText(m.authorId)}\t` +
      `${copyBoolean(m.public)}\t${copyText(m.body)}\t${copyInstant(m.createdAt)}\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n`;
  for (const e of t.events)
    out +=
      `event\t${ticket}\\N\t${copyNumber(e.seq)}\t\\N\t\\N\t\\N\t\\N\t${copyInstant(e.at)}\t${copyText(e.kind)}\t` +
      `${copyText(e.status)}\t${copyText(e.statusRaw)}\t${copyText(e.team)}\t${copyText(e.supportLine)}\t` +
      `${copyText(e.assignee)}\n`;
  return out;
}

/** Text with what COPY escapes, non-ASCII (emoji, Hebrew, lone surrogates) and lengths around the writer's short-string loop. */
const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom('a', '\\', '\t', '\n', '\r', 'ş', '🚀', 'ש', '\ud800', 'N'),
    maxLength: 90,
  }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', '\\N', 'x'.repeat(64), 'x'.repeat(65), `${'y'.repeat(63)}\t`, `${'z'.repeat(64)}é`),
);
/** Instants over Date's whole range (years before 0 and after 9999 included), common ones more often. */
const instant = fc
  .oneof(
    fc.integer({ min: -8.64e15, max: 8.64e15 }),
    fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 0, 1) }),
    fc.constantFrom(
      -62_167_219_200_000,
      -62_167_219_200_001,
      253_402_300_799_999,
      253_402_300_800_000,
      -1,
      0,
      946_684_800_000,
    ),
  )
  .map((ms) => new Date(ms));
const message: fc.Arbitrary<ImportedMessage> = fc.record({
  externalId: text,
  authorType: fc.constantFrom('customer', 'agent', 'system'),
  authorId: fc.option(text, { nil: null }),
  public: fc.boolean(),
  body: text,
  createdAt: instant,
});
const event: fc.Arbitrary<TicketEvent> = fc.record({
  seq: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, -0, 1e21, Number.MAX_VALUE)),
  at: instant,
  kind: fc.constantFrom('created', 'status', 'assigned', 'team'),
  status: fc.option(fc.constantFrom('new', 'open', 'solved'), { nil: null }),
  statusRaw: fc.option(text, { nil: null }),
  team: fc.option(text, { nil: null }),
  supportLine: fc.option(text, { nil: null }),
  assignee: fc.option(text, { nil: null }),
}) as fc.Arbitrary<TicketEvent>;
const ticket = fc
  .record({
    externalId: text,
    messages: fc.array(message, { maxLength: 6 }),
    events: fc.array(event, { maxLength: 6 }),
  })
  .map(({ externalId, messages, events }) => {
    const t = blankTicket(externalId);
    t.messages = messages;
    t.events = events;
    return finaliseTicket(t, null);
  });

describe('child rows written as bytes', () => {
  it('are the UTF-8 bytes of the rows built as strings, ticket after ticket in one writer', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, ticket), { minLength: 1, maxLength: 8 }), (tickets) => {
        const w = new CopyTextWriter();
        for (const [source, t] of tickets) {
          const from = writeChildRows(w, source, t);
          // A ticket without messages or events reserves nothing (the builder does not call it then).
          const written = w.slab < 0 ? Buffer.alloc(0) : w.slabs[w.slab]!.subarray(from, w.pos);
          expect(written.toString('hex')).toBe(Buffer.from(childRowsAsString(source, t)).toString('hex'));
        }
      }),
      { numRuns: 1_500 },
    );
  });

  it('throws the RangeError of Date#toISOString for an invalid date', () => {
    const t = blankTicket('T1');
    t.messages = [
      {
        externalId: 'm',
        authorType: 'agent',
        authorId: null,
        public: true,
        body: 'b',
        createdAt: new Date(Number.NaN),
      },
    ];
    expect(() => childRowsAsString('s', finaliseTicket(t, null))).toThrow(RangeError);
    expect(() => writeChildRows(new CopyTextWriter(), 's', finaliseTicket(t, null))).toThrow(RangeError);
  });
});
