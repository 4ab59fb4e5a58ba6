import { parseDateMemo } from './date-parse.js';
import type { ColumnMapping, SourceRecord } from './mapping.js';
import { StringIndex } from './string-index.js';
import { TEXT_LIMITS, textValueProblem } from './text-limits.js';
import { blankTicket, type ImportedTicket, type RowError } from './ticket.js';

/** One post of a reply thread (a tweet, a social comment). */
export interface ThreadPost {
  readonly id: string;
  readonly inReplyTo: string | null;
  readonly inbound: boolean;
  readonly author: string;
  readonly at: Date;
  readonly text: string;
  readonly line: number;
}

/**
 * An integer id written as a float, as pandas and spreadsheets write an integer column with missing
 * values (`119239.0`), back to the integer's text (`119239`). Anything else is kept as it is: `1.5`
 * is not an integer, and `007` keeps its zeros (ids are text, not numbers).
 * @example normaliseNumericId('1.0') // '1'
 * @example normaliseNumericId('007.00') // '007'
 * @example normaliseNumericId('1.5') // '1.5'
 */
export function normaliseNumericId(id: string): string {
  const m = /^([+-]?\d+)\.0+$/.exec(id);
  return m ? m[1]! : id;
}

export function readThreadPost(
  mapping: ColumnMapping,
  record: SourceRecord,
  line: number,
): { ok: true; post: ThreadPost } | { ok: false; error: RowError } {
  const spec = mapping.threads;
  if (!spec) throw new Error('readThreadPost: mapping has no threads section');
  const nulls = mapping.nullMarkers;
  const idText = cell(record, spec.id, nulls);
  const id = idText === null ? null : normaliseNumericId(idText);
  if (id === null) return { ok: false, error: { field: spec.id, reason: 'missing post id' } };
  const atText = cell(record, spec.at, nulls);
  if (atText === null) return { ok: false, error: { field: spec.at, reason: 'missing time' } };
  let at: Date;
  try {
    at = parseDateMemo(atText, mapping.dateFormats.createdAt ?? mapping.dateFormat, mapping.timeZone);
  } catch (err) {
    return { ok: false, error: { field: spec.at, reason: (err as Error).message } };
  }
  const inbound = (cell(record, spec.inbound, nulls) ?? '').toLowerCase();
  const replyTo = cell(record, spec.inReplyTo, nulls);
  const text = cell(record, spec.text, nulls) ?? '';
  const author = cell(record, spec.author, nulls) ?? '';
  // In this order: the first defect found is the one reported.
  const problem =
    textProblem(spec.id, id, TEXT_LIMITS.short) ??
    textProblem(spec.author, author, TEXT_LIMITS.short) ??
    textProblem(spec.text, text, TEXT_LIMITS.body);
  if (problem) return { ok: false, error: problem };
  return {
    ok: true,
    post: {
      id,
      inReplyTo: replyTo === null ? null : normaliseNumericId(replyTo),
      inbound: inbound === 'true' || inbound === '1' || inbound === 'yes',
      author,
      at,
      text,
      line,
    },
  };
}

/** A record's value in `column`, trimmed; null when absent, empty or a null marker. */
function cell(record: SourceRecord, column: string, nullMarkers: readonly string[]): string | null {
  const v = record[column]?.trim();
  return v === undefined || v === '' || nullMarkers.includes(v) ? null : v;
}

function textProblem(field: string, value: string, limit: number): RowError | null {
  const reason = textValueProblem(value, limit);
  return reason ? { field, reason } : null;
}

/**
 * Rebuilds conversations from reply links: each thread is the set of posts reachable from a root
 * (a post replying to nothing, or to a post absent from the file) through `inReplyTo`. A thread
 * whose root is inbound (the customer spoke first) becomes one ticket: created at the root, first
 * response at the earliest outbound post, assignee = that post's author (the brand's account),
 * requester = the root's author. Threads started by the brand (outbound root) are not tickets and
 * are returned in `skipped` with their size. All tickets at once: see replyThreads for one at a time.
 */
export function rebuildThreads(posts: readonly ThreadPost[]): {
  tickets: ImportedTicket[];
  skipped: { rootId: string; posts: number }[];
  /** Posts replying to a post absent from the file (each starts a thread of its own). */
  unresolvedReplies: UnresolvedReply[];
} {
  const threads = replyThreads(posts);
  const tickets: ImportedTicket[] = [];
  for (let k = 0; k < threads.ticketCount; k++) tickets.push(threads.ticketAt(k));
  return { tickets, skipped: threads.skipped, unresolvedReplies: threads.unresolvedReplies };
}

/** A post replying to a post absent from the file. */
export interface UnresolvedReply {
  id: string;
  inReplyTo: string;
  line: number;
}

/** The threads of a file's posts, grouped; each thread's ticket is built when asked for. */
export interface ReplyThreads {
  /** Threads that are tickets (inbound root): `ticketAt(0)` … `ticketAt(ticketCount − 1)`. */
  readonly ticketCount: number;
  /**
   * The k-th ticket in the order rebuildThreads lists them (of their threads' first posts), a new
   * object at every call. An importer asks for each just before it writes it, so the tickets and
   * their messages die young instead of being held, all of them, until their batch is written (as
   * old-generation garbage they cost the collector more than building them did).
   */
  ticketAt(k: number): ImportedTicket;
  readonly skipped: { rootId: string; posts: number }[];
  readonly unresolvedReplies: UnresolvedReply[];
}

/** rebuildThreads' grouping, with the tickets left to build one at a time (ReplyThreads.ticketAt). */
export function replyThreads(posts: readonly ThreadPost[]): ReplyThreads {
  // Posts as indices into `posts`: one table lookup per id and per reply link (StringIndex), then typed arrays
  // (maps keyed by ids and by posts, three to five lookups a post, were most of this function's cost).
  // The last post of an id wins, as `new Map(entries)` would have it.
  const n = posts.length;
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) ids[i] = posts[i]!.id;
  const indexOf = new StringIndex(ids);
  /** Per post: the index of the post it replies to, −1 when none or absent from the file. */
  const parent = new Int32Array(n);
  const unresolvedReplies: UnresolvedReply[] = [];
  for (let i = 0; i < n; i++) {
    const p = posts[i]!;
    const q = p.inReplyTo === null ? -1 : indexOf.get(p.inReplyTo);
    parent[i] = q;
    if (p.inReplyTo !== null && q === -1)
      unresolvedReplies.push({ id: p.id, inReplyTo: p.inReplyTo, line: p.line });
  }
  const root = rootIndices(posts, indexOf, parent);
  // Threads numbered in the order their first post comes, as a map keyed by root id would list
  // them; their posts laid out thread after thread in one array (`members`, from `start[t]` to
  // `start[t + 1]`, in file order), not one array per thread held until the end.
  const threadOfRoot = new Int32Array(n).fill(-1);
  const threadOf = new Int32Array(n);
  const rootOfThread: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = root[i]!;
    let thread = threadOfRoot[r]!;
    if (thread === -1) {
      thread = rootOfThread.length;
      threadOfRoot[r] = thread;
      rootOfThread.push(r);
    }
    threadOf[i] = thread;
  }
  const threads = rootOfThread.length;
  const start = new Int32Array(threads + 1);
  for (let i = 0; i < n; i++) start[threadOf[i]! + 1]!++;
  for (let t = 0; t < threads; t++) start[t + 1]! += start[t]!;
  const members = new Int32Array(n);
  const next = start.slice(0, threads);
  for (let i = 0; i < n; i++) members[next[threadOf[i]!]!++] = i;
  const ticketThreads: number[] = [];
  const skipped: { rootId: string; posts: number }[] = [];
  for (let t = 0; t < threads; t++) {
    const rootPost = posts[rootOfThread[t]!]!;
    if (rootPost.inbound) ticketThreads.push(t);
    else skipped.push({ rootId: rootPost.id, posts: start[t + 1]! - start[t]! });
  }
  return {
    ticketCount: ticketThreads.length,
    ticketAt: (k) => {
      const t = ticketThreads[k];
      if (t === undefined) throw new RangeError(`replyThreads: no ticket ${k} (${ticketThreads.length})`);
      const list: ThreadPost[] = [];
      for (let m = start[t]!; m < start[t + 1]!; m++) list.push(posts[members[m]!]!);
      return threadTicket(posts[rootOfThread[t]!]!, list);
    },
    skipped,
    unresolvedReplies,
  };
}

/**
 * Threads (root post, the thread's posts) in the order they are met, to tickets: an inbound root
 * (the customer spoke first) makes one ticket (threadTicket); an outbound one is skipped with its size.
 */
export function ticketsOfThreads(threads: Iterable<readonly [ThreadPost, ThreadPost[]]>): {
  tickets: ImportedTicket[];
  skipped: { rootId: string; posts: number }[];
} {
  const tickets: ImportedTicket[] = [];
  const skipped: { rootId: string; posts: number }[] = [];
  for (const [root, list] of threads) {
    if (root.inbound) tickets.push(threadTicket(root, list));
    else skipped.push({ rootId: root.id, posts: list.length });
  }
  return { tickets, skipped };
}

/**
 * The ticket of one thread opened by an inbound `root`: created at the root, first response at the
 * earliest outbound post at or after it, assignee and group = that post's author (the brand's
 * account), requester = the root's author; every post a public message, in time order (sorts `list`).
 */
export function threadTicket(root: ThreadPost, list: ThreadPost[]): ImportedTicket {
  list.sort((a, b) => a.at.getTime() - b.at.getTime() || a.line - b.line);
  const firstReply = list.find((p) => !p.inbound && p.at.getTime() >= root.at.getTime());
  const t = blankTicket(root.id);
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
  return t;
}

/**
 * threadRoots over indices: per post, the index (the one `indexOf` holds) of the post whose id
 * walkToRoot gives it. Each post that `indexOf` holds is walked once and its root remembered; a walk
 * that meets a cycle, and a post whose id is taken by a later post, are walked step by step as
 * walkToRoot does (rare, and exact). `parent[i]` is the index of the post i replies to, or −1.
 */
function rootIndices(posts: readonly ThreadPost[], indexOf: StringIndex, parent: Int32Array): Int32Array {
  const n = posts.length;
  const held = indexOf.lastPositions();
  /** walkToRoot on indices: the post ids seen stop the walk at a cycle. */
  const walk = (from: number): number => {
    let current = from;
    const seen = new Set<string>();
    while (parent[current]! !== -1 && !seen.has(posts[current]!.id)) {
      seen.add(posts[current]!.id);
      current = parent[current]!;
    }
    return indexOf.get(posts[current]!.id);
  };
  const root = new Int32Array(n).fill(UNKNOWN);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    if (root[i]! >= 0) continue;
    if (held[i] === 0) {
      root[i] = walk(i);
      continue;
    }
    path.length = 0;
    let current = i;
    let r = -1;
    for (;;) {
      const known = root[current]!;
      if (known === WALKING) break;
      if (known >= 0) {
        r = known;
        break;
      }
      // Parents are always posts that indexOf holds: marking an index marks its id.
      root[current] = WALKING;
      path.push(current);
      const up = parent[current]!;
      if (up === -1) {
        r = current;
        break;
      }
      current = up;
    }
    // r < 0: a cycle; every post on this path gets the walk's own answer.
    for (const q of path) root[q] = r >= 0 ? r : walk(q);
  }
  return root;
}

/** rootIndices' marks: a post not walked yet, and one whose walk is under way (a cycle when met again). */
const UNKNOWN = -2;
const WALKING = -3;

/**
 * The root of a post: follow `inReplyTo` while the post replied to is in the file, stopping at the
 * first post seen twice (a reply cycle; each post of a cycle is then its own root). This is the walk
 * itself, O(thread depth) per post: the definition `threadRoots` must agree with.
 */
export function walkToRoot(byId: ReadonlyMap<string, ThreadPost>, p: ThreadPost): string {
  let current = p;
  const seen = new Set<string>();
  while (current.inReplyTo !== null && byId.has(current.inReplyTo) && !seen.has(current.id)) {
    seen.add(current.id);
    current = byId.get(current.inReplyTo)!;
  }
  return current.id;
}

/**
 * walkToRoot for every post in O(posts) overall: each post of `byId` is walked once and its root
 * remembered, so a reply chain of n posts costs n steps, not n²/2 (a long customer–brand exchange
 * walked from each of its posts). A walk that meets a cycle, and a post whose id is taken by another
 * post of the file (not the one `byId` holds), are resolved by walkToRoot itself: rare, and exact.
 */
export function threadRoots(byId: ReadonlyMap<string, ThreadPost>): (p: ThreadPost) => string {
  // Per post of byId: its root, or ON_PATH while the walk that reached it is under way.
  const roots = new Map<ThreadPost, string | typeof ON_PATH>();
  const path: ThreadPost[] = [];
  return (p) => {
    const memo = roots.get(p);
    if (typeof memo === 'string') return memo;
    if (byId.get(p.id) !== p) return walkToRoot(byId, p);
    path.length = 0;
    let current = p;
    let root: string;
    for (;;) {
      const known = roots.get(current);
      if (known === ON_PATH) {
        // A cycle: every post on this path gets the walk's own answer.
        for (const q of path) roots.set(q, walkToRoot(byId, q));
        return roots.get(p) as string;
      }
      if (known !== undefined) {
        root = known;
        break;
      }
      // Every post on the path is the one byId holds for its id: marking the post marks the id.
      roots.set(current, ON_PATH);
      path.push(current);
      const parent = current.inReplyTo === null ? undefined : byId.get(current.inReplyTo);
      if (parent === undefined) {
        root = current.id;
        break;
      }
      current = parent;
    }
    for (const q of path) roots.set(q, root);
    return root;
  };
}

/** threadRoots' mark for a post whose walk is under way (a cycle when met again). */
const ON_PATH: unique symbol = Symbol('on path');
