import { digest } from '../../platform/auth/tokens.js';
import { newId, newSecret } from '../../platform/ids.js';

/** The user a secret is issued to, as the `users` row names them. */
export interface SecretHolder {
  id: string;
  organization_id: string;
  provider_id: string | null;
}

/**
 * A new secret for one user (a session, a password reset), valid for `ttlMs` from `now`: the token to
 * hand out once, and the columns every such table stores for it — a fresh id, the user's tenancy,
 * only the token's digest (a leaked table holds no usable token) and when it expires. The caller
 * adds the table's own columns.
 */
export function issueUserSecret(
  prefixes: { token: string; id: string },
  user: SecretHolder,
  now: Date,
  ttlMs: number,
) {
  const token = newSecret(prefixes.token);
  const row = {
    id: newId(prefixes.id, now.getTime()),
    organization_id: user.organization_id,
    provider_id: user.provider_id,
    user_id: user.id,
    token_hash: digest(token),
    expires_at: new Date(now.getTime() + ttlMs),
  };
  return { token, row };
}
