import {
  blankTicket,
  type Channel,
  type MapResult,
  mapRow,
  type TicketPriority,
  type TicketStatus,
} from '../ticket.js';
import {
  datedObjects,
  instant,
  type JsonObject,
  lookup,
  minutesToSeconds,
  num,
  requiredId,
  str,
} from './json-fields.js';
import { CHANNEL_WORDS } from './vendor-codes.js';

const KNOWN_KEYS = new Set([
  'id',
  'number',
  'title',
  'group',
  'group_id',
  'state',
  'state_id',
  'priority',
  'priority_id',
  'owner',
  'owner_id',
  'customer',
  'customer_id',
  'organization_id',
  'created_at',
  'updated_at',
  'close_at',
  'first_response_at',
  'first_response_in_min',
  'close_in_min',
  'articles',
  'tags',
  'create_article_type',
  'language',
]);

function stateOf(name: string): TicketStatus | null {
  const n = name.toLowerCase();
  if (n === 'new') return 'new';
  if (n === 'open') return 'open';
  if (n.startsWith('pending')) return 'pending';
  if (n === 'closed') return 'closed';
  if (n === 'merged') return 'merged';
  if (n === 'removed') return 'spam';
  return null;
}

const ARTICLE_CHANNEL: Record<string, Channel> = {
  ...CHANNEL_WORDS,
  phone: 'phone',
  sms: 'chat',
  telegram: 'chat',
  whatsapp: 'chat',
};

/**
 * Maps a Zammad ticket (REST `?expand=true`, names instead of ids). Closed counts as solved and
 * closed (Zammad has no separate solved). `owner_id` 1 means no owner. `first_response_in_min`
 * and `close_in_min` are Zammad's business-time metrics and are kept in `custom`; calendar times
 * come from the timestamps. Unknown top-level keys (object-manager attributes) go to `custom`.
 */
export function mapZammadTicket(o: JsonObject): MapResult {
  return mapRow(() => {
    const t = blankTicket(requiredId(o, 'id'));
    t.number = str(o, 'number');
    t.subject = str(o, 'title');
    t.statusRaw = str(o, 'state') ?? str(o, 'state_id');
    t.status = t.statusRaw === null ? null : stateOf(t.statusRaw);
    const priority = (str(o, 'priority') ?? '').replace(/^\d+\s*/, '').toLowerCase();
    t.priority =
      (['low', 'normal', 'high', 'urgent'] as TicketPriority[]).find((p) => p === priority) ?? null;
    t.group = str(o, 'group') ?? str(o, 'group_id');
    const owner = str(o, 'owner') ?? str(o, 'owner_id');
    t.assignee = owner === '1' || owner === '-' ? null : owner;
    t.requester = str(o, 'customer') ?? str(o, 'customer_id');
    t.language = str(o, 'language');
    t.createdAt = instant(o, 'created_at');
    t.firstResponseAt = instant(o, 'first_response_at');
    if (t.status === 'closed') {
      t.closedAt = instant(o, 'close_at') ?? instant(o, 'updated_at');
      t.solvedAt = t.closedAt;
    }
    const tags = o.tags;
    if (Array.isArray(tags)) t.tags = tags.map(String);
    const frBusiness = minutesToSeconds(num(o, 'first_response_in_min'));
    if (frBusiness !== null) t.custom.firstResponseBusinessSecondsSource = String(frBusiness);
    const articleType = str(o, 'create_article_type');
    t.channel = lookup(ARTICLE_CHANNEL, articleType, 'other');
    for (const [key, value] of Object.entries(o)) {
      if (!KNOWN_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number'))
        t.custom[key] = String(value);
    }
    for (const [a, at] of datedObjects(o, 'articles')) {
      const sender = (str(a, 'sender') ?? '').toLowerCase();
      t.messages.push({
        externalId: requiredId(a, 'id'),
        authorType: sender === 'customer' ? 'customer' : sender === 'system' ? 'system' : 'agent',
        authorId: str(a, 'from') ?? str(a, 'created_by_id'),
        public: a.internal !== true,
        body: str(a, 'body') ?? '',
        createdAt: at,
      });
    }
    return t;
  });
}
