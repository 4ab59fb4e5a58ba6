import { blankTicket, type MapResult, mapRow } from '../ticket.js';
import { datedObjects, instant, type JsonObject, num, obj, requiredId, str, tagsOf } from './json-fields.js';
import { applyCodes, type VendorCodes } from './vendor-codes.js';

const CODES: VendorCodes = {
  status: {
    '2': 'open',
    '3': 'pending',
    '4': 'solved',
    '5': 'closed',
    Open: 'open',
    Pending: 'pending',
    Resolved: 'solved',
    Closed: 'closed',
  },
  priority: {
    '1': 'low',
    '2': 'normal',
    '3': 'high',
    '4': 'urgent',
    Low: 'low',
    Medium: 'normal',
    High: 'high',
    Urgent: 'urgent',
  },
  // Freshdesk calls the channel the ticket's source.
  channel: {
    '1': 'email',
    '2': 'web_form',
    '3': 'phone',
    '4': 'web_form',
    '5': 'social',
    '6': 'social',
    '7': 'chat',
    '9': 'web_form',
    '10': 'email',
    Email: 'email',
    Portal: 'web_form',
    Phone: 'phone',
    Chat: 'chat',
  },
};

/**
 * Maps a Freshdesk ticket (API v2 JSON with `include=stats`, or a CSV export row read as an object
 * with the export's column names). Status 2/3/4/5 → open/pending/solved/closed, other codes are
 * custom (kept raw, flagged unknown); priority 1–4 → low/normal/high/urgent; `is_escalated` → the
 * resolution SLA breached. Conversations become messages (`incoming` → customer, `private` → internal).
 */
export function mapFreshdeskTicket(o: JsonObject): MapResult {
  return mapRow(() => {
    const t = blankTicket(requiredId(o, o.id !== undefined ? 'id' : 'Ticket ID'));
    t.number = t.externalId;
    t.subject = str(o, 'subject') ?? str(o, 'Subject');
    t.description = str(o, 'description_text') ?? str(o, 'Description');
    applyCodes(
      t,
      CODES,
      str(o, 'status') ?? str(o, 'Status'),
      str(o, 'priority') ?? str(o, 'Priority'),
      str(o, 'source') ?? str(o, 'Source'),
    );
    t.tags = tagsOf(o, 'tags', 'Tags');
    t.topic = str(o, 'type') ?? str(o, 'Type');
    t.requester = str(o, 'requester_id') ?? str(o, 'email') ?? str(o, 'Requester email');
    t.assignee = str(o, 'responder_id') ?? str(o, 'Agent');
    t.group = str(o, 'group_id') ?? str(o, 'Group');
    t.createdAt = instant(o, o.created_at !== undefined ? 'created_at' : 'Created time');
    const stats = obj(o, 'stats');
    if (stats) {
      t.firstResponseAt = instant(stats, 'first_responded_at');
      t.solvedAt = instant(stats, 'resolved_at');
      t.closedAt = instant(stats, 'closed_at');
      t.reopenedAt = instant(stats, 'reopened_at');
      if (t.reopenedAt) t.reopenCount = 1;
    } else {
      t.solvedAt = instant(o, 'Resolved time');
      t.closedAt = instant(o, 'Closed time');
      t.firstResponseAt = instant(o, 'First responded time');
    }
    if (o.is_escalated !== undefined) t.slaBreached = o.is_escalated === true;
    const csat = num(o, 'csat_rating');
    if (csat !== null) t.csat = { score: csat, scale: '1-5' };
    for (const [c, at] of datedObjects(o, 'conversations')) {
      t.messages.push({
        externalId: requiredId(c, 'id'),
        authorType: c.incoming === true ? 'customer' : 'agent',
        authorId: str(c, 'user_id'),
        public: c.private !== true,
        body: str(c, 'body_text') ?? '',
        createdAt: at,
      });
    }
    return t;
  });
}
