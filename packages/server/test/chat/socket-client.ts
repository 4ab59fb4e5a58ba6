import WebSocket from 'ws';
import type { ChatClientFrame, ChatServerFrame } from '../../src/contract.js';

/** A widget's socket as a test drives it: frames sent as JSON, frames received queued until asked for. */
export class ChatSocket {
  readonly frames: ChatServerFrame[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as ChatServerFrame);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(base: string, key: string): Promise<ChatSocket> {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/chat/socket?key=${encodeURIComponent(key)}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new ChatSocket(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  send(frame: ChatClientFrame): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** The first received frame (from the start) matching `pick`, removed from the queue; waits up to `ms`. */
  async next<T extends ChatServerFrame['t']>(
    t: T,
    pick: (f: Extract<ChatServerFrame, { t: T }>) => boolean = () => true,
    ms = 10_000,
  ): Promise<Extract<ChatServerFrame, { t: T }>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = this.frames.findIndex((f) => f.t === t && pick(f as Extract<ChatServerFrame, { t: T }>));
      if (i >= 0) return this.frames.splice(i, 1)[0] as Extract<ChatServerFrame, { t: T }>;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no '${t}' frame within ${ms} ms; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
