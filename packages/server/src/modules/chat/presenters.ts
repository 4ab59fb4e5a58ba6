import type { Selectable } from 'kysely';
import type { ChatSessionsTable, ChatWidgetsTable } from './tables.js';

/** The script tag a page carries: the widget, and the key that scopes its chats to the organization. */
export function widgetSnippet(publicUrl: string, key: string): string {
  const origin = new URL(publicUrl).origin;
  return `<script src="${origin}/widget.js" data-shoreline-key="${key}" async></script>`;
}

export function presentWidget(w: Selectable<ChatWidgetsTable>, publicUrl: string) {
  return {
    key: w.key,
    name: w.name,
    createdAt: new Date(w.created_at).toISOString(),
    snippet: widgetSnippet(publicUrl, w.key),
  };
}

export function presentSession(r: Selectable<ChatSessionsTable>) {
  const context = typeof r.context === 'string' ? JSON.parse(r.context) : r.context;
  return {
    id: r.id,
    ticketId: r.ticket_id,
    status: r.status,
    language: r.language,
    uiLanguage: r.ui_language,
    context,
    createdAt: new Date(r.created_at).toISOString(),
    endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
  };
}
