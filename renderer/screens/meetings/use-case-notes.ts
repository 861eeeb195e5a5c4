import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaItem } from '../../../core/schemas/meetings';
import { useApi } from '../../api/api-context';
import { currentClock } from '../../../core/clock';

/** How long after the last keystroke the notes save themselves. */
export const AUTOSAVE_DELAY_MS = 1200;

export type NotesStatus =
  | { readonly kind: 'saved'; readonly at: string | null }
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'conflict' | 'failed'; readonly message: string };

/**
 * The live notes and decisions on one case, saved automatically a moment after typing stops and
 * whenever `flush` is called (before moving to another case or ending the meeting). Each save
 * sends the version it started from; if someone else saved in between, the text stays on screen,
 * autosave stops and the conflict is reported: never a silent overwrite.
 */
export function useCaseNotes(item: AgendaItem | undefined) {
  const api = useApi();
  const [notes, setNotesText] = useState(item?.notes ?? '');
  const [decisions, setDecisionsText] = useState(item?.decisions ?? '');
  const [status, setStatus] = useState<NotesStatus>({ kind: 'saved', at: item?.notesUpdatedAt ?? null });
  const version = useRef(item?.version ?? 1);
  const dirty = useRef(false);
  const latest = useRef({ notes, decisions });
  const inFlight = useRef<Promise<boolean> | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const conflict = useRef(false);
  const itemId = item?.id;

  // A different case: start from what the store holds for it.
  useEffect(() => {
    setNotesText(item?.notes ?? '');
    setDecisionsText(item?.decisions ?? '');
    latest.current = { notes: item?.notes ?? '', decisions: item?.decisions ?? '' };
    version.current = item?.version ?? 1;
    dirty.current = false;
    conflict.current = false;
    setStatus({ kind: 'saved', at: item?.notesUpdatedAt ?? null });
    // Only when the case changes: a reload of the same case must never replace what is being typed.
  }, [itemId]);

  const save = useCallback(async (): Promise<boolean> => {
    if (itemId === undefined) return true;
    if (inFlight.current !== undefined) await inFlight.current;
    if (!dirty.current) return true;
    const sent = { ...latest.current };
    setStatus({ kind: 'saving' });
    const run = (async () => {
      const result = await api.call('meetings.saveCaseNotes', { itemId, version: version.current, ...sent });
      if (result.ok) {
        version.current = result.value.version;
        const changedMeanwhile = latest.current.notes !== sent.notes || latest.current.decisions !== sent.decisions;
        dirty.current = changedMeanwhile;
        setStatus(changedMeanwhile ? { kind: 'unsaved' } : { kind: 'saved', at: currentClock()().toISOString() });
        return !changedMeanwhile;
      }
      conflict.current = result.error.code === 'CONFLICT';
      setStatus({ kind: conflict.current ? 'conflict' : 'failed', message: result.error.message });
      return false;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = undefined;
    }
  }, [api, itemId]);

  const edit = (next: { notes: string; decisions: string }) => {
    latest.current = next;
    dirty.current = true;
    setStatus((current) => (current.kind === 'conflict' ? current : { kind: 'unsaved' }));
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!conflict.current) void save();
    }, AUTOSAVE_DELAY_MS);
  };

  // Leaving meeting mode (the navigation, Back) must not drop what was typed: save it on the way out.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (dirty.current && !conflict.current) void saveRef.current();
    },
    [],
  );

  /** Saves now; resolves true when nothing is left unsaved. */
  const flush = useCallback(async () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    if (conflict.current) return false;
    return save();
  }, [save]);

  /** After a conflict: take the version someone else saved (the caller shows what was typed, to copy). */
  const adopt = useCallback((saved: AgendaItem) => {
    setNotesText(saved.notes);
    setDecisionsText(saved.decisions);
    latest.current = { notes: saved.notes, decisions: saved.decisions };
    version.current = saved.version;
    dirty.current = false;
    conflict.current = false;
    setStatus({ kind: 'saved', at: saved.notesUpdatedAt });
  }, []);

  return {
    notes,
    decisions,
    status,
    setNotes: (value: string) => {
      setNotesText(value);
      edit({ notes: value, decisions: latest.current.decisions });
    },
    setDecisions: (value: string) => {
      setDecisionsText(value);
      edit({ notes: latest.current.notes, decisions: value });
    },
    /** Whether anything typed has not reached the store. */
    hasUnsaved: () => dirty.current,
    flush,
    adopt,
  };
}
