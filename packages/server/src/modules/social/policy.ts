import { adminOrSupervisor, authorizer, type Policy } from '../../platform/access.js';

/** Ingesting is an integration's work (admins' and supervisors' tokens); every role replies to tickets it sees. */
export const socialPolicy = {
  'social.ingest': adminOrSupervisor,
  'social.reply': () => true,
} as const satisfies Policy;

export const authorizeSocial = authorizer(socialPolicy, 'social posts');
