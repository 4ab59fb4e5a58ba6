import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateMemo } from './date-parse.js';
import type { ColumnMapping } from './mapping.js';
import { TEXT_LIMITS, textValueProblem } from './text-limits.js';
import {
  normaliseNumericId,
  readThreadPost,
  rebuildThreads,
  type ThreadPost,
  threadRoots,
  walkToRoot,
} from './threads.js';
import { blankTicket, type ImportedTicket } from './ticket.js';

/** Posts with ids from a small pool, so replies hit, miss, repeat ids and form cycles. */
const posts = fc
  .array(
    fc.record({
      id: fc.integer({ min: 0, max: 30 }),
      inReplyTo: fc.option(fc.integer({ min: 0, max: 35 }), { nil: null }),
      inbound: fc.boolean(),
      at: fc.integer({ min: 0, max: 50 }),
    }),
    { maxLength: 60 },
  )
  .map((list) =>
    list.map(
      (p, line): ThreadPost => ({
        id: String(p.id),
        inReplyTo: p.inReplyTo === null ? null : String(p.inReplyTo),
        inbound: p.inbound,
        author: p.inbound ? `customer${p.id}` : 'Brand',
        at: new Date(p.at * 60_000),
        text: `post ${p.id}`,
        line: line + 2,
      }),
    ),
  );

describe('threadRoots: the reply walk, memoised', () => {
  it('gives every post the root the walk gives it, whatever the order, cycles and repeated ids', () => {
    fc.assert(
      fc.property(posts, (list) => {
        const byId = new Map(list.map((p) => [p.id, p]));
        const rootOf = threadRoots(byId);
        for (const p of list) expect(rootOf(p), `post ${p.id} (line ${p.line})`).toBe(walkToRoot(byId, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('makes one ticket of a 20,000-post reply chain, every post a message', () => {
    const n = 20_000;
    const chain: ThreadPost[] = Array.from({ length: n }, (_, i) => ({
      id: String(i),
      inReplyTo: i === 0 ? null : String(i - 1),
      inbound: i % 2 === 0,
      author: i % 2 === 0 ? 'customer' : 'Brand',
      at: new Date(i * 1000),
      text: 'x',
      line: i + 2,
    }));
    const { tickets } = rebuildThreads(chain);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.messages).toHaveLength(n);
  });
});

/** rebuildThreads as it was before posts became indices (maps keyed by ids and by posts). */
function rebuildThreadsByMaps(posts: readonly ThreadPost[]): {
  tickets: ImportedTicket[];
  skipped: { rootId: string; posts: number }[];
  /** Posts replying to a post absent from the file (each starts a thread of its own). */
  unresolvedReplies: { id: string; inReplyTo: string; line: number }[];
} {
  // The last post of an id wins, as `new Map(entries)` would have it.
  const byId = new Map<string, ThreadPost>();
  for (const p of posts) byId.set(p.id, p);
  const rootOf = threadRoots(byId);
  const unresolvedReplies: { id: string; inReplyTo: string; line: number }[] = [];
  for (const p of posts)
    if (p.inReplyTo !== null && !byId.has(p.inReplyTo))
      unresolvedReplies.push({ id: p.id, inReplyTo: p.inReplyTo, line: p.line });
  const threads = new Map<string, ThreadPost[]>();
  for (const p of posts) {
    const root = rootOf(p);
    const list = threads.get(root) ?? [];
    list.push(p);
    threads.set(root, list);
  }
  const tickets: ImportedTicket[] = [];
  const skipped: { rootId: string; posts: number }[] = [];
  for (const [rootId, list] of threads) {
    const root = byId.get(rootId)!;
    if (!root.inbound) {
      skipped.push({ rootId, posts: list.length });
      continue;
    }
    list.sort((a, b) => a.at.getTime() - b.at.getTime() || a.line - b.line);
    const firstReply = list.find((p) => !p.inbound && p.at.getTime() >= root.at.getTime());
    const t = blankTicket(rootId);
    t.channel = 'social';
    t.subject = root.text.slice(0, 200);
    t.description = root.text;
    t.createdAt = root.at;
    t.requester = root.author;
    t.firstResponseAt = firstReply?.at ?? null;
    t.assignee = firstReply?.author ?? null;
    t.group = firstReply?.author ?? null;
    t.status = firstReply ? 'open' : 'new';
    t.statusRaw = firstReply ? 'replied' : 'unanswered';
    t.messages = list.map((p) => ({
      externalId: p.id,
      authorType: p.inbound ? 'customer' : 'agent',
      authorId: p.author,
      public: true,
      body: p.text,
      createdAt: p.at,
    }));
    tickets.push(t);
  }
  return { tickets, skipped, unresolvedReplies };
}

describe('rebuildThreads: threads from reply links', () => {
  it('gives the tickets, skipped threads and unresolved replies of the map-based version', () => {
    fc.assert(
      fc.property(posts, (list) => {
        expect(rebuildThreads(list)).toEqual(rebuildThreadsByMaps(list));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readThreadPost: one post from a record', () => {
  const mapping: ColumnMapping = {
    kind: 'threads',
    source: 'twitter',
    timeZone: 'UTC',
    dateFormat: 'EEE MMM DD HH:mm:ss Z YYYY',
    dateFormats: {},
    nullMarkers: ['', 'NULL'],
    columns: {},
    statusMap: {},
    priorityMap: {},
    channelMap: {},
    csatScale: '1-5',
    durationUnit: 'seconds',
    tagSeparator: ',',
    threads: {
      id: 'tweet_id',
      inReplyTo: 'in_response_to_tweet_id',
      inbound: 'inbound',
      author: 'author_id',
      at: 'created_at',
      text: 'text',
    },
  };
  /** readThreadPost as first written (a closure per cell, the limits checked from a table). */
  function reference(record: Record<string, string | undefined>, line: number) {
    const spec = mapping.threads!;
    const get = (c: string) => {
      const v = record[c]?.trim();
      return v === undefined || v === '' || mapping.nullMarkers.includes(v) ? null : v;
    };
    const idText = get(spec.id);
    const id = idText === null ? null : normaliseNumericId(idText);
    if (id === null) return { ok: false, error: { field: spec.id, reason: 'missing post id' } };
    const atText = get(spec.at);
    if (atText === null) return { ok: false, error: { field: spec.at, reason: 'missing time' } };
    let at: Date;
    try {
      at = parseDateMemo(atText, mapping.dateFormats.createdAt ?? mapping.dateFormat, mapping.timeZone);
    } catch (err) {
      return { ok: false, error: { field: spec.at, reason: (err as Error).message } };
    }
    const inbound = (get(spec.inbound) ?? '').toLowerCase();
    const replyTo = get(spec.inReplyTo);
    const text = get(spec.text) ?? '';
    const author = get(spec.author) ?? '';
    for (const [column, value, limit] of [
      [spec.id, id, TEXT_LIMITS.short],
      [spec.author, author, TEXT_LIMITS.short],
      [spec.text, text, TEXT_LIMITS.body],
    ] as const) {
      const reason = textValueProblem(value, limit);
      if (reason) return { ok: false, error: { field: column, reason } };
    }
    const post = {
      id,
      inReplyTo: replyTo === null ? null : normaliseNumericId(replyTo),
      inbound: inbound === 'true' || inbound === '1' || inbound === 'yes',
      author,
      at,
      text,
      line,
    };
    return { ok: true, post };
  }

  const cellValue = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '?',
      'NULL',
      '12',
      '12.0',
      ' 7.00 ',
      '1.5',
      'True',
      'yes',
      '0',
      'a\u0000b',
      '\ud800',
    ),
    fc.constantFrom('Tue Oct 31 22:10:47 +0000 2017', 'Tue Oct 31 22:10:47 +0000 2017 ', 'not a date'),
    fc.string({ maxLength: 6 }),
    fc.constant('x'.repeat(1_001)),
  );
  const record = fc.record(
    {
      tweet_id: cellValue,
      in_response_to_tweet_id: cellValue,
      inbound: cellValue,
      author_id: cellValue,
      created_at: cellValue,
      text: cellValue,
    },
    { requiredKeys: [] },
  );

  it('reads every record as the first version did: the same post, or the same first defect', () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 2, max: 1_000 }), (r, line) => {
        expect(readThreadPost(mapping, r, line)).toEqual(reference(r, line));
      }),
      { numRuns: 3000 },
    );
  });
});
