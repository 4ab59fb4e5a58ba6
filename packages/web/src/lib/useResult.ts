import { useCallback, useState } from 'react';

/**
 * A result asked for on demand (a check, an upload, a simulation, a statement): the latest result,
 * the error of the latest run and whether one is running. A failed run clears the earlier result, so
 * an old figure never stands beside a new error. `fail` shows an error found before asking (a file
 * that is not JSON, a download that failed).
 */
export function useResult<T>() {
  const [result, setResult] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (load: () => Promise<T>) => {
    setError(undefined);
    setBusy(true);
    try {
      setResult(await load());
    } catch (err) {
      setResult(undefined);
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  return { result, error, busy, run, fail: setError };
}
