/**
 * Reading a few headers straight from the raw bytes, before any parsing: the SMTP server needs the
 * Message-ID to store a message once per mailbox, and must not depend on a full MIME parse for it.
 */

/** The header section (up to the first empty line) as latin1 text, unfolded. */
export function headerSection(raw: Uint8Array): string {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let end = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) end = lf;
  const head = buf.subarray(0, end < 0 ? Math.min(buf.length, 65_536) : end).toString('latin1');
  return head.replace(/\r?\n[ \t]+/g, ' ');
}

/** The first value of a header (case-insensitive name), or null. */
export function headerValue(section: string, name: string): string | null {
  const re = new RegExp(`^${name.replace(/[-]/g, '\\-')}:[ \\t]*(.*)$`, 'im');
  const m = re.exec(section);
  return m ? (m[1] ?? '').trim() : null;
}

/** Every `<…>` id in a header value (In-Reply-To, References), brackets removed, in order. */
export function messageIdsIn(value: string | null | undefined): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] as string);
  // Some clients write a bare id without brackets.
  if (ids.length === 0 && /^[^\s<>]+@[^\s<>]+$/.test(value.trim())) return [value.trim()];
  return ids;
}

/** The Message-ID of a raw message (brackets removed), or null when it has none. */
export function rawMessageId(raw: Uint8Array): string | null {
  return messageIdsIn(headerValue(headerSection(raw), 'Message-ID'))[0] ?? null;
}
