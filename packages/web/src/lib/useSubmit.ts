import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessages } from './errors';

/** Runs a write, tracking busy state and splitting the error into field messages and the rest. */
export function useSubmit() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const fields = fieldMessages(t, error);
  const hasFieldErrors = Object.keys(fields).length > 0;
  return {
    busy,
    error,
    fields,
    /** The error to show as a banner: whole-request errors, or a summary when fields are at fault. */
    bannerError: hasFieldErrors ? undefined : error,
    hasFieldErrors,
    clear: () => setError(undefined),
    async run<T>(action: () => Promise<T>): Promise<T | undefined> {
      setBusy(true);
      setError(undefined);
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
