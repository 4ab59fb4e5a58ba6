import { type FormEvent, useState } from 'react';

/**
 * A Sourcing form's saving: `onSubmitWith(save)` is the form's onSubmit; what failed stays (above the
 * fields, and read for the fields' messages) until a save succeeds.
 */
export function useSaveForm() {
  const [error, setError] = useState<unknown>();
  const onSubmitWith = (save: () => Promise<void>) => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    try {
      await save();
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };
  return { error, onSubmitWith };
}
