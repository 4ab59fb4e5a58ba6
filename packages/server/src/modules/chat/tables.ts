import type { ColumnType, JSONColumnType } from 'kysely';
import { scopedTables } from '../../platform/scope.js';

/** A widget installation: its public key (written in the page's script tag) scopes a chat to the organization. */
export interface ChatWidgetsTable {
  key: string;
  organization_id: string;
  name: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
}

/** The context the page hands the widget (the help center: the articles read, what was searched). */
export interface ChatContext {
  articlesRead?: string[];
  searchText?: string;
  page?: string;
  /** The help-center session the chat started from (knowledge marks it contacted). */
  helpSession?: string;
}

/** One chat: the ticket it became, the customer's resume secret (hashed), and its state. */
export interface ChatSessionsTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  widget_key: string;
  ticket_id: string;
  /** SHA-256 of the secret the widget keeps to resume after a reconnect. */
  token_hash: string;
  language: string | null;
  ui_language: string;
  status: 'open' | 'ended';
  context: JSONColumnType<ChatContext, string, string>;
  created_at: ColumnType<Date, Date | string, Date | string>;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/**
 * The chat's order: each public message of the ticket gets the next sequence number of its session,
 * and a customer's message keeps the id its widget gave it (a resent message is recognised).
 */
export interface ChatMessagesTable {
  session_id: string;
  seq: number;
  organization_id: string;
  provider_id: string | null;
  ticket_message_id: string;
  client_id: string | null;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    chat_widgets: ChatWidgetsTable;
    chat_sessions: ChatSessionsTable;
    chat_messages: ChatMessagesTable;
  }
}

export const chatScopedTables = scopedTables({
  // Widgets are the organization's (vendor staff do not manage them).
  chat_widgets: null,
  chat_sessions: 'provider_id',
  chat_messages: 'provider_id',
});
