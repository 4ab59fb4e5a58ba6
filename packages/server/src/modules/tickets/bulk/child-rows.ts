import type { FinalTicket } from '@shoreline/core';
import { type CopyTextWriter, INSTANT_BYTES, NUMBER_BYTES, TAB } from './copy-text-rows.js';
import { utf8Bound } from './slab-writer.js';

/** Upper bound of a child row's bytes besides its strings: the kind, 16 tabs, `\N`s, an instant, a number. */
const ROW_FIXED_BYTES = 64 + INSTANT_BYTES + NUMBER_BYTES;

const NEWLINE = 10;

/**
 * Writes a ticket's messages and lifecycle events as text COPY rows of `stage_children` (columns:
 * kind, source, external id, message id, seq, author type, author id, public, body, at, event kind,
 * status, raw status, team, support line, assignee), room reserved first so they sit in one slab.
 * Returns where they start in the writer's current slab.
 */
export function writeChildRows(c: CopyTextWriter, source: string, t: FinalTicket): number {
  const ticketBytes = utf8Bound(source) + utf8Bound(t.externalId);
  let bound = (t.messages.length + t.events.length) * (ROW_FIXED_BYTES + ticketBytes);
  for (const m of t.messages)
    bound += utf8Bound(m.externalId) + utf8Bound(m.authorType) + utf8Bound(m.authorId) + utf8Bound(m.body);
  for (const e of t.events)
    bound +=
      utf8Bound(e.kind) +
      utf8Bound(e.status) +
      utf8Bound(e.statusRaw) +
      utf8Bound(e.team) +
      utf8Bound(e.supportLine) +
      utf8Bound(e.assignee);
  c.reserve(bound);
  const from = c.pos;
  for (const m of t.messages) {
    c.ascii('message\t');
    c.field(source);
    c.field(t.externalId);
    c.text(m.externalId);
    c.ascii('\t\\N\t');
    c.field(m.authorType);
    c.field(m.authorId);
    c.boolean(m.public);
    c.byte(TAB);
    c.field(m.body);
    c.instant(m.createdAt);
    c.ascii('\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N');
    c.byte(NEWLINE);
  }
  for (const e of t.events) {
    c.ascii('event\t');
    c.field(source);
    c.text(t.externalId);
    c.ascii('\t\\N\t');
    c.number(e.seq);
    c.ascii('\t\\N\t\\N\t\\N\t\\N\t');
    c.instant(e.at);
    c.byte(TAB);
    c.field(e.kind);
    c.field(e.status);
    c.field(e.statusRaw);
    c.field(e.team);
    c.field(e.supportLine);
    c.text(e.assignee);
    c.byte(NEWLINE);
  }
  return from;
}
