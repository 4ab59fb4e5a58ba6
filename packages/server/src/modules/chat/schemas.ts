import { z } from '@hono/zod-openapi';
import { apiInput, apiObject } from '../../platform/http/schema.js';

/** The widget's five languages (the web app's); anything else reads English. */
export const WIDGET_LANGUAGES = ['en', 'tr', 'he', 'hu', 'lv'] as const;

const text = z.string().trim().min(1).max(4000);
/** The widget's own id for a message, so a resent message (after a reconnect) is stored once. */
const clientId = z.string().min(1).max(64);

export const ChatContextSchema = z
  .object({
    articlesRead: z.array(z.string().max(200)).max(50).optional(),
    searchText: z.string().max(500).optional(),
    page: z.string().max(2000).optional(),
    /** The help-center session the chat was started from (its chat-context): it then counts as a contact. */
    helpSession: z
      .string()
      .regex(/^khs_[0-9a-z]{26}$/)
      .optional(),
  })
  .strict();

/** What the widget sends over its socket (`/api/chat/socket?key=<widget key>`), one JSON object a frame. */
export const ChatClientFrame = z.discriminatedUnion('t', [
  /** First frame: resume a chat with its secret, asking again for what came after `after`. */
  z.object({
    t: z.literal('hello'),
    token: z.string().max(100).optional(),
    after: z.number().int().min(0).optional(),
  }),
  /** Before the chat: help-center articles for what was typed, and whether a team is open for its language. */
  z.object({ t: z.literal('suggest'), q: z.string().trim().max(500), lang: z.string().max(10) }),
  z.object({
    t: z.literal('start'),
    id: clientId,
    text,
    lang: z.string().max(10),
    name: z.string().trim().max(200).optional(),
    email: z.string().trim().email().max(320).optional(),
    context: ChatContextSchema.optional(),
  }),
  z.object({ t: z.literal('msg'), id: clientId, text }),
  z.object({ t: z.literal('typing'), on: z.boolean() }),
  /** No team is open: the message becomes an e-mail ticket answered at the given address. */
  z.object({
    t: z.literal('leave'),
    id: clientId,
    text,
    lang: z.string().max(10),
    email: z.string().trim().email().max(320),
    name: z.string().trim().max(200).optional(),
    context: ChatContextSchema.optional(),
  }),
  z.object({ t: z.literal('end') }),
  z.object({
    t: z.literal('rate'),
    scale: z.enum(['1-5', 'binary']),
    score: z.number().int().min(0).max(5),
    comment: z.string().trim().max(2000).optional(),
  }),
]);
export type ChatClientFrame = z.output<typeof ChatClientFrame>;

export interface ChatWireMessage {
  seq: number;
  author: 'customer' | 'agent';
  text: string;
  at: string;
  /** The widget's id for a customer's message. */
  id: string | null;
}

export interface ChatArticleHint {
  title: string;
  snippet: string;
  url: string;
}

/** What the server sends the widget. */
export type ChatServerFrame =
  | { t: 'welcome'; session: { status: 'open' | 'ended'; language: string | null } | null }
  | {
      t: 'suggestions';
      q: string;
      language: string | null;
      open: boolean;
      opensAt: string | null;
      articles: ChatArticleHint[];
    }
  | { t: 'started'; token: string }
  | { t: 'unavailable'; language: string | null; opensAt: string | null }
  | { t: 'msg'; m: ChatWireMessage }
  | { t: 'ack'; id: string; seq: number }
  | { t: 'typing'; on: boolean }
  | { t: 'left' }
  | { t: 'ended' }
  | { t: 'rated' }
  | { t: 'error'; code: string; message: string; field?: string };

export const ChatWidgetCreate = apiInput('ChatWidgetCreate', { name: z.string().trim().min(1).max(200) });

export const ChatWidgetSchema = apiObject('ChatWidget', {
  key: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** The script tag to paste into a page. */
  snippet: z.string(),
});

export const ChatWidgetList = z.object({ items: z.array(ChatWidgetSchema) }).openapi('ChatWidgetList');

export const ChatSessionSchema = apiObject('ChatSession', {
  id: z.string(),
  ticketId: z.string(),
  status: z.enum(['open', 'ended']),
  language: z.string().nullable(),
  uiLanguage: z.string(),
  context: ChatContextSchema,
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});

export const ChatTyping = z.object({ on: z.boolean() }).strict().openapi('ChatTyping');
