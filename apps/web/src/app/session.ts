import { useSyncExternalStore } from 'react';

/**
 * Whether the server has said "not logged in" while the user was working.
 * One store for the whole app: the query and mutation caches report into it,
 * and the re-login dialog reads it. Nothing navigates away, so the page (and
 * whatever the user typed) stays mounted underneath the dialog.
 */
export interface SessionState {
  /** The session ended (expired, revoked, server restarted) while a user was logged in. */
  expired: boolean;
  /** The user closed the dialog with Esc: a banner offers to open it again. */
  dialogDismissed: boolean;
  /** A change failed because of it; the dialog reminds the user to repeat it. */
  failedChange: boolean;
}

const initial: SessionState = { expired: false, dialogDismissed: false, failedChange: false };

export function createSessionStore() {
  let state = initial;
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    state = next;
    for (const l of listeners) l();
  };
  return {
    getSnapshot: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    markExpired({ duringChange = false } = {}) {
      set({ expired: true, dialogDismissed: state.expired ? state.dialogDismissed : false, failedChange: state.failedChange || duringChange });
    },
    dismissDialog() {
      if (state.expired) set({ ...state, dialogDismissed: true });
    },
    reopenDialog() {
      if (state.expired) set({ ...state, dialogDismissed: false });
    },
    resolved() {
      set(initial);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export function useSessionState(store: SessionStore): SessionState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
