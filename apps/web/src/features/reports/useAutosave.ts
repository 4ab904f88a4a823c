import { useMutation } from '@tanstack/react-query';
import type { Indicator, OutlierWarning } from '@union/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorCode, useTRPC } from '../../app/trpc';
import { useDescribeError } from '../../ui/form';
import { AUTOSAVE_DEBOUNCE_MS, autosaveReducer, hasUnsavedChanges, initialAutosave, maySave, retryDelayMs, type AutosaveEvent, type AutosaveState } from './autosave';
import { clearBackup, writeBackup } from './backup';
import { buildSaveContent, sameContent, sourcesForSave, type FormDraft, type ReportContent } from './draft';

export interface SavedCopy {
  content: ReportContent;
  version: number;
  reportId: number | null;
}

/**
 * Debounced autosave of the chair's draft with retries, the local backup and
 * the conflict stop. The form's content lives in the caller's state; this hook
 * reads the latest draft through `getDraft`.
 */
export function useAutosave({
  schoolId,
  year,
  catalogue,
  initial,
  getDraft,
  onConflict,
  onWarnings,
  onSaved,
}: {
  schoolId: number;
  year: number;
  catalogue: readonly Indicator[];
  initial: SavedCopy;
  getDraft: () => FormDraft;
  onConflict: (message: string) => void;
  onWarnings: (warnings: OutlierWarning[]) => void;
  onSaved?: (result: { status: string; version: number }) => void;
}) {
  const trpc = useTRPC();
  const describe = useDescribeError();
  // 'always': offline, the save fails (and is retried by us, visibly) instead of silently pausing.
  const save = useMutation({ ...trpc.reports.save.mutationOptions(), networkMode: 'always' });
  const [state, setState] = useState<AutosaveState>(initialAutosave);
  const stateRef = useRef(state);
  const savedRef = useRef<SavedCopy>(initial);
  const inFlight = useRef<Promise<void> | null>(null);
  const [heldBack, setHeldBack] = useState<string[]>([]);
  const [serverFieldErrors, setServerFieldErrors] = useState<Record<string, string>>({});
  const callbacks = useRef({ getDraft, onConflict, onWarnings, onSaved });
  callbacks.current = { getDraft, onConflict, onWarnings, onSaved };

  const dispatch = useCallback((event: AutosaveEvent) => {
    stateRef.current = autosaveReducer(stateRef.current, event);
    setState(stateRef.current);
  }, []);

  const saveNow = useCallback(async (): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    if (!maySave(stateRef.current)) return;
    const seq = stateRef.current.editSeq;
    const draft = callbacks.current.getDraft();
    const { content, heldBack: held } = buildSaveContent(draft, savedRef.current.content, catalogue);
    setHeldBack(held);
    if (savedRef.current.reportId !== null && sameContent(content, savedRef.current.content)) {
      // Nothing the server lacks (only text that cannot be saved yet changed).
      dispatch({ type: 'success', seq, at: Date.now() });
      if (held.length === 0 && stateRef.current.editSeq === seq) clearBackup(schoolId, year);
      return;
    }
    dispatch({ type: 'start', seq });
    const run = (async () => {
      try {
        const result = await save.mutateAsync({ schoolId, year, baseVersion: savedRef.current.version, ...content, sources: sourcesForSave(content.sources) });
        savedRef.current = { content, version: result.version, reportId: result.reportId };
        setServerFieldErrors({});
        dispatch({ type: 'success', seq, at: Date.now() });
        callbacks.current.onWarnings(result.warnings);
        callbacks.current.onSaved?.(result);
        if (stateRef.current.editSeq === seq && held.length === 0) clearBackup(schoolId, year);
        // Held-back fields stay in the local backup, now based on the version just saved (not a stale one).
        else writeBackup(schoolId, year, { draft: callbacks.current.getDraft(), baseVersion: result.version, savedAt: Date.now() });
      } catch (error) {
        const described = describe(error);
        const message = described?.message ?? '';
        const code = errorCode(error);
        if (code === 'CONFLICT') {
          dispatch({ type: 'conflict', message });
          callbacks.current.onConflict(message);
        } else if (code === 'BAD_REQUEST' || code === 'FORBIDDEN' || code === 'NOT_FOUND') {
          const map: Record<string, string> = {};
          for (const f of described?.fieldErrors ?? []) map[f.path] ??= f.message;
          setServerFieldErrors(map);
          dispatch({ type: 'blocked', message });
        } else {
          // Network, server error, expired login (the re-login dialog opens): keep trying.
          dispatch({ type: 'failure', message });
        }
      }
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }, [catalogue, describe, dispatch, save, schoolId, year]);

  /** Call after every change to the draft. */
  const edited = useCallback(
    (draft: FormDraft) => {
      dispatch({ type: 'edit' });
      writeBackup(schoolId, year, { draft, baseVersion: savedRef.current.version, savedAt: Date.now() });
    },
    [dispatch, schoolId, year],
  );

  // Debounce after typing stops; back off after failures.
  useEffect(() => {
    if (state.status === 'dirty') {
      const timer = setTimeout(() => void saveNow(), AUTOSAVE_DEBOUNCE_MS);
      return () => clearTimeout(timer);
    }
    if (state.status === 'retrying') {
      const timer = setTimeout(() => void saveNow(), retryDelayMs(state.failures));
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [state.status, state.editSeq, state.failures, saveNow]);

  const unsaved = hasUnsavedChanges(state) || heldBack.length > 0;
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  /** Waits for the save in flight, then saves what is left. True when the server has everything. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (stateRef.current.status === 'retrying' || stateRef.current.status === 'blocked') {
      // One more try right now rather than waiting for the backoff.
      stateRef.current = { ...stateRef.current, status: 'dirty' };
    }
    if (maySave(stateRef.current)) await saveNow();
    const s = stateRef.current;
    return !hasUnsavedChanges(s) && s.status !== 'conflict' && s.status !== 'blocked' && s.status !== 'retrying';
  }, [saveNow]);

  /** After a conflict: the server's copy becomes the base; `dirty` when the merged form still differs. */
  const rebase = useCallback(
    (copy: SavedCopy, dirty: boolean) => {
      savedRef.current = copy;
      dispatch({ type: 'resolved' });
      if (dirty) dispatch({ type: 'edit' });
      else {
        dispatch({ type: 'reset', at: Date.now() });
        clearBackup(schoolId, year);
      }
    },
    [dispatch, schoolId, year],
  );

  /** Stops autosave until the chair resolves a difference with the server (e.g. a restored older backup). */
  const markConflict = useCallback((message: string) => dispatch({ type: 'conflict', message }), [dispatch]);

  return { state, stateRef, savedRef, heldBack, serverFieldErrors, saveNow, flush, edited, rebase, markConflict, unsaved };
}
