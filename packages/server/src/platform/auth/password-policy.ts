import { createRequire } from 'node:module';

/**
 * Password rules after NIST SP 800-63B §5.1.1.2 (and the OWASP Authentication cheat sheet): at
 * least 10 characters (checked by the schema), and not a value known to be common or breached, nor
 * repetitive or sequential. The list is zxcvbn-ts's "passwords-common" (49,233 passwords from
 * breach corpora), shipped in the npm package @zxcvbn-ts/language-common: no network at run time.
 * Loaded on first use so the server and CLI start without it.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    common = new Set(dictionary['passwords-common']);
  }
  return common;
}

/** Why `password` is too easy to guess, or null when it is acceptable. */
export function weakPasswordReason(password: string): 'common' | 'repetitive' | 'sequential' | null {
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  // The same short unit over and over: aaaaaaaaaa, abcabcabcabc, 12121212121.
  for (let period = 1; period <= 4; period++) {
    if (
      lower.length >= 2 * period &&
      lower ===
        lower
          .slice(0, period)
          .repeat(Math.ceil(lower.length / period))
          .slice(0, lower.length)
    )
      return 'repetitive';
  }
  // A run up or down the character table: abcdefghij, 9876543210.
  const steps = new Set<number>();
  for (let i = 1; i < lower.length; i++) steps.add(lower.charCodeAt(i) - lower.charCodeAt(i - 1));
  if (steps.size === 1 && (steps.has(1) || steps.has(-1))) return 'sequential';
  return null;
}
