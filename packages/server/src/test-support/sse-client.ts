/** One server-sent event as a browser's EventSource would dispatch it. */
export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/**
 * Reads server-sent events from a streamed Response (in-process `app.request` or a real `fetch`),
 * following the WHATWG parsing rules the stream route relies on: `field: value` lines, a blank
 * line ends an event, lines starting with `:` are comments (heartbeats).
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly ready: SseMessage[] = [];
  comments = 0;

  constructor(response: Response) {
    if (!response.body) throw new Error(`no stream: ${response.status}`);
    this.reader = response.body.getReader();
  }

  /** The next event; rejects after `timeoutMs` so a missing event fails the test instead of hanging it. */
  async next(timeoutMs = 30_000): Promise<SseMessage> {
    const deadline = performance.now() + timeoutMs;
    while (this.ready.length === 0) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error('no event arrived in time');
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<'timeout'>((r) => {
          timer = setTimeout(() => r('timeout'), left);
        }),
      ]);
      clearTimeout(timer);
      if (chunk === 'timeout') throw new Error('no event arrived in time');
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      this.parse();
    }
    return this.ready.shift()!;
  }

  /** Every event up to and including the first that satisfies `last`. */
  async until(last: (m: SseMessage) => boolean, timeoutMs = 30_000): Promise<SseMessage[]> {
    const out: SseMessage[] = [];
    for (;;) {
      const m = await this.next(timeoutMs);
      out.push(m);
      if (last(m)) return out;
    }
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }

  private parse(): void {
    for (;;) {
      const end = this.buffer.search(/\r?\n\r?\n/);
      if (end < 0) return;
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const message: SseMessage = { event: 'message', data: '' };
      const data: string[] = [];
      let any = false;
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':')) {
          this.comments++;
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'event') message.event = value;
        else if (field === 'id') message.id = value;
        else continue;
        any = true;
      }
      if (!any) continue;
      message.data = data.join('\n');
      this.ready.push(message);
    }
  }
}
