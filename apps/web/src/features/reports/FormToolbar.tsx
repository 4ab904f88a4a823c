import type { AutosaveState } from './autosave';
import { useReportFormCopy } from './messages';

const timeOf = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * The sticky bar of the chair's form: what autosave is doing (announced politely)
 * and the form's actions. `heldBack` names the fields kept only in this browser,
 * so "saved" never hides that some of the form is not on the server.
 */
export function FormToolbar({
  state,
  heldBack,
  hasReport,
  hasLocalDraft,
  submitting,
  onShowConflict,
  onSaveNow,
  onImport,
  onSubmit,
}: {
  state: AutosaveState;
  /** Names of the fields (or 荣誉) not saved because they are invalid. */
  heldBack: readonly string[];
  hasReport: boolean;
  /** A local draft from an earlier visit is waiting for the chair's decision. */
  hasLocalDraft: boolean;
  submitting: boolean;
  onShowConflict(): void;
  onSaveNow(): void;
  onImport(): void;
  onSubmit(): void;
}) {
  const { c } = useReportFormCopy();
  const label = (() => {
    switch (state.status) {
      case 'saving':
        return c.saveState.saving;
      case 'saved':
        return heldBack.length ? c.saveState.heldBackNamed(heldBack) : c.saveState.saved(timeOf(state.lastSavedAt ?? Date.now()));
      case 'dirty':
        return c.saveState.dirty;
      case 'retrying':
        return c.saveState.retrying;
      case 'conflict':
        return c.saveState.conflict;
      case 'blocked':
        return `${c.saveState.blocked}：${state.lastError ?? ''}`;
      case 'idle':
        // With a local draft waiting, "all saved" would contradict the notice below it.
        return hasLocalDraft ? c.saveState.idleWithLocalDraft : hasReport ? c.saveState.idleSaved : c.saveState.idle;
    }
  })();
  return (
    <div className={`rf-bar rf-bar--${state.status}${heldBack.length ? ' rf-bar--held' : ''}`} role="toolbar" aria-label={c.toolbar}>
      <p className="rf-bar__state" role="status" aria-live="polite" data-save-state={state.status}>
        <span className="rf-bar__dot" aria-hidden="true" />
        <span>{label}</span>
        {state.status === 'retrying' && state.lastError ? <span className="rf-bar__detail">{c.saveState.retryingDetail(state.lastError)}</span> : null}
      </p>
      <div className="rf-bar__actions">
        {state.status === 'conflict' ? (
          <button type="button" className="button button--small" onClick={onShowConflict}>
            {c.showConflict}
          </button>
        ) : state.status === 'retrying' || state.status === 'dirty' ? (
          <button type="button" className="button button--small button--secondary" onClick={onSaveNow}>
            {c.saveNow}
          </button>
        ) : null}
        <button type="button" className="button button--small button--secondary" onClick={onImport}>
          {c.importFromSummary}
        </button>
        <button type="button" className="button button--small" onClick={onSubmit} disabled={submitting}>
          {submitting ? c.submitting : c.submit}
        </button>
      </div>
    </div>
  );
}
