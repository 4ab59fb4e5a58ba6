import { channelNamed } from '../../domain/vocabulary.js';
import { isCsatScale, normaliseCsat } from '../csat.js';
import {
  blankTicket,
  CHANNELS,
  type MapResult,
  mapRow,
  RowRejected,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from '../ticket.js';
import { arr, instant, isObject, type JsonObject, num, requiredId, str } from './json-fields.js';

function oneOf<T extends string>(o: JsonObject, key: string, allowed: readonly T[]): T | null {
  const v = str(o, key);
  if (v === null) return null;
  if (!(allowed as readonly string[]).includes(v))
    throw new RowRejected(key, `"${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

function bool(o: JsonObject, key: string): boolean | null {
  const v = o[key];
  if (v === null || v === undefined || v === '') return null;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new RowRejected(key, `"${String(v)}" is not true or false`);
}

// The canonical fields read as they are named, in the order they are checked (the first bad one is reported).
const TEXT_FIELDS = ['requester', 'assignee', 'group', 'supportLine'] as const;
const INSTANT_FIELDS = ['createdAt', 'firstResponseAt', 'solvedAt', 'closedAt', 'reopenedAt'] as const;
const SECONDS_FIELDS = [
  'firstResponseSeconds',
  'resolutionSeconds',
  'firstResponseBusinessSeconds',
  'resolutionBusinessSeconds',
] as const;
const CALL_FIELDS = ['callWaitSeconds', 'callHandleSeconds'] as const;

/** Maps one canonical record (an NDJSON object, or a CSV row read into an object of strings). */
export function mapCanonicalRecord(o: JsonObject): MapResult {
  return mapRow(() => {
    const t = blankTicket(requiredId(o, 'externalId'));
    t.source = str(o, 'source');
    t.providerName = str(o, 'provider');
    t.teamName = str(o, 'team');
    for (const key of ['number', 'subject', 'description'] as const) t[key] = str(o, key);
    t.status = oneOf(o, 'status', TICKET_STATUSES);
    t.statusRaw = str(o, 'statusRaw') ?? t.status;
    t.priority = oneOf(o, 'priority', TICKET_PRIORITIES);
    // Exports written before `web` became `web_form` stay importable (CHANNEL_ALIASES).
    const channel = str(o, 'channel');
    t.channel = channel === null ? null : (channelNamed(channel) ?? oneOf(o, 'channel', CHANNELS));
    for (const key of ['language', 'topic'] as const) t[key] = str(o, key);
    t.tags = Array.isArray(o.tags) ? o.tags.map(String) : (str(o, 'tags') ?? '').split('|').filter(Boolean);
    for (const key of TEXT_FIELDS) t[key] = str(o, key);
    for (const key of INSTANT_FIELDS) t[key] = instant(o, key);
    t.reopenCount = num(o, 'reopenCount') ?? 0;
    t.handoffCount = num(o, 'handoffCount') ?? 0;
    for (const key of SECONDS_FIELDS) t[key] = num(o, key);
    t.slaBreached = bool(o, 'slaBreached');
    const score = num(o, 'csatScore');
    const scale = str(o, 'csatScale');
    if (score !== null) {
      if (scale === null || !isCsatScale(scale))
        throw new RowRejected('csatScale', `"${scale}" is not a CSAT scale`);
      t.csat = { score, scale };
      try {
        normaliseCsat(t.csat);
      } catch (err) {
        throw new RowRejected('csatScore', (err as Error).message);
      }
    }
    for (const key of CALL_FIELDS) t[key] = num(o, key);
    t.abandoned = bool(o, 'abandoned');
    const custom = typeof o.custom === 'string' && o.custom !== '' ? parseCustom(o.custom) : o.custom;
    if (isObject(custom)) for (const [k, v] of Object.entries(custom)) t.custom[k] = String(v);
    for (const m of arr(o, 'messages')) {
      if (!isObject(m)) throw new RowRejected('messages', 'each message must be an object');
      const at = instant(m, 'createdAt');
      if (!at) throw new RowRejected('messages.createdAt', 'missing');
      const authorType =
        oneOf(m, 'authorType', ['customer', 'agent', 'system', 'bot'] as const) ?? 'customer';
      t.messages.push({
        externalId: requiredId(m, 'externalId'),
        authorType,
        authorId: str(m, 'authorId'),
        public: m.public !== false,
        body: str(m, 'body') ?? '',
        createdAt: at,
      });
    }
    return t;
  });
}

function parseCustom(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RowRejected('custom', 'is not a JSON object');
  }
}
