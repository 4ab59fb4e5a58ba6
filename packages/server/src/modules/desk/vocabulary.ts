// The Desk's closed sets of words, with no imports: the web app loads them through src/contract.ts.

/**
 * The inbox views: mine (open, assigned to me), team (open, in my teams), unassigned, breaching
 * (open and unanswered, oldest first: SLA due times order it once the sla module provides them),
 * pending (waiting on the customer), all (every open ticket: supervisors and admins).
 */
export const DESK_VIEWS = ['mine', 'team', 'unassigned', 'breaching', 'pending', 'all'] as const;

/** What an agent is doing on a ticket, for the collision warning. */
export const PRESENCE_MODES = ['viewing', 'replying'] as const;
