import EmailReplyParser from 'email-reply-parser';
import { convert as htmlToText } from 'html-to-text';
import type { AddressObject } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { messageIdsIn } from './headers.js';

export interface ParsedAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** What the intake needs from a message, decoded to Unicode. */
export interface ParsedMail {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  /** The whole text: the text/plain part, or the HTML part converted when there is none. */
  text: string;
  /** The text above the quoted history (the reply itself); the whole text when nothing is quoted. */
  visibleText: string;
  /** The HTML part, sanitized for display; null when the message has none. */
  html: string | null;
  htmlOnly: boolean;
  attachments: ParsedAttachment[];
}

/** Tags and attributes an agent's screen shows from customer HTML; everything else is dropped. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'span', 'font', 'center']),
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align'],
    '*': ['dir', 'lang'],
  },
  // Images would load from the sender's server (tracking pixels): kept as alt text only.
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'] },
  allowedSchemes: ['http', 'https', 'mailto'],
};

export function sanitizeForDisplay(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

function firstAddress(from: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  for (const group of list)
    for (const a of group.value)
      if (a.address) return { address: a.address.toLowerCase(), name: a.name || null };
  return null;
}

/**
 * The quoted history folded away: email-reply-parser's visible fragments (it recognises "On … wrote:"
 * headers, `>` quotes and signatures). Falls back to the whole text when it would leave nothing.
 */
export function foldQuotedHistory(text: string): string {
  const visible = new EmailReplyParser().parseReply(text).trim();
  return visible.length > 0 ? visible : text.trim();
}

/**
 * The text of an HTML-only message (html-to-text: links, lists, tables laid out as text). Text
 * outside `<html>…</html>` (a mailing list's footer appended to the part) is lost by the converter:
 * then every tag is stripped instead.
 */
function textOfHtml(html: string): string {
  const text = htmlToText(html, { wordwrap: false });
  if (text.trim() !== '') return text;
  return sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'title', 'head'],
  });
}

/** Mail saved from an mbox starts with a `From sender date` line, which is no header: dropped. */
function withoutMboxLine(raw: Buffer): Buffer {
  if (raw.subarray(0, 5).toString('latin1') !== 'From ') return raw;
  const eol = raw.indexOf(0x0a);
  return eol < 0 ? raw : raw.subarray(eol + 1);
}

/**
 * Parses a raw RFC 5322 message with mailparser: every MIME shape, transfer encodings, charsets
 * (iconv-lite, with libmime's aliases and the Japanese encodings), encoded-word headers. Text stays
 * as decoded; HTML-only mail gets its text from html-to-text; HTML is sanitized for display.
 */
export async function parseMail(raw: Uint8Array): Promise<ParsedMail> {
  // Loaded when the first mail arrives (≈ 0.1 s of CPU at every server start otherwise).
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(withoutMboxLine(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)), {
    skipTextToHtml: true,
    skipTextLinks: true,
    skipHtmlToText: true,
    skipImageLinks: true,
  });
  const from = firstAddress(mail.from);
  const html = typeof mail.html === 'string' ? mail.html : null;
  const htmlOnly = (mail.text === undefined || mail.text.trim() === '') && html !== null;
  // PostgreSQL text holds no NUL: a stray one (binary junk in a text part) is dropped.
  const text = (htmlOnly ? textOfHtml(html ?? '') : (mail.text ?? ''))
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '');
  const header = (name: string) => {
    const v = mail.headers.get(name);
    return typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : null;
  };
  return {
    messageId: messageIdsIn(mail.messageId ?? null)[0] ?? null,
    inReplyTo: messageIdsIn(header('in-reply-to')),
    references: messageIdsIn(header('references')),
    fromAddress: from?.address ?? null,
    fromName: from?.name ?? null,
    subject: (mail.subject ?? '').replace(/\0/g, '').trim(),
    text,
    visibleText: foldQuotedHistory(text),
    html: html === null ? null : sanitizeForDisplay(html.replace(/\0/g, '')),
    htmlOnly,
    attachments: mail.attachments
      .filter((a) => !a.related || a.contentDisposition === 'attachment')
      .map((a) => ({
        fileName: a.filename ?? 'attachment',
        contentType: a.contentType || 'application/octet-stream',
        content: a.content,
      })),
  };
}
