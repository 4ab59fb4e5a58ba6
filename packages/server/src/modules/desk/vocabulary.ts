// The Desk's closed sets of words, with no imports: the web app loads them through src/contract.ts.

/**
 * The inbox views: mine (open, assigned to me), team (open, in my teams), unassigned, breaching
 * (tickets with an SLA target still owed, most urgent first by the SLA engine's due time),
 * pending (waiting on the customer), all (every open ticket: supervisors and admins).
 */
export const DESK_VIEWS = ['mine', 'team', 'unassigned', 'breaching', 'pending', 'all'] as const;

/** What an agent is doing on a ticket, for the collision warning. */
export const PRESENCE_MODES = ['viewing', 'replying'] as const;

/**
 * An agent's availability for new conversations: `online` (takes chats), `away` (signed in, takes
 * none), `offline`. An `online` agent whose browser stopped renewing it counts as `offline`.
 */
export const AVAILABILITIES = ['online', 'away', 'offline'] as const;
