import { useCallback, useEffect, useRef, useState } from 'react';

import { useLantern } from '../store';
import type { ConcernValues } from './concern-values';
import { draftContentFrom } from './concern-values';

/** Save a second after typing stops: often enough to lose little, rarely enough to be quiet. */
export const AUTOSAVE_DELAY_MS = 1000;

export type SavedState = { id: string; savedAt: string } | null;

/**
 * Saves the form as its author's draft a second after it stops changing and when the page is
 * left. Saves run one after another, so the first one's new draft id is used by the next.
 * Opening the form saves nothing: only values changed since it opened (or last saved) are saved.
 */
export function useDraftAutosave(values: ConcernValues, initial: SavedState) {
  const saveDraft = useLantern((s) => s.saveDraft);
  const [saved, setSaved] = useState<SavedState>(initial);
  const [failed, setFailed] = useState<string | null>(null);
  const draftId = useRef<string | null>(initial?.id ?? null);
  const latest = useRef(values);
  const lastSaved = useRef(values);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);

  // Declared first, so the effects below (and a save on leaving) see the latest values.
  useEffect(() => {
    latest.current = values;
  }, [values]);

  const cancelTimer = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  /** Saves what is unsaved (or, with `force`, creates the draft if there is none yet). */
  const saveNow = useCallback(
    (force = false): Promise<void> => {
      cancelTimer();
      queue.current = queue.current.then(async () => {
        const current = latest.current;
        if (stopped.current) return;
        if (current === lastSaved.current && !(force && draftId.current === null)) return;
        const result = await saveDraft(draftId.current, draftContentFrom(current));
        if (!result) return;
        if (result.ok) {
          draftId.current = result.value.id;
          lastSaved.current = current;
          setSaved(result.value);
          setFailed(null);
        } else {
          setFailed(result.error.message);
        }
      });
      return queue.current;
    },
    [cancelTimer, saveDraft],
  );

  useEffect(() => {
    if (values === lastSaved.current) return;
    timer.current = setTimeout(() => {
      void saveNow();
    }, AUTOSAVE_DELAY_MS);
    return cancelTimer;
  }, [values, saveNow, cancelTimer]);

  // Leaving the page saves what was typed in its last second.
  useEffect(
    () => () => {
      void saveNow();
    },
    [saveNow],
  );

  return {
    saved,
    failed,
    /** Saves at once, creating the draft if need be (to attach a file to it); its id. */
    ensureDraft: async (): Promise<string | null> => {
      await saveNow(true);
      return draftId.current;
    },
    /** Waits for saves under way, without starting one; the draft's id, if there is one. */
    settle: async (): Promise<string | null> => {
      cancelTimer();
      await queue.current;
      return draftId.current;
    },
    /** The draft is gone (submitted or discarded): save nothing more. */
    stop: () => {
      stopped.current = true;
      cancelTimer();
    },
  };
}
