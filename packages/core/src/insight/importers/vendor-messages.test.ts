import { describe, expect, it } from 'vitest';
import { mapChatwootConversation } from './chatwoot.js';
import { mapFreshdeskTicket } from './freshdesk.js';
import { datedObjects, lookup, tagsOf } from './json-fields.js';
import { mapZammadTicket } from './zammad.js';
import { mapZendeskTicket } from './zendesk.js';

const at = '2026-01-05T09:00:00Z';
const ticketOf = (r: ReturnType<typeof mapZendeskTicket>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.ticket;
};

describe('vendor messages: the dated objects of a list', () => {
  it('skips non-objects, what `skip` drops and entries without a time, keeping order', () => {
    const o = { list: [1, { id: 'a', created_at: at }, { id: 'b' }, { id: 'c', created_at: at }, 'x'] };
    expect(datedObjects(o, 'list').map(([e]) => e.id)).toEqual(['a', 'c']);
    expect(datedObjects(o, 'list', (e) => e.id === 'a').map(([e]) => e.id)).toEqual(['c']);
    expect(datedObjects({}, 'list')).toEqual([]);
  });

  it('does not read the time of an entry it skips (a Chatwoot activity with a bad time)', () => {
    const t = ticketOf(
      mapChatwootConversation({
        id: 7,
        messages: [
          { id: 1, message_type: 'activity', created_at: 'not a date' },
          { id: 2, message_type: 0, created_at: at, content: 'hello' },
          { id: 3, message_type: 1, created_at: at, private: true, sender: { type: 'agent_bot', id: 9 } },
        ],
      }),
    );
    expect(t.messages.map((m) => [m.externalId, m.authorType, m.public])).toEqual([
      ['2', 'customer', true],
      ['3', 'bot', false],
    ]);
  });

  it('maps each vendor list to messages (Freshdesk, Zendesk, Zammad)', () => {
    const fd = ticketOf(
      mapFreshdeskTicket({
        id: 1,
        conversations: [{ id: 5, created_at: at, incoming: true, body_text: 'q' }],
      }),
    );
    expect(fd.messages).toEqual([
      {
        externalId: '5',
        authorType: 'customer',
        authorId: null,
        public: true,
        body: 'q',
        createdAt: new Date(at),
      },
    ]);
    const zd = ticketOf(
      mapZendeskTicket({
        id: 1,
        requester_id: 4,
        comments: [{ id: 6, created_at: at, author_id: 4, body: 'b' }],
      }),
    );
    expect(zd.messages.map((m) => [m.externalId, m.authorType])).toEqual([['6', 'customer']]);
    const zm = ticketOf(
      mapZammadTicket({ id: 1, articles: [{ id: 8, created_at: at, sender: 'System', internal: true }] }),
    );
    expect(zm.messages.map((m) => [m.externalId, m.authorType, m.public])).toEqual([['8', 'system', false]]);
  });
});

describe('vendor tags', () => {
  it('reads a JSON list, or else comma-separated text (Chatwoot labels, a Freshdesk CSV export)', () => {
    expect(tagsOf({ labels: ['a', 2] }, 'labels', 'cached_label_list')).toEqual(['a', '2']);
    expect(tagsOf({ Tags: ' vip, ,billing ' }, 'tags', 'Tags')).toEqual(['vip', 'billing']);
    expect(tagsOf({}, 'tags', 'Tags')).toEqual([]);
    expect(ticketOf(mapFreshdeskTicket({ 'Ticket ID': 3, Tags: 'x,y' })).tags).toEqual(['x', 'y']);
  });
});

describe('vendor codes', () => {
  it('reads a code through its table: none stays none, an unknown code gets the fallback', () => {
    const table = { '2': 'open', '3': 'pending' } as const;
    expect(lookup(table, null, 'x' as never)).toBeNull();
    expect(lookup(table, '2')).toBe('open');
    expect(lookup(table, '9')).toBeNull();
    expect(lookup<string>(table, '9', 'other')).toBe('other');
    expect(lookup(table, 'constructor')).toBeNull();
  });

  it('maps each vendor’s status, priority and channel codes, keeping the raw status', () => {
    const zendesk = ticketOf(
      mapZendeskTicket({ id: 1, status: 'hold', priority: 'urgent', via: { channel: 'twitter' } }),
    );
    expect([zendesk.statusRaw, zendesk.status, zendesk.priority, zendesk.channel]).toEqual([
      'hold',
      'on_hold',
      'urgent',
      'social',
    ]);
    const unknown = ticketOf(mapZendeskTicket({ id: 2, status: 'odd', priority: 'constructor', via: {} }));
    expect([unknown.statusRaw, unknown.status, unknown.priority, unknown.channel]).toEqual([
      'odd',
      null,
      null,
      null,
    ]);
    const freshdesk = ticketOf(
      mapFreshdeskTicket({ 'Ticket ID': 3, Status: 'Resolved', Priority: '4', Source: '7' }),
    );
    expect([freshdesk.status, freshdesk.priority, freshdesk.channel]).toEqual(['solved', 'urgent', 'chat']);
    const chatwoot = ticketOf(mapChatwootConversation({ id: 4, status: 'snoozed', channel: 'Channel::Fax' }));
    expect([chatwoot.status, chatwoot.priority, chatwoot.channel]).toEqual(['on_hold', null, 'other']);
    const zammad = ticketOf(mapZammadTicket({ id: 5, create_article_type: 'web' }));
    expect(zammad.channel).toBe('web_form');
  });
});
