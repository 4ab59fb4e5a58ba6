import type { ColumnType } from 'kysely';
import { scopedTables } from '../../platform/scope.js';

/** One public post or direct message, inbound or the brand's, and the ticket its thread became. */
export interface SocialPostsTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  network: string;
  /** The network's id of the post (an integer written as `1.0` is stored as `1`). */
  external_id: string;
  in_reply_to: string | null;
  kind: 'post' | 'dm';
  inbound: boolean;
  author: string;
  body: string;
  posted_at: ColumnType<Date, Date | string, Date | string>;
  /** Null for a post of a thread the brand started (not a ticket). */
  ticket_id: string | null;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    social_posts: SocialPostsTable;
  }
}

export const socialScopedTables = scopedTables({
  social_posts: 'provider_id',
});
