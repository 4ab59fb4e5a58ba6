import type { ChatServerFrame } from '@shoreline/server/contract';

export type WireMessage = Extract<ChatServerFrame, { t: 'msg' }>['m'];

/**
 * What the widget shows and what it still owes the server. Messages from the server carry the
 * chat's sequence number: each is kept once and shown in that order, whatever order or how often
 * they arrive (a reconnect replays from the last one held). The customer's messages wait in the
 * outbox under the widget's own id until the server acknowledges them; a reconnect resends them
 * (the server stores a resent id once).
 */
export class Transcript {
  private readonly bySeq = new Map<number, WireMessage>();
  private readonly outbox = new Map<string, string>();
  private counter = 0;

  constructor(private readonly idPrefix: string) {}

  /** The highest sequence number held with none missing before it: where a reconnect resumes. */
  get resumeAfter(): number {
    let n = 0;
    while (this.bySeq.has(n + 1)) n++;
    return n;
  }

  /** Queues a customer's message; returns its id (to send now, and again until acknowledged). */
  queue(text: string): string {
    const id = `${this.idPrefix}-${++this.counter}`;
    this.outbox.set(id, text);
    return id;
  }

  receive(m: WireMessage): void {
    if (!this.bySeq.has(m.seq)) this.bySeq.set(m.seq, m);
    if (m.id) this.outbox.delete(m.id);
  }

  ack(id: string): void {
    this.outbox.delete(id);
  }

  /** Messages not yet acknowledged, oldest first. */
  pending(): { id: string; text: string }[] {
    return [...this.outbox].map(([id, text]) => ({ id, text }));
  }

  /** The conversation in sequence order. */
  messages(): WireMessage[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}
