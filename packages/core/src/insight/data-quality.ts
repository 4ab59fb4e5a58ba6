import type { ImportedTicket } from './ticket.js';

/**
 * Defects a record can carry. Each is kept on the ticket and counted in the import's data-quality
 * report; no record is dropped for having one.
 */
export const QUALITY_FLAGS = [
  'missing_created_at',
  'solved_before_first_response',
  'solved_before_created',
  'first_response_before_created',
  'negative_duration',
  'solved_without_solved_at',
  'unknown_status',
  'unknown_priority',
  'no_provider',
  'resolution_inferred',
  'resolved_while_open',
] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/**
 * Flags whose ticket's resolution time is not the source's: a solve time inferred from an event
 * (`resolution_inferred`), or one on a ticket whose status says it is not solved
 * (`resolved_while_open`). Resolution KPIs leave such tickets out unless the user asks for them.
 */
export const UNRELIABLE_RESOLUTION_FLAGS: readonly QualityFlag[] = [
  'resolution_inferred',
  'resolved_while_open',
];

const OPEN_STATUSES = new Set(['new', 'open', 'pending', 'on_hold']);

/**
 * The flags that hold for a ticket. `unknown_status` means the source's status word had no canonical
 * mapping (statusRaw present, status null); `unknown_priority` the same for the priority word. Comparisons use the instants as imported.
 */
export function qualityFlags(t: ImportedTicket): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const created = t.createdAt ? t.createdAt.getTime() : null;
  const firstResponse = t.firstResponseAt ? t.firstResponseAt.getTime() : null;
  const solved = t.solvedAt ? t.solvedAt.getTime() : null;
  if (created === null) flags.push('missing_created_at');
  if (solved !== null && firstResponse !== null && solved < firstResponse)
    flags.push('solved_before_first_response');
  if (solved !== null && created !== null && solved < created) flags.push('solved_before_created');
  if (firstResponse !== null && created !== null && firstResponse < created)
    flags.push('first_response_before_created');
  const negative =
    (t.firstResponseSeconds !== null && t.firstResponseSeconds < 0) ||
    (t.resolutionSeconds !== null && t.resolutionSeconds < 0) ||
    (t.callWaitSeconds !== null && t.callWaitSeconds < 0) ||
    (t.callHandleSeconds !== null && t.callHandleSeconds < 0);
  if (negative) flags.push('negative_duration');
  if ((t.status === 'solved' || t.status === 'closed') && solved === null && t.closedAt === null)
    flags.push('solved_without_solved_at');
  if (t.status === null && t.statusRaw !== null) flags.push('unknown_status');
  if (t.priority === null && t.priorityRaw !== null) flags.push('unknown_priority');
  const resolved = solved !== null || t.resolutionSeconds !== null;
  if (resolved && t.solvedAtInferred) flags.push('resolution_inferred');
  if (resolved && t.status !== null && OPEN_STATUSES.has(t.status)) flags.push('resolved_while_open');
  return flags;
}
