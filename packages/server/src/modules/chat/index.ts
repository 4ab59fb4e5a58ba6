import { instanceSlot, type ShorelineModule } from '../../platform/module.js';
import { chatMigrations } from './migrations.js';
import { chatPolicy } from './policy.js';
import { chatApiRoutes } from './routes/api.js';
import { ChatLive } from './routes/socket.js';
import { chatScopedTables } from './tables.js';

export type { chatPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only.
export type * from './schemas.js';

/** This instance's widget sockets and their push subscriptions. */
const chatLiveSlot = instanceSlot('chat.live', (ctx) => new ChatLive(ctx));

/**
 * Chat: the embeddable widget's socket (`/api/chat/socket?key=…`, one script tag: `/widget.js`),
 * each chat a routed `chat` ticket whose public messages are the transcript, numbered per chat so
 * the widget gets them in order and at least once (its message ids make a resend harmless); agents
 * answer from the inbox (push); help-center suggestions before the chat, a message left by e-mail
 * when no team of the language is open, the rating at the end through CSAT. Decision 0026.
 */
export const chatModule: ShorelineModule = {
  name: 'chat',
  migrations: chatMigrations,
  scopedTables: chatScopedTables,
  policy: chatPolicy,
  // The widget's script, built with the web app (packages/web/src/widget): any site may embed it.
  embeddableAssets: ['/widget.js'],
  routes: chatApiRoutes,
  upgrade: (ctx) => ctx.instance(chatLiveSlot).endpoint(),
};
