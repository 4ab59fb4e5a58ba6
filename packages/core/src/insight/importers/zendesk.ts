import { blankTicket, type MapResult, mapRow } from '../ticket.js';
import {
  datedObjects,
  instant,
  type JsonObject,
  minutesToSeconds,
  num,
  obj,
  requiredId,
  str,
  strings,
} from './json-fields.js';
import { applyCodes, CHANNEL_WORDS, type VendorCodes } from './vendor-codes.js';

const CODES: VendorCodes = {
  status: {
    new: 'new',
    open: 'open',
    pending: 'pending',
    hold: 'on_hold',
    solved: 'solved',
    closed: 'closed',
    deleted: 'spam',
  },
  // Zendesk's priority words are ours.
  priority: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
  channel: {
    ...CHANNEL_WORDS,
    api: 'api',
    native_messaging: 'chat',
    voice: 'phone',
    mobile: 'web_form',
  },
};

/**
 * Maps a Zendesk ticket (Support API / incremental export JSON). Metrics come from an embedded
 * `metric_set` / `metrics` object (`include=metric_sets` sideload joined by ticket id):
 * reply_time_in_minutes.calendar → first response, full_resolution_time_in_minutes.calendar →
 * resolution, reopens, group_stations − 1 → hand-offs. Comments, when present, become messages
 * (`public=false` → internal note). CSAT good/bad is binary; offered/unoffered is no rating.
 */
export function mapZendeskTicket(o: JsonObject): MapResult {
  return mapRow(() => {
    const t = blankTicket(requiredId(o, 'id'));
    t.number = t.externalId;
    t.subject = str(o, 'subject') ?? str(o, 'raw_subject');
    t.description = str(o, 'description');
    const via = obj(o, 'via');
    applyCodes(t, CODES, str(o, 'status'), str(o, 'priority'), via ? str(via, 'channel') : null);
    t.tags = strings(o, 'tags');
    t.topic = str(o, 'type');
    t.requester = str(o, 'requester_id');
    t.assignee = str(o, 'assignee_id');
    t.group = str(o, 'group_id');
    t.createdAt = instant(o, 'created_at');
    const metrics = obj(o, 'metric_set') ?? obj(o, 'metrics');
    if (metrics) {
      const reply = obj(metrics, 'reply_time_in_minutes');
      const full = obj(metrics, 'full_resolution_time_in_minutes');
      t.firstResponseSeconds = reply ? minutesToSeconds(num(reply, 'calendar')) : null;
      t.resolutionSeconds = full ? minutesToSeconds(num(full, 'calendar')) : null;
      t.reopenCount = num(metrics, 'reopens') ?? 0;
      const stations = num(metrics, 'group_stations');
      t.handoffCount = stations !== null && stations > 1 ? stations - 1 : 0;
      t.solvedAt = instant(metrics, 'solved_at');
      t.firstResponseAt =
        t.createdAt && t.firstResponseSeconds !== null
          ? new Date(t.createdAt.getTime() + t.firstResponseSeconds * 1000)
          : null;
    }
    if (
      (t.status === 'solved' || t.status === 'closed') &&
      t.solvedAt === null &&
      t.createdAt &&
      t.resolutionSeconds !== null
    )
      t.solvedAt = new Date(t.createdAt.getTime() + t.resolutionSeconds * 1000);
    const rating = obj(o, 'satisfaction_rating');
    const score = rating ? str(rating, 'score') : null;
    if (score === 'good' || score === 'bad') t.csat = { score: score === 'good' ? 1 : 0, scale: 'binary' };
    for (const [c, at] of datedObjects(o, 'comments')) {
      const isPublic = c.public !== false;
      const author = str(c, 'author_id');
      t.messages.push({
        externalId: requiredId(c, 'id'),
        authorType: author !== null && author === t.requester ? 'customer' : 'agent',
        authorId: author,
        public: isPublic,
        body: str(c, 'plain_body') ?? str(c, 'body') ?? '',
        createdAt: at,
      });
    }
    if (t.firstResponseAt === null) {
      const firstAgentReply = t.messages.find(
        (m) => m.authorType === 'agent' && m.public && t.messages[0] !== m,
      );
      t.firstResponseAt = firstAgentReply?.createdAt ?? null;
    }
    return t;
  });
}
