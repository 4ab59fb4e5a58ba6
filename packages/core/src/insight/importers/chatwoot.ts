import { blankTicket, type MapResult, mapRow } from '../ticket.js';
import { datedObjects, instant, type JsonObject, num, obj, requiredId, str, tagsOf } from './json-fields.js';
import { applyCodes, type VendorCodes } from './vendor-codes.js';

const CODES: VendorCodes = {
  status: {
    open: 'open',
    '0': 'open',
    resolved: 'solved',
    '1': 'solved',
    pending: 'pending',
    '2': 'pending',
    snoozed: 'on_hold',
    '3': 'on_hold',
  },
  priority: {
    low: 'low',
    '0': 'low',
    medium: 'normal',
    '1': 'normal',
    high: 'high',
    '2': 'high',
    urgent: 'urgent',
    '3': 'urgent',
  },
  channel: {
    'Channel::WebWidget': 'chat',
    'Channel::Email': 'email',
    'Channel::Api': 'api',
    'Channel::FacebookPage': 'social',
    'Channel::Instagram': 'social',
    'Channel::TwitterProfile': 'social',
    'Channel::Whatsapp': 'chat',
    'Channel::Telegram': 'chat',
    'Channel::Line': 'chat',
    'Channel::Sms': 'chat',
    'Channel::TwilioSms': 'chat',
    'Channel::Voice': 'phone',
  },
};

/**
 * Maps a Chatwoot conversation (Application API or webhook payload; timestamps ISO or unix
 * seconds). resolved → solved, snoozed → on hold; `first_reply_created_at` is the first response.
 * Activity messages (type 2) are system events and skipped; private messages are internal notes;
 * CSAT `rating` is on 1–5.
 */
export function mapChatwootConversation(o: JsonObject): MapResult {
  return mapRow(() => {
    const t = blankTicket(requiredId(o, o.display_id !== undefined ? 'display_id' : 'id'));
    t.number = t.externalId;
    applyCodes(t, CODES, str(o, 'status'), str(o, 'priority'), str(o, 'channel'));
    t.tags = tagsOf(o, 'labels', 'cached_label_list');
    const meta = obj(o, 'meta');
    const assignee = meta ? obj(meta, 'assignee') : null;
    t.assignee = (assignee ? (str(assignee, 'email') ?? str(assignee, 'id')) : null) ?? str(o, 'assignee_id');
    const sender = meta ? obj(meta, 'sender') : null;
    t.requester = (sender ? (str(sender, 'email') ?? str(sender, 'id')) : null) ?? str(o, 'contact_id');
    t.group = str(o, 'team_id') ?? str(o, 'inbox_id');
    const attrs = obj(o, 'additional_attributes');
    t.language = attrs ? str(attrs, 'conversation_language') : null;
    t.createdAt = instant(o, 'created_at');
    t.firstResponseAt = instant(o, 'first_reply_created_at');
    if (t.status === 'solved') t.solvedAt = instant(o, 'resolved_at') ?? instant(o, 'updated_at');
    const csat = obj(o, 'csat_survey_response');
    const rating = csat ? num(csat, 'rating') : null;
    if (rating !== null) t.csat = { score: rating, scale: '1-5' };
    const activity = (m: JsonObject) => ['2', 'activity'].includes(str(m, 'message_type') ?? '');
    for (const [m, at] of datedObjects(o, 'messages', activity)) {
      const type = str(m, 'message_type');
      const senderObj = obj(m, 'sender');
      const senderType = senderObj ? str(senderObj, 'type') : null;
      const incoming = type === '0' || type === 'incoming';
      t.messages.push({
        externalId: requiredId(m, 'id'),
        authorType: incoming ? 'customer' : senderType === 'agent_bot' ? 'bot' : 'agent',
        authorId: senderObj ? str(senderObj, 'id') : null,
        public: m.private !== true,
        body: str(m, 'content') ?? '',
        createdAt: at,
      });
    }
    return t;
  });
}
