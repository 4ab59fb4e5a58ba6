import { AppError } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

// Who may do what. A refusal answers 404 like a missing record: callers learn nothing about
// what exists outside their reach.

export type Action = 'provider.write' | 'team.write' | 'user.read' | 'user.write' | 'settings.read';

export function can(actor: Actor, action: Action): boolean {
  switch (action) {
    case 'provider.write':
      return actor.role === 'admin' && actor.providerId === null;
    case 'team.write':
    case 'user.write':
      return actor.role === 'admin';
    case 'user.read':
    case 'settings.read':
      return actor.role === 'admin' || actor.role === 'supervisor';
  }
}

export function authorize(actor: Actor, action: Action, what: string): void {
  if (!can(actor, action)) throw new AppError('not_found', `${what} not found`);
}
