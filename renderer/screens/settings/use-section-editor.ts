import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../core/result';

type Editing<E> = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly entry: E };

/** The id of the message shown after a save, which takes focus so keyboard users hear it. */
export const SAVED_MESSAGE_ID = 'settings-saved';

/**
 * The state of one settings section: which entry's form is open, the message after a save or a
 * refused change, and where keyboard focus goes when the form closes (back to the button that
 * opened it on cancel, to the message after a save).
 */
export function useSectionEditor<E>(reload: () => Promise<void>) {
  const [editing, setEditing] = useState<Editing<E> | undefined>(undefined);
  const [openerId, setOpenerId] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [focusTarget, setFocusTarget] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (focusTarget === undefined) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);

  const open = useCallback((next: Editing<E>, opener: string) => {
    setEditing(next);
    setOpenerId(opener);
    setSaved(undefined);
    setProblem(undefined);
  }, []);

  const cancel = useCallback(() => {
    setEditing(undefined);
    setFocusTarget(openerId);
  }, [openerId]);

  const done = useCallback(
    (message: string) => {
      setEditing(undefined);
      setProblem(undefined);
      setSaved(message);
      setFocusTarget(SAVED_MESSAGE_ID);
      void reload();
    },
    [reload],
  );

  /** Runs a change made from the table (deactivate or reactivate), reporting the outcome. */
  const change = useCallback(
    async (call: () => Promise<Result<unknown>>, message: string) => {
      setSaved(undefined);
      const result = await call();
      if (result.ok) done(message);
      else {
        setProblem(result.error.message);
        void reload();
      }
    },
    [done, reload],
  );

  return { editing, open, cancel, done, change, saved, problem };
}
