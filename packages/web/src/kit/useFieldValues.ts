import { useCallback, useState } from 'react';

/**
 * The values of a form's text fields, kept as one record by field name (the API's names): `set`
 * changes one, `reset` puts the named ones (or all) back to where they started. Replaces a
 * `useState` a field and the list of setters a successful submit called.
 */
export function useFieldValues<K extends string>(initial: Record<K, string>) {
  const [start] = useState(initial);
  const [values, setValues] = useState(initial);
  const set = useCallback((name: K, value: string) => setValues((v) => ({ ...v, [name]: value })), []);
  const reset = useCallback(
    (...names: K[]) =>
      setValues((v) =>
        names.length === 0 ? start : { ...v, ...Object.fromEntries(names.map((n) => [n, start[n]])) },
      ),
    [start],
  );
  return { values, set, reset };
}
