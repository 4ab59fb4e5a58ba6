/** A reply leaving Shoreline for a social network. */
export interface OutgoingReply {
  readonly network: string;
  /** The network's id of the post answered. */
  readonly inReplyTo: string;
  /** Whom it answers (the post's author): networks address a public reply to a handle. */
  readonly to: string;
  readonly kind: 'post' | 'dm';
  readonly text: string;
}

/**
 * What a network integration implements: send a reply, answer the network's id for it. A network
 * without a connector cannot be answered from Shoreline (the reply is refused, naming `network`).
 */
export interface SocialConnector {
  readonly network: string;
  send(reply: OutgoingReply): Promise<{ id: string }>;
}

/**
 * The connector kept in the repository for tests and demos: network `test`, replies kept in memory
 * in order, ids `test-1`, `test-2`, … . One per app instance (the module's slot).
 */
export class TestSocialConnector implements SocialConnector {
  readonly network = 'test';
  readonly sent: OutgoingReply[] = [];
  async send(reply: OutgoingReply) {
    this.sent.push(reply);
    return { id: `test-${this.sent.length}` };
  }
}
