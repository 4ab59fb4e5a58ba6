import { authorizer, organizationAdmin, type Policy } from '../../platform/access.js';

/** Admins install widgets; every role reads the chats of tickets it sees and types into them. */
export const chatPolicy = {
  'chat.manage_widgets': organizationAdmin,
  'chat.read': () => true,
  'chat.type': () => true,
} as const satisfies Policy;

export const authorizeChat = authorizer(chatPolicy, 'chat');
