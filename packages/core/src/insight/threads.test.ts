import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateMemo } from './date-parse.js';
import { testMapping } from './mapping.test-helper.js';
import { TEXT_LIMITS, textValueProblem } from './text-limits.js';
import {
  readThreadPost,
  rebuildThreads,
  type ThreadPost,
  threadRoots,
  ticketsOfThreads,
  walkToRoot,
} from './threads.js';

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

/**
 * rebuildThreads' grouping as it was before posts became indices (maps keyed by ids and by posts);
 * the tickets of the groups come from the same ticketsOfThreads.
 */
function rebuildThreadsByMaps(posts: readonly ThreadPost[]): ReturnType<typeof rebuildThreads> {
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
  const roots = [...threads].map(([rootId, list]) => [byId.get(rootId)!, list] as const);
  return { ...ticketsOfThreads(roots), unresolvedReplies };
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
  const mapping = testMapping({
    kind: 'threads',
    source: 'twitter',
    dateFormat: 'EEE MMM DD HH:mm:ss Z YYYY',
    nullMarkers: ['', 'NULL'],
    threads: {
      id: 'tweet_id',
      inReplyTo: 'in_response_to_tweet_id',
      inbound: 'inbound',
      author: 'author_id',
      at: 'created_at',
      text: 'text',
    },
  });
  /**
   * readThreadPost's rules as a list of defects, the first one found reported (an oracle written
   * apart from it): a missing id, then a missing or unreadable time, then the id, author and text
   * over their length limits. The integer-as-float rule (`12.0` → `12`) is restated as a regex.
   */
  function oracle(record: Record<string, string | undefined>, line: number) {
    const spec = mapping.threads!;
    const value = (column: string) => {
      const v = record[column]?.trim() ?? '';
      return v === '' || mapping.nullMarkers.includes(v) ? null : v;
    };
    const asId = (v: string | null) => v?.replace(/^([+-]?\d+)\.0+$/, '$1') ?? null;
    const readTime = (v: string) => parseDateMemo(v, mapping.dateFormat, mapping.timeZone);
    const timeProblem = (v: string | null) => {
      if (v === null) return 'missing time';
      try {
        readTime(v);
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    };
    const id = asId(value(spec.id));
    const author = value(spec.author) ?? '';
    const text = value(spec.text) ?? '';
    const defects: [string, string | null][] = [
      [spec.id, id === null ? 'missing post id' : null],
      [spec.at, timeProblem(value(spec.at))],
      [spec.id, textValueProblem(id ?? '', TEXT_LIMITS.short)],
      [spec.author, textValueProblem(author, TEXT_LIMITS.short)],
      [spec.text, textValueProblem(text, TEXT_LIMITS.body)],
    ];
    const first = defects.find(([, reason]) => reason !== null);
    if (first) return { ok: false, error: { field: first[0], reason: first[1] } };
    const post: ThreadPost = {
      id: id!,
      inReplyTo: asId(value(spec.inReplyTo)),
      inbound: ['true', '1', 'yes'].includes(value(spec.inbound)?.toLowerCase() ?? ''),
      author,
      at: readTime(value(spec.at)!),
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

  it('reads every record as the oracle does: the same post, or the same first defect', () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 2, max: 1_000 }), (r, line) => {
        expect(readThreadPost(mapping, r, line)).toEqual(oracle(r, line));
      }),
      { numRuns: 3000 },
    );
  });
});
