import type {
  CustomerHistory,
  DeskAgent,
  DeskAvailability,
  DeskAvailabilityStatus,
  DeskOverview,
  DeskPresence,
  DeskQueuePage,
  DeskSearchResult,
  DeskView,
  ListResponse,
  Macro,
  PresenceMode,
  RenderedMacro,
  Ticket,
  TicketBulkRequest,
  TicketBulkResult,
  TicketDetail,
  TicketEscalation,
  TicketMessage,
  TicketMessageCreate,
  TicketPriority,
  TicketSla,
  TicketStatus,
  TicketType,
} from '@shoreline/server/contract';
import { api, query } from '../../lib/api';

const id = (ticketId: string) => encodeURIComponent(ticketId);

/** The Desk's calls: the inbox (desk module) and work on tickets (tickets module). */
export const deskApi = {
  overview: () => api.get<DeskOverview>('/desk/views'),
  page: (view: DeskView, cursor?: string | null) =>
    api.get<DeskQueuePage>(`/desk/tickets${query({ view, cursor: cursor ?? undefined })}`),
  search: (q: string) => api.get<DeskSearchResult>(`/desk/search${query({ q })}`),
  agents: () => api.get<ListResponse<DeskAgent>>('/desk/agents').then((r) => r.items),
  setMyTeams: (teamIds: string[]) => api.put<{ teamIds: string[] }>('/desk/me/teams', { teamIds }),
  availability: (status: DeskAvailabilityStatus) =>
    api.put<DeskAvailability>('/desk/me/availability', { status }),
  macros: () => api.get<ListResponse<Macro>>('/desk/macros').then((r) => r.items),
  renderMacro: (ticketId: string, macroId: string) =>
    api.get<RenderedMacro>(`/desk/tickets/${id(ticketId)}/macros/${encodeURIComponent(macroId)}`),
  presence: (ticketId: string, mode: PresenceMode) =>
    api.post<DeskPresence>(`/desk/tickets/${id(ticketId)}/presence`, { mode }),
  leave: (ticketId: string) => api.delete(`/desk/tickets/${id(ticketId)}/presence`),

  ticket: (ticketId: string) => api.get<TicketDetail>(`/tickets/${id(ticketId)}`),
  /** The ticket's SLA countdowns (module sla); 404 when no policy applies to it. */
  sla: (ticketId: string) => api.get<TicketSla>(`/sla/tickets/${id(ticketId)}`),
  /** A customer with their tickets (those the caller sees); 404 for vendor staff without a ticket of theirs. */
  customer: (customerId: string) => api.get<CustomerHistory>(`/customers/${id(customerId)}`),
  message: (ticketId: string, body: TicketMessageCreate) =>
    api.post<TicketMessage>(`/tickets/${id(ticketId)}/messages`, body),
  status: (ticketId: string, status: TicketStatus) =>
    api.patch<Ticket>(`/tickets/${id(ticketId)}/status`, { status }),
  priority: (ticketId: string, priority: TicketPriority | null) =>
    api.patch<Ticket>(`/tickets/${id(ticketId)}/priority`, { priority }),
  type: (ticketId: string, type: TicketType | null) =>
    api.patch<Ticket>(`/tickets/${id(ticketId)}/type`, { type }),
  assign: (ticketId: string, assignee: string | null) =>
    api.patch<Ticket>(`/tickets/${id(ticketId)}/assignee`, { assignee }),
  tags: (ticketId: string, change: { add?: string[]; remove?: string[] }) =>
    api.patch<Ticket>(`/tickets/${id(ticketId)}/tags`, change),
  transfer: (ticketId: string, teamId: string) =>
    api.post<Ticket>(`/tickets/${id(ticketId)}/transfer`, { teamId }),
  escalate: (ticketId: string, body: TicketEscalation) =>
    api.post<Ticket>(`/tickets/${id(ticketId)}/escalate`, body),
  bulk: (body: TicketBulkRequest) => api.post<TicketBulkResult>('/tickets/bulk', body),
};

/** Events about tickets that change what an inbox or a ticket page shows. */
export const TICKET_EVENTS = [
  'ticket.created',
  'ticket.status_changed',
  'ticket.assigned',
  'ticket.transferred',
  'ticket.escalated',
  'ticket.tagged',
  'ticket.priority_changed',
  'ticket.type_changed',
  'ticket.merged',
  'message.received',
  'message.sent',
  'sla.at_risk',
  'sla.breached',
] as const;
