import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topField } from './api';
import { fieldMessages } from './errors';

/**
 * The one way a form submits: runs the write, tracks busy state, and splits the error into field
 * messages and the rest. A field's message clears as soon as that field changes: put
 * `onChange={submit.onChange}` on the <form> (inputs named like the API's fields), or call
 * `clearField` from a composite input.
 */
export function useSubmit() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [cleared, setCleared] = useState<ReadonlySet<string>>(new Set());
  // Messages of checks made in the browser before sending (e.g. two passwords that differ).
  const [local, setLocal] = useState<Record<string, string>>({});
  const all = { ...fieldMessages(t, error), ...local };
  const fields = Object.fromEntries(Object.entries(all).filter(([name]) => !cleared.has(name)));
  const hasFieldErrors = Object.keys(all).length > 0;
  const clearField = useCallback(
    (name: string) => setCleared((s) => (s.has(topField(name)) ? s : new Set([...s, topField(name)]))),
    [],
  );
  return {
    busy,
    error,
    fields,
    /** The error to show as a banner: whole-request errors, or a summary when fields are at fault. */
    bannerError: hasFieldErrors ? undefined : error,
    hasFieldErrors: Object.keys(fields).length > 0,
    clear: () => setError(undefined),
    /** Shows messages of checks made before sending; true when there are any (then do not send). */
    invalid(problems: Record<string, string>): boolean {
      setError(undefined);
      setCleared(new Set());
      setLocal(problems);
      return Object.keys(problems).length > 0;
    },
    clearField,
    /** For the <form>: a change to a named control clears that field's message. */
    onChange: (e: FormEvent<HTMLFormElement>) => {
      const name = (e.target as { name?: unknown }).name;
      if (typeof name === 'string' && name) clearField(name);
    },
    async run<T>(action: () => Promise<T>): Promise<T | undefined> {
      setBusy(true);
      setError(undefined);
      setCleared(new Set());
      setLocal({});
      try {
        return await action();
      } catch (err) {
        setError(err);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
  };
}
