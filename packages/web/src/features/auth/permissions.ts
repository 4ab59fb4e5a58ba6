import type { Me } from '../../lib/types';

// What the signed-in user may do, mirroring the server's policy so the UI hides what would be refused.
// The server stays the authority: it answers 404 to anything outside these.
export type Action = 'provider.write' | 'team.write' | 'user.read' | 'user.write' | 'webhook.manage';

export function can(me: Me, action: Action): boolean {
  switch (action) {
    case 'provider.write':
    case 'webhook.manage':
      return me.role === 'admin' && me.providerId === null;
    case 'team.write':
    case 'user.write':
      return me.role === 'admin';
    case 'user.read':
      return me.role === 'admin' || me.role === 'supervisor';
  }
}
