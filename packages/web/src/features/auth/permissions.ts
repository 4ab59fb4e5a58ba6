import type { Ability, Me } from '@shoreline/server/contract';

// What the signed-in user may do, as `/api/me` reports it from the server's own policies: the UI
// hides what would be refused. The server stays the authority (it answers 404 to anything else).
export function can(me: Me, ability: Ability): boolean {
  return me.abilities.includes(ability);
}
