import { CANONICAL_COLUMNS } from '@shoreline/core';
import type { FILE_LAYOUTS, IMPORT_FORMATS } from '../vocabulary.js';
import { contentChunks } from './compressed-source.js';

export type FileLayout = (typeof FILE_LAYOUTS)[number];

/** What a file looks like: its layout, and the import format whose records it resembles (if any). */
export interface Detected {
  layout: FileLayout;
  /** `csv` = a CSV of unknown columns (import it with a mapping); null = JSON of no known export. */
  format: (typeof IMPORT_FORMATS)[number] | null;
}

/**
 * Keys only one help desk's ticket export carries (their API references: Zendesk Tickets, Freshdesk
 * Tickets, Zammad Ticket, Chatwoot Conversations). Two of them on the first record name the export.
 */
const EXPORT_KEYS: readonly [Exclude<Detected['format'], 'canonical' | 'csv' | null>, readonly string[]][] = [
  ['zendesk', ['via', 'satisfaction_rating', 'raw_subject', 'submitter_id', 'brand_id', 'ticket_form_id']],
  ['freshdesk', ['fr_due_by', 'responder_id', 'fr_escalated', 'is_escalated', 'requester_id', 'due_by']],
  ['zammad', ['state_id', 'priority_id', 'owner_id', 'article_count', 'close_at', 'first_response_in_min']],
  [
    'chatwoot',
    ['inbox_id', 'account_id', 'display_id', 'agent_last_seen_at', 'contact_last_seen_at', 'meta'],
  ],
];

const SNIFF_BYTES = 64 * 1024;

/** Reads the start of a file (unpacked when gzip or zip) and says what it looks like; null if unsure. */
export async function sniffFile(path: string): Promise<Detected | null> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of contentChunks(path, SNIFF_BYTES)) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= SNIFF_BYTES) break;
    }
  } catch {
    return null;
  }
  return sniffText(Buffer.concat(parts).subarray(0, SNIFF_BYTES).toString('utf8'));
}

/**
 * The layout of a file's first bytes: `{`/`[` open JSON, and a first line that is a whole JSON
 * object followed by another `{` line is NDJSON; otherwise the first line is a header, tab- or
 * comma-separated. Then the format: the canonical columns, or two keys of one help desk's export.
 */
export function sniffText(head: string): Detected | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text === '') return null;
  const lines = text.split(/\r?\n/);
  const first = lines[0] ?? '';
  if (text.startsWith('{') || text.startsWith('[')) {
    const firstObject = parseObject(first);
    const second = lines.slice(1).find((l) => l.trim() !== '');
    // One object alone on its line is NDJSON unless it wraps the records ({"tickets": [...]}).
    const wrapper = firstObject && Object.values(firstObject).some((v) => Array.isArray(v) && isObjects(v));
    if (firstObject && (second === undefined ? !wrapper : second.trimStart().startsWith('{')))
      return { layout: 'ndjson', format: formatOfKeys(Object.keys(firstObject)) };
    return { layout: 'json', format: formatOfKeys(keysOfFirstRecord(text)) };
  }
  const layout: FileLayout = first.split('\t').length > first.split(',').length ? 'tsv' : 'csv';
  const header = first.split(layout === 'tsv' ? '\t' : ',').map((h) => h.trim().replace(/^"|"$/g, ''));
  if (header.length < 2) return null;
  const canonical = CANONICAL_COLUMNS.filter((c) => header.includes(c)).length;
  if (canonical >= Math.min(5, CANONICAL_COLUMNS.length)) return { layout, format: 'canonical' };
  return { layout, format: formatOfKeys(header) ?? 'csv' };
}

const isObjects = (list: unknown[]) =>
  list.length > 0 && list.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The keys of the first record of a (possibly truncated) JSON document: `"key":` before the first `}`. */
function keysOfFirstRecord(text: string): string[] {
  return [...text.slice(0, 16 * 1024).matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"\s*:/g)].map((m) => m[1]!);
}

function formatOfKeys(keys: readonly string[]): Detected['format'] {
  const present = new Set(keys);
  if (CANONICAL_COLUMNS.filter((c) => present.has(c)).length >= 5) return 'canonical';
  let best: Detected['format'] = null;
  let bestHits = 1;
  for (const [format, marks] of EXPORT_KEYS) {
    const hits = marks.filter((k) => present.has(k)).length;
    if (hits > bestHits) {
      best = format;
      bestHits = hits;
    }
  }
  return best;
}
