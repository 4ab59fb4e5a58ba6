import type { ImportedTicket, RowError } from './ticket.js';

/**
 * Longest text, in UTF-16 code units, each imported field may hold. Beyond these a value is not a
 * ticket's text but a broken export (a 20 MB "subject" was seen): the row is rejected and reported.
 */
export const TEXT_LIMITS = {
  /** Ids, names, statuses, tags, custom values: anything meant to be read at a glance. */
  short: 1_000,
  subject: 10_000,
  /** Descriptions and message bodies. */
  body: 1_000_000,
  /** Tags on one ticket. */
  tags: 1_000,
} as const;

const SHORT_FIELDS = [
  'externalId',
  'source',
  'providerName',
  'teamName',
  'number',
  'statusRaw',
  'priorityRaw',
  'language',
  'topic',
  'requester',
  'assignee',
  'group',
  'supportLine',
] as const;

/**
 * Why a text value cannot be stored, or null. PostgreSQL's text cannot hold NUL (U+0000), and a
 * lone UTF-16 surrogate (possible in JSON's `\ud800` escapes) is not Unicode text: it would be
 * replaced silently on the way to UTF-8.
 */
export function textValueProblem(value: string, limit: number): string | null {
  if (value.length > limit) return `longer than ${limit} characters (${value.length})`;
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed())
    return 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  return null;
}

/**
 * The first text defect of a mapped ticket, naming its field, or null. Rejecting the one row
 * keeps the rest of the import (a NUL used to fail the whole run at the database).
 * @example ticketTextProblem({ ...blankTicket('1'), subject: 'a\u0000b' }) // { field: 'subject', … }
 */
export function ticketTextProblem(t: ImportedTicket): RowError | null {
  const check = (field: string, value: string | null | undefined, limit: number): RowError | null => {
    if (value === null || value === undefined) return null;
    const reason = textValueProblem(value, limit);
    return reason ? { field, reason } : null;
  };
  const record = t as unknown as Record<string, string | null | undefined>;
  for (const f of SHORT_FIELDS) {
    const problem = check(f, record[f], TEXT_LIMITS.short);
    if (problem) return problem;
  }
  const problem =
    check('subject', t.subject, TEXT_LIMITS.subject) ?? check('description', t.description, TEXT_LIMITS.body);
  if (problem) return problem;
  if (t.tags.length > TEXT_LIMITS.tags)
    return { field: 'tags', reason: `more than ${TEXT_LIMITS.tags} tags (${t.tags.length})` };
  for (const tag of t.tags) {
    const p = check('tags', tag, TEXT_LIMITS.short);
    if (p) return p;
  }
  for (const [k, v] of Object.entries(t.custom)) {
    const p = check(`custom.${k}`, k, TEXT_LIMITS.short) ?? check(`custom.${k}`, v, TEXT_LIMITS.short);
    if (p) return p;
  }
  for (let i = 0; i < t.messages.length; i++) {
    const m = t.messages[i]!;
    const p =
      check(`messages.${i}.externalId`, m.externalId, TEXT_LIMITS.short) ??
      check(`messages.${i}.authorId`, m.authorId, TEXT_LIMITS.short) ??
      check(`messages.${i}.body`, m.body, TEXT_LIMITS.body);
    if (p) return p;
  }
  for (let i = 0; i < t.events.length; i++) {
    const e = t.events[i]!;
    for (const [f, v] of [
      ['statusRaw', e.statusRaw],
      ['team', e.team],
      ['supportLine', e.supportLine],
      ['assignee', e.assignee],
    ] as const) {
      const p = check(`events.${i}.${f}`, v, TEXT_LIMITS.short);
      if (p) return p;
    }
  }
  return null;
}
