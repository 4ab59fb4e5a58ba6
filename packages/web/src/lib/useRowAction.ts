import { useCallback, useState } from 'react';

/**
 * An action on one row of a list (retry a job, change a user): the id of the row it is running on,
 * so that row's button waits, and the error of the latest run, for the banner above the list.
 */
export function useRowAction() {
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (id: string, action: () => Promise<void>) => {
    setPending(id);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setPending(undefined);
    }
  }, []);
  return { pending, error, run };
}
