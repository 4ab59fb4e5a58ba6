import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import type { Actor } from '../scope.js';
import type { TransientEvent } from './bus.js';
import { headPosition, readEvents, type StoredEvent } from './outbox-reader.js';
import { comparePositions, type EventPosition, formatPosition, parsePosition } from './position.js';
import { mayReceive, type PushReaders } from './push-policy.js';

/** One server-sent event: `id` only for outbox events (a transient one cannot be resumed from). */
export interface PushMessage {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

interface Subscriber {
  readonly actor: Actor;
  send(message: PushMessage): void;
  end(): void;
}

const PAGE = 500;

/**
 * Fans the outbox out to this process's browser streams. The hub reads each new event once (on a
 * NOTIFY wake-up or the fallback timer) and hands it to every subscriber allowed to see it; a
 * subscriber resuming with Last-Event-ID first replays its own scoped slice of the outbox. Every
 * read and every subscribe runs on one chain, so a resuming subscriber's replay ends exactly where
 * the live feed begins.
 */
export class PushHub {
  private cursor: EventPosition | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private readonly streamsPerUser = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly readers: PushReaders,
    private readonly maxStreamsPerUser: number,
  ) {}

  async start(): Promise<void> {
    this.cursor = await headPosition(this.db);
  }

  get started(): boolean {
    return this.cursor !== null;
  }

  /** New events may have committed: read and fan them out. Resolves once done. */
  wake(): Promise<void> {
    return this.serial(() => this.pump());
  }

  transient(event: TransientEvent): void {
    const message: PushMessage = { event: event.type, data: JSON.stringify(present(event)) };
    for (const s of this.subscribers) if (mayReceive(s.actor, event, this.readers)) s.send(message);
  }

  /**
   * Holds one of the user's stream slots (per process); answers 429 when all are taken. Call the
   * returned release when the stream ends.
   */
  reserve(actor: Actor): () => void {
    const open = this.streamsPerUser.get(actor.userId) ?? 0;
    if (open >= this.maxStreamsPerUser)
      throw new AppError('rate_limited', `at most ${this.maxStreamsPerUser} event streams per user`);
    this.streamsPerUser.set(actor.userId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.streamsPerUser.get(actor.userId) ?? 1) - 1;
      if (left <= 0) this.streamsPerUser.delete(actor.userId);
      else this.streamsPerUser.set(actor.userId, left);
    };
  }

  /**
   * Adds a subscriber. With a Last-Event-ID it first receives, in order, every event it may see
   * after that id; without one it starts at the live head. Returns the unsubscribe function.
   */
  async subscribe(
    actor: Actor,
    lastEventId: string | EventPosition | undefined,
    send: (m: PushMessage) => void,
    end: () => void,
  ): Promise<() => void> {
    if (!this.started) throw new AppError('not_ready', 'event stream not started');
    const subscriber: Subscriber = { actor, send, end };
    await this.serial(async () => {
      const from = typeof lastEventId === 'object' ? lastEventId : parsePosition(lastEventId);
      // Catch the hub up first, so the replay covers everything committed before this request.
      await this.pump();
      if (from) await this.replay(subscriber, from);
      this.subscribers.add(subscriber);
    });
    return () => this.subscribers.delete(subscriber);
  }

  /**
   * One page of what the actor may see after `from`, for a stream catching up before it subscribes
   * (the stream writes it with back-pressure, outside the hub's chain). `more` when the page was full.
   */
  async catchUp(
    actor: Actor,
    from: EventPosition,
  ): Promise<{ messages: PushMessage[]; position: EventPosition; more: boolean }> {
    const page = await readEvents(this.db, from, PAGE, actor);
    const messages = page.filter((e) => mayReceive(actor, e, this.readers)).map(toMessage);
    return { messages, position: page.at(-1)?.position ?? from, more: page.length === PAGE };
  }

  /** Ends every stream (the server is stopping); browsers reconnect to another process. */
  closeAll(): void {
    for (const s of this.subscribers) s.end();
    this.subscribers.clear();
  }

  private async replay(subscriber: Subscriber, from: EventPosition): Promise<void> {
    const until = this.cursor!;
    let position = from;
    for (;;) {
      const page = await readEvents(this.db, position, PAGE, subscriber.actor);
      for (const event of page) {
        if (comparePositions(event.position, until) > 0) return;
        if (mayReceive(subscriber.actor, event, this.readers)) subscriber.send(toMessage(event));
        position = event.position;
      }
      if (page.length < PAGE) return;
    }
  }

  private async pump(): Promise<void> {
    if (!this.cursor) return;
    for (;;) {
      const page = await readEvents(this.db, this.cursor, PAGE);
      for (const event of page) {
        const message = toMessage(event);
        for (const s of this.subscribers) if (mayReceive(s.actor, event, this.readers)) s.send(message);
        this.cursor = event.position;
      }
      if (page.length < PAGE) return;
    }
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const next = this.chain.then(fn);
    this.chain = next.catch((err) => console.warn(`events: push: ${(err as Error).message}`));
    return next;
  }
}

/** One event as the stream's `data:` carries it; stored events add their id and time (transient ones do not). */
export type PushedEvent = ReturnType<typeof present> & { eventId?: string; occurredAt?: string };

function toMessage(event: StoredEvent): PushMessage {
  return {
    id: formatPosition(event.position),
    event: event.type,
    data: JSON.stringify({
      ...present(event),
      eventId: event.id,
      occurredAt: event.occurredAt.toISOString(),
    }),
  };
}

/** The wire shape: what the event is about and its payload; the organization is the reader's own. */
function present(event: TransientEvent | StoredEvent) {
  return {
    type: event.type,
    providerId: event.providerId,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    actorId: 'actorId' in event ? event.actorId : null,
    payload: event.payload,
  };
}
