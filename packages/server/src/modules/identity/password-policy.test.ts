import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weakPasswordReason } from '../../platform/auth/password-policy.js';
import { Password } from './schemas.js';

describe('password policy (Hardening #14 item 6)', () => {
  it('refuses short, common, breached and repetitive passwords', () => {
    for (const weak of [
      'short',
      'aaaaaaaaaa',
      'password123',
      'qwertyuiop',
      '1234567890',
      'abcabcabcabc',
      'Password123',
    ])
      expect(Password.safeParse(weak).success, weak).toBe(false);
  });

  it('names the rule as a stable code the web app translates', () => {
    const result = Password.safeParse('aaaaaaaaaa');
    expect(result.success).toBe(false);
    expect((result.error?.issues[0] as { params?: unknown } | undefined)?.params).toEqual({
      code: 'weak_password',
    });
  });

  it('accepts long passphrases', () => {
    expect(Password.safeParse('correct horse battery staple').success).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('tide', 'harbour', 'mauve', 'quill', 'ember', 'noon'), {
          minLength: 4,
          maxLength: 6,
        }),
        (words) => weakPasswordReason(`${words.join('-')}-7`) === null,
      ),
    );
  });
});
