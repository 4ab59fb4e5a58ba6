/**
 * "Write an article from this ticket": a draft prefilled from the customer's question and the
 * agent's answer, with personal data removed before anyone else reads it: e-mail addresses, phone
 * numbers, payment-card-like and other long digit runs, and URLs' query strings (which often carry
 * tokens). Patterns after the GDPR's examples of personal data (Art. 4(1): identification number,
 * online identifier) and E.164 phone numbers (ITU-T E.164: at most 15 digits); a human still
 * reviews the draft — redaction by pattern is a first pass, not a guarantee.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// A phone number (E.164: at most 15 digits) or a card number (up to 19): an optional +, then 7–19
// digits with spaces, dots, hyphens or brackets between. An ISO date (8 digits) is left alone.
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d(?:[\s.\-()]*\d){6,18}(?![\p{L}\p{N}])/gu;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUERY = /(https?:\/\/[^\s?#)]+)\?[^\s)#]*/g;

export const REDACTED = {
  email: '[email]',
  phone: '[phone]',
} as const;

/**
 * Removes e-mail addresses, phone numbers and long digit runs (replaced by placeholders) and URL
 * query strings from text.
 *
 * @example redactPersonalData('Call +90 532 123 45 67 or mail ayse@example.com') // → 'Call [phone] or mail [email]'
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(QUERY, '$1')
    .replace(EMAIL, REDACTED.email)
    .replace(PHONE, (m) => (DATE.test(m) ? m : REDACTED.phone));
}

/** Greetings and sign-offs that belong to the conversation, not the article. */
const GREETING = /^(hi|hello|hey|dear|merhaba|selam|shalom|שלום|szia|hello|sveiki|labdien)\b[^\n]*\n+/i;
const SIGN_OFF =
  /\n+(best|regards|kind regards|thanks|thank you|cheers|saygılar|teşekkürler|תודה|üdvözlettel|köszönöm|ar cieņu|paldies)\b[\s\S]*$/i;

/**
 * The draft: the ticket's subject as the title, then the question and the answer as Markdown, each
 * redacted and without the answer's greeting and sign-off.
 *
 * @example articleDraftFromTicket({ subject: 'Refund for a@b.co', question: 'Where is it?', answer: 'Hi Ann,\nIt takes 5 days.\nBest, Bo' }).title // → 'Refund for [email]'
 */
export function articleDraftFromTicket(t: { subject: string | null; question: string; answer: string }): {
  title: string;
  body: string;
} {
  const answer = t.answer.trim().replace(GREETING, '').replace(SIGN_OFF, '').trim();
  const title = redactPersonalData((t.subject ?? '').trim() || t.question.trim().split('\n')[0]!).slice(
    0,
    200,
  );
  const quote = redactPersonalData(t.question.trim())
    .split('\n')
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');
  return { title, body: `${quote}\n\n${redactPersonalData(answer)}\n` };
}
