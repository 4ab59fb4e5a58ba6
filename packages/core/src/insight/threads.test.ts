import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildThreads, type ThreadPost, threadRoots, walkToRoot } from './threads.js';

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
