/**
 * The autosave state machine, pure so it can be tested without a browser.
 * Every edit bumps `editSeq`; a save carries the `editSeq` it was built from,
 * so an edit made while a save is in flight keeps the form "dirty" after the
 * save returns. A conflict stops autosaving until the chair resolves it.
 */
export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'retrying' | 'conflict' | 'blocked';

export interface AutosaveState {
  status: SaveStatus;
  editSeq: number;
  savedSeq: number;
  /** The editSeq the save in flight was built from, or null. */
  inFlight: number | null;
  /** Consecutive failed attempts (for backoff). */
  failures: number;
  lastSavedAt: number | null;
  lastError: string | null;
}

export type AutosaveEvent =
  | { type: 'edit' }
  | { type: 'start'; seq: number }
  | { type: 'success'; seq: number; at: number }
  | { type: 'failure'; message: string }
  | { type: 'conflict'; message: string }
  | { type: 'blocked'; message: string }
  | { type: 'resolved' }
  | { type: 'reset'; at: number | null };

export const initialAutosave: AutosaveState = { status: 'idle', editSeq: 0, savedSeq: 0, inFlight: null, failures: 0, lastSavedAt: null, lastError: null };

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case 'edit': {
      const editSeq = state.editSeq + 1;
      // While saving or after a conflict, the status tells that story; the new edit is picked up later.
      if (state.status === 'saving' || state.status === 'conflict' || state.status === 'retrying') return { ...state, editSeq };
      return { ...state, editSeq, status: 'dirty' };
    }
    case 'start':
      if (state.status === 'conflict') return state;
      return { ...state, status: 'saving', inFlight: event.seq };
    case 'success': {
      const savedSeq = Math.max(state.savedSeq, event.seq);
      return {
        ...state,
        savedSeq,
        inFlight: null,
        failures: 0,
        lastError: null,
        lastSavedAt: event.at,
        status: state.status === 'conflict' ? 'conflict' : state.editSeq > savedSeq ? 'dirty' : 'saved',
      };
    }
    case 'failure':
      return { ...state, inFlight: null, failures: state.failures + 1, lastError: event.message, status: 'retrying' };
    case 'conflict':
      return { ...state, inFlight: null, lastError: event.message, status: 'conflict' };
    case 'blocked':
      // The server refused the content itself (not retryable as is): wait for the next edit.
      return { ...state, inFlight: null, lastError: event.message, status: 'blocked' };
    case 'resolved':
      return { ...state, failures: 0, lastError: null, status: state.editSeq > state.savedSeq ? 'dirty' : 'saved' };
    case 'reset':
      return { ...initialAutosave, editSeq: state.editSeq, savedSeq: state.editSeq, lastSavedAt: event.at, status: event.at ? 'saved' : 'idle' };
  }
}

/** Whether there are edits the server does not have yet. */
export const hasUnsavedChanges = (state: AutosaveState) => state.editSeq > state.savedSeq;

/** Whether autosave may start a save now. */
export const maySave = (state: AutosaveState) =>
  state.inFlight === null && state.status !== 'conflict' && state.status !== 'saving' && hasUnsavedChanges(state);

/** Wait before retry number `failures` (1-based): 2 s, 4 s, 8 s … at most 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, failures - 1));
}

export const AUTOSAVE_DEBOUNCE_MS = 1_500;
