import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finaliseTicket } from './finalise.js';
import { blankTicket, type ImportedTicket } from './ticket.js';

/** Fields finaliseTicket derives (the others are the imported ticket's own). */
const DERIVED = new Set([
  'firstResponseSeconds',
  'resolutionSeconds',
  'topic',
  'firstResponseBusinessSeconds',
  'resolutionBusinessSeconds',
]);

const date = fc.option(
  fc.integer({ min: 0, max: 1e12 }).map((ms) => new Date(ms)),
  { nil: null },
);
const text = fc.option(fc.string({ maxLength: 12 }), { nil: null });

const ticket = fc
  .record({
    externalId: fc.string({ minLength: 1, maxLength: 8 }),
    subject: text,
    description: text,
    topic: text,
    statusRaw: text,
    group: text,
    createdAt: date,
    firstResponseAt: date,
    solvedAt: date,
    closedAt: date,
    reopenCount: fc.nat(5),
    firstResponseSeconds: fc.option(fc.integer({ min: -100, max: 1e6 }), { nil: null }),
    tags: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  })
  .map(({ externalId, ...fields }): ImportedTicket => Object.assign(blankTicket(externalId), fields));

describe('finaliseTicket: the copy it makes', () => {
  it('keeps every imported field, in the same order, as a copy of the whole ticket did', () => {
    fc.assert(
      fc.property(ticket, (t) => {
        const final = finaliseTicket(t, null);
        // Object.assign({}, t) then the two new fields: t's keys in order, then these.
        expect(Object.keys(final)).toEqual([...Object.keys(t), 'csatNormalised', 'qualityFlags']);
        for (const [key, value] of Object.entries(t))
          if (!DERIVED.has(key)) expect(final[key as keyof typeof final], key).toBe(value);
        expect(final).not.toBe(t);
      }),
      { numRuns: 500 },
    );
  });
});
