// The new-password pair of the invitation, the reset link and the password change: the password
// (with its length hint) and its confirmation, checked in the browser before anything is sent.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { TextField } from '../../kit/fields';
import { NEW_PASSWORD_INPUT } from './credentialInputs';

/** The server's minimum too (identity's password policy); checked here to answer at once. */
export const MIN_PASSWORD = 10;

/** Messages for a new password that is too short or differs from its confirmation, keyed by field. */
export function newPasswordProblems(
  t: TFunction,
  password: string,
  confirm: string,
  passwordField = 'password',
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (password.length < MIN_PASSWORD) problems[passwordField] = t('auth.passwordTooShort');
  if (confirm !== password) problems['confirm'] = t('auth.passwordsDiffer');
  return problems;
}

/** The pair's state: `pair` goes to NewPasswordFields as it is; `clear` empties both after a change. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  return {
    password,
    confirm,
    pair: { password, confirm, onPassword: setPassword, onConfirm: setConfirm },
    clear() {
      setPassword('');
      setConfirm('');
    },
  };
}

export function NewPasswordFields(props: {
  t: TFunction;
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  fields: Record<string, string | undefined>;
  /** The API's name of the password field (`password`, or `newPassword` for a change). */
  passwordField?: string;
}) {
  const { t } = props;
  const name = props.passwordField ?? 'password';
  return (
    <>
      <TextField
        label={t('auth.newPassword')}
        help={t('auth.passwordHint')}
        error={props.fields[name]}
        required
        {...NEW_PASSWORD_INPUT}
        name={name}
        minLength={MIN_PASSWORD}
        value={props.password}
        onValue={props.onPassword}
      />
      <TextField
        label={t('auth.confirmPassword')}
        error={props.fields['confirm']}
        required
        {...NEW_PASSWORD_INPUT}
        name="confirm"
        value={props.confirm}
        onValue={props.onConfirm}
      />
    </>
  );
}
