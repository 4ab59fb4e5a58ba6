import { headerValue } from './headers.js';

export interface Classification {
  /** Mail that must not reach the queue as a customer's message; null: a person wrote it. */
  kind: 'bounce' | 'loop' | 'auto_reply' | null;
  /** Why a machine sent it (never answered automatically), or null. */
  automated: string | null;
  spamScore: number;
  spam: boolean;
}

/** At or above this score a message goes to the spam view instead of the queue. */
export const SPAM_THRESHOLD = 5;

/**
 * Auto-replies, bounces, loops (RFC 3834 Auto-Submitted, the de-facto Precedence, X-Autoreply,
 * X-Autorespond, a null return path `<>`, mailer-daemon) and a simple spam score (an upstream
 * filter's X-Spam-Flag / X-Spam-Status, plus a few cheap signs), from the raw header section.
 */
export function classifyMail(input: {
  headers: string;
  envelopeFrom: string;
  fromAddress: string | null;
  subject: string;
  htmlOnly: boolean;
  ownAddresses: readonly string[];
}): Classification {
  const h = (name: string) => headerValue(input.headers, name)?.toLowerCase() ?? null;
  const from = input.fromAddress ?? '';
  const local = from.split('@')[0] ?? '';
  const returnPath = h('Return-Path');
  const nullSender = input.envelopeFrom === '' || returnPath === '<>';
  const report = (h('Content-Type') ?? '').startsWith('multipart/report');
  let kind: Classification['kind'] = null;
  let automated: string | null = null;

  if (input.ownAddresses.includes(from) || h('X-Shoreline-Loop') !== null) {
    kind = 'loop';
    automated = 'loop';
  } else if (/^(mailer-daemon|postmaster)$/i.test(local) || (nullSender && report)) {
    kind = 'bounce';
    automated = 'bounce';
  } else {
    const autoSubmitted = h('Auto-Submitted');
    const precedence = h('Precedence');
    if (autoSubmitted !== null && autoSubmitted !== 'no') automated = `auto-submitted:${autoSubmitted}`;
    else if (h('X-Autoreply') !== null) automated = 'x-autoreply';
    else if (h('X-Autorespond') !== null) automated = 'x-autorespond';
    else if (precedence === 'auto_reply') automated = 'precedence:auto_reply';
    else if (nullSender) automated = 'null-sender';
    if (automated !== null) kind = 'auto_reply';
    // Lists and bulk senders: real mail (it becomes a ticket) that is never answered automatically.
    else if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk')
      automated = `precedence:${precedence}`;
  }

  let spamScore = 0;
  if (h('X-Spam-Flag')?.startsWith('yes')) spamScore += 10;
  if (h('X-Spam-Status')?.startsWith('yes')) spamScore += 10;
  if (h('Precedence') === 'junk') spamScore += 3;
  if (input.htmlOnly) spamScore += 1;
  const letters = input.subject.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    spamScore += 2;
  if (/(\$\$\$|!!!|100% free|viagra|act now)/i.test(input.subject)) spamScore += 2;
  return { kind, automated, spamScore, spam: spamScore >= SPAM_THRESHOLD };
}
