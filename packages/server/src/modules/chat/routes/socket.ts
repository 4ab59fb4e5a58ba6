import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { type WebSocket, WebSocketServer } from 'ws';
import type { PushMessage } from '../../../platform/events/push-hub.js';
import { AppError } from '../../../platform/http/problem.js';
import type { ModuleContext, UpgradeEndpoint } from '../../../platform/module.js';
import { systemActor } from '../../../platform/scope.js';
import { ChatClientFrame, type ChatServerFrame } from '../schemas.js';
import * as service from '../service.js';

/** The widget's socket. Frames are JSON; the protocol is ChatClientFrame / ChatServerFrame (schemas.ts). */
export const CHAT_SOCKET_PATH = '/api/chat/socket';
/** A frame larger than this closes the socket (a message is at most 4,000 characters). */
const MAX_FRAME_BYTES = 32 * 1024;
/** Pings find sockets whose other end vanished without a close. */
const PING_MS = 25_000;

/** One widget's socket: its organization, its chat once started, and the last message sent to it. */
class Connection {
  live: service.LiveSession | null = null;
  sent = 0;
  alive = true;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly id: number,
    readonly ws: WebSocket,
    readonly organizationId: string,
    readonly widgetKey: string,
  ) {}

  send(frame: ChatServerFrame): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  /** Runs `fn` after this socket's earlier work: frames are handled and answered in order. */
  serial(fn: () => Promise<void>): Promise<void> {
    const next = this.chain.then(fn);
    this.chain = next.catch(() => {});
    return next;
  }
}

/**
 * The chat's live side in this process: widget sockets by ticket, and one push subscription per
 * organization (the platform's hub, as the system actor `system:chat`) that tells a ticket's sockets
 * when an agent answered, typed or solved it. What a socket missed while away it asks again for on
 * reconnect (`hello` with the last sequence number it has): the transcript is the ticket.
 */
export class ChatLive {
  private readonly byTicket = new Map<string, Set<Connection>>();
  private readonly subscriptions = new Map<string, Promise<() => void>>();
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly connects: RateLimiterMemory;
  private readonly frames: RateLimiterMemory;
  private readonly pinger: NodeJS.Timeout;
  private connections = 0;

  constructor(private readonly ctx: ModuleContext) {
    this.connects = new RateLimiterMemory({ points: ctx.config.chatConnectsPerMinute, duration: 60 });
    this.frames = new RateLimiterMemory({ points: ctx.config.chatFramesPerMinute, duration: 60 });
    this.pinger = setInterval(() => {
      for (const ws of this.wss.clients) {
        const c = (ws as WebSocket & { conn?: Connection }).conn;
        if (c && !c.alive) ws.terminate();
        else if (c) {
          c.alive = false;
          ws.ping();
        }
      }
    }, PING_MS);
    this.pinger.unref();
  }

  endpoint(): UpgradeEndpoint {
    return {
      path: CHAT_SOCKET_PATH,
      handle: (req, socket, head) => void this.upgrade(req, socket, head),
      close: async () => {
        clearInterval(this.pinger);
        for (const ws of this.wss.clients) ws.terminate();
        for (const unsubscribe of this.subscriptions.values()) (await unsubscribe)();
        this.subscriptions.clear();
        await new Promise<void>((done) => this.wss.close(() => done()));
      },
    };
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const refuse = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    try {
      await this.connects.consume(req.socket.remoteAddress ?? 'unknown');
    } catch {
      return refuse('429 Too Many Requests');
    }
    const key = new URL(req.url ?? '/', 'http://x').searchParams.get('key') ?? '';
    const widget = key.length > 0 && key.length <= 64 ? await service.widgetByKey(this.ctx, key) : null;
    if (!widget) return refuse('404 Not Found');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new Connection(++this.connections, ws, widget.organizationId, widget.key);
      (ws as WebSocket & { conn?: Connection }).conn = conn;
      ws.on('pong', () => {
        conn.alive = true;
      });
      ws.on('message', (data) => void this.receive(conn, data.toString()));
      ws.on('close', () => this.detach(conn));
      ws.on('error', () => ws.terminate());
    });
  }

  private async receive(conn: Connection, raw: string): Promise<void> {
    try {
      await this.frames.consume(conn.id);
    } catch {
      conn.send({ t: 'error', code: 'rate_limited', message: 'too many messages; slow down' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      conn.send({ t: 'error', code: 'validation_failed', message: 'a frame must be JSON' });
      return;
    }
    const parsed = ChatClientFrame.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      conn.send({
        t: 'error',
        code: 'validation_failed',
        message: issue?.message ?? 'invalid frame',
        ...(issue ? { field: issue.path.join('.') } : {}),
      });
      return;
    }
    await conn
      .serial(() => this.handle(conn, parsed.data))
      .catch((err) => {
        const e = err instanceof AppError ? err : null;
        if (!e) console.warn(`chat: ${(err as Error).message}`);
        conn.send({
          t: 'error',
          code: e?.code ?? 'internal',
          message: e?.message ?? 'something went wrong',
          ...(e?.field ? { field: e.field } : {}),
        });
      });
  }

  private async handle(conn: Connection, frame: ChatClientFrame): Promise<void> {
    const { ctx } = this;
    switch (frame.t) {
      case 'hello': {
        const found = frame.token
          ? await service.sessionByToken(ctx, conn.organizationId, frame.token)
          : null;
        if (!found) return conn.send({ t: 'welcome', session: null });
        await this.attach(conn, found.session);
        conn.sent = frame.after ?? 0;
        conn.send({ t: 'welcome', session: { status: found.status, language: found.language } });
        await this.flush(conn);
        if (found.status === 'ended') conn.send({ t: 'ended' });
        return;
      }
      case 'suggest': {
        const s = await service.suggest(ctx, conn.organizationId, frame);
        return conn.send({ t: 'suggestions', q: frame.q, ...s });
      }
      case 'start': {
        if (conn.live) throw new AppError('conflict', 'this chat has started already', 't');
        const started = await service.startChat(ctx, conn.organizationId, conn.widgetKey, frame);
        if (started.kind === 'unavailable')
          return conn.send({ t: 'unavailable', language: started.language, opensAt: started.opensAt });
        await this.attach(conn, started.session);
        conn.send({ t: 'started', token: started.token });
        conn.send({ t: 'ack', id: frame.id, seq: 1 });
        return this.flush(conn);
      }
      case 'msg': {
        const live = this.need(conn);
        const { seq } = await service.customerMessage(ctx, live, frame.id, frame.text);
        conn.send({ t: 'ack', id: frame.id, seq });
        if (seq === conn.sent + 1) {
          conn.sent = seq;
          conn.send({
            t: 'msg',
            m: { seq, author: 'customer', text: frame.text, at: ctx.clock.now().toISOString(), id: frame.id },
          });
        } else if (seq > conn.sent) await this.flush(conn);
        return;
      }
      case 'typing': {
        const live = this.need(conn);
        return service.customerTyping(ctx, live, frame.on);
      }
      case 'leave': {
        await service.leaveMessage(ctx, conn.organizationId, frame);
        return conn.send({ t: 'left' });
      }
      case 'end': {
        await service.endChat(ctx, this.need(conn));
        return this.broadcast(this.need(conn).ticketId, { t: 'ended' });
      }
      case 'rate': {
        await service.rateChat(ctx, this.need(conn), frame);
        return conn.send({ t: 'rated' });
      }
    }
  }

  private need(conn: Connection): service.LiveSession {
    if (!conn.live) throw new AppError('invalid_transition', 'start the chat first', 't');
    return conn.live;
  }

  private async attach(conn: Connection, live: service.LiveSession): Promise<void> {
    conn.live = live;
    const set = this.byTicket.get(live.ticketId) ?? new Set<Connection>();
    this.byTicket.set(live.ticketId, set);
    set.add(conn);
    await this.subscribe(live.organizationId);
  }

  private detach(conn: Connection): void {
    if (!conn.live) return;
    const set = this.byTicket.get(conn.live.ticketId);
    set?.delete(conn);
    if (set?.size === 0) this.byTicket.delete(conn.live.ticketId);
  }

  /** Sends the socket every message after the last it has, in sequence order. */
  private async flush(conn: Connection): Promise<void> {
    if (!conn.live) return;
    for (const m of await service.messagesAfter(this.ctx, conn.live, conn.sent)) {
      if (m.seq <= conn.sent) continue;
      conn.sent = m.seq;
      conn.send({ t: 'msg', m });
    }
  }

  private broadcast(ticketId: string, frame: ChatServerFrame): void {
    for (const c of this.byTicket.get(ticketId) ?? []) c.send(frame);
  }

  private subscribe(organizationId: string): Promise<unknown> {
    let sub = this.subscriptions.get(organizationId);
    if (!sub) {
      sub = this.ctx.events.hub.subscribe(
        systemActor('chat', organizationId),
        undefined,
        (m) => this.pushed(m),
        () => this.subscriptions.delete(organizationId),
      );
      this.subscriptions.set(organizationId, sub);
      sub.catch(() => this.subscriptions.delete(organizationId));
    }
    return sub;
  }

  /** An event about a ticket some socket here holds: an agent's reply, typing, or the ticket solved. */
  private pushed(message: PushMessage): void {
    let event: { subjectType: string; subjectId: string; payload: Record<string, unknown> };
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    if (event.subjectType !== 'ticket') return;
    const conns = this.byTicket.get(event.subjectId);
    if (!conns) return;
    const p = event.payload;
    // `message.committed` comes at commit (transient), `message.sent` from the outbox (any process).
    const agentReply = message.event === 'message.committed' || message.event === 'message.sent';
    if (agentReply && p['authorType'] !== 'customer' && p['public'] === true) {
      for (const c of conns) void c.serial(() => this.flush(c)).catch(() => {});
    } else if (message.event === 'chat.typing' && p['author'] === 'agent') {
      for (const c of conns) c.send({ t: 'typing', on: p['on'] === true });
    } else if (message.event === 'ticket.status_changed' && (p['to'] === 'solved' || p['to'] === 'closed')) {
      const live = [...conns][0]?.live;
      if (live) void service.markEnded(this.ctx, live).catch(() => {});
      for (const c of conns) void c.serial(async () => c.send({ t: 'ended' }));
    }
  }
}
