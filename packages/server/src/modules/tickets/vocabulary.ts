// The tickets module's closed sets of words, with no imports: the web app loads them through src/contract.ts.

/**
 * What kind of case a ticket is (ITIL 4's question/incident/problem split, Zendesk's ticket types,
 * and ISO 10002's complaint, which gets its own SLA policy). Null: not yet known.
 */
export const TICKET_TYPES = ['question', 'incident', 'problem', 'task', 'complaint'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
