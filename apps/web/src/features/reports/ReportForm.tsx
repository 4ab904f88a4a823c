import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  honourKindLabels,
  honourKinds,
  honourLevelLabels,
  honourLevels,
  narrativeSectionLabels,
  narrativeSections,
  requiredForSubmit,
  validateForSubmit,
  type HonourKind,
  type HonourLevel,
  type Indicator,
  type IndicatorValues,
  type Narrative,
  type NarrativeSection,
  type OutlierWarning,
} from '@union/domain';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { Modal } from '../../ui/Modal';
import { useDescribeError } from '../../ui/form';
import { NarrativeImportPanel } from '../narrative-import/NarrativeImportPanel';
import { readBackup, clearBackup, type DraftBackup } from './backup';
import { CategoryNav, CategorySection, groupCatalogue } from './categories';
import { ConflictDialog } from './ConflictDialog';
import {
  buildSaveContent,
  contentOfReport,
  contentToDraft,
  draftDiffersFrom,
  draftFieldErrors,
  newHonourKey,
  parseDraftValues,
  type FormDraft,
  type HonourRow,
  type ReportContent,
} from './draft';
import { fieldDomId, IndicatorField, type FieldComment } from './IndicatorField';
import { useReportFormCopy } from './messages';
import { numberToText } from './numberInput';
import { useAutosave } from './useAutosave';
import { formatDateTime, ValueHistoryDialog } from './ValueHistoryDialog';
import './reporting.css';

type ReportView = RouterOutputs['reports']['get'];

const timeOf = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

/** Comments of the latest review round, by field path ('' = the whole report). */
export function latestComments(comments: ReportView['comments']): Map<string, FieldComment[]> {
  const round = Math.max(-1, ...comments.map((c) => c.reviewRound));
  const map = new Map<string, FieldComment[]>();
  for (const c of comments) {
    if (c.reviewRound !== round) continue;
    map.set(c.fieldPath, [...(map.get(c.fieldPath) ?? []), { body: c.body, authorName: c.authorName }]);
  }
  return map;
}

/** Moves focus (and the view) to a field of the form by its path. */
export function focusField(path: string) {
  const el = document.getElementById(fieldDomId(path));
  if (el) {
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }
}

/**
 * The chair's editable report: fields by category, narrative, honours;
 * autosave with a visible state, a local backup, conflict resolution and submit.
 * The form's content stays in this component's state, so an expired login
 * (the re-login dialog opens over it) never wipes it.
 */
export function ReportForm({
  view,
  catalogue,
  schoolId,
  year,
  onSubmitted,
}: {
  view: ReportView;
  catalogue: readonly Indicator[];
  schoolId: number;
  year: number;
  onSubmitted: () => void;
}) {
  const { c, t, label, labelKey } = useReportFormCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const groups = useMemo(() => groupCatalogue(catalogue), [catalogue]);
  const serverContent = useMemo(() => contentOfReport(view.report), [view.report]);

  const [draft, setDraft] = useState<FormDraft>(() => contentToDraft(serverContent));
  const draftRef = useRef(draft);
  const [warnings, setWarnings] = useState<OutlierWarning[]>(view.warnings);
  const [backupOffer, setBackupOffer] = useState<DraftBackup | null>(() => {
    const backup = readBackup(schoolId, year);
    if (!backup) return null;
    if (!draftDiffersFrom(backup.draft, serverContent, catalogue)) {
      clearBackup(schoolId, year);
      return null;
    }
    return backup;
  });
  const [conflict, setConflict] = useState<{ message: string; theirs: ReportContent | null; version: number; reportId: number | null; locked: boolean } | null>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [historyFor, setHistoryFor] = useState<Indicator | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [submitProblems, setSubmitProblems] = useState<{ path: string; message: string }[] | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submit = useMutation(trpc.reports.submit.mutationOptions());
  const viewKey = trpc.reports.get.queryKey({ schoolId, year });

  const loadConflict = useCallback(
    async (message: string) => {
      setConflict({ message, theirs: null, version: 0, reportId: null, locked: false });
      setConflictOpen(true);
      try {
        const fresh = await queryClient.fetchQuery({ ...trpc.reports.get.queryOptions({ schoolId, year }), staleTime: 0 });
        setConflict({
          message,
          theirs: contentOfReport(fresh.report),
          version: fresh.report?.version ?? 0,
          reportId: fresh.report?.id ?? null,
          locked: !(fresh.status === 'draft' || fresh.status === 'returned' || fresh.status === 'not_started') || !(fresh.isOpen || fresh.report?.unlockedAt),
        });
      } catch (error) {
        setConflict({ message: describe(error)?.message ?? message, theirs: null, version: 0, reportId: null, locked: false });
      }
    },
    [describe, queryClient, schoolId, trpc.reports.get, year],
  );

  const autosave = useAutosave({
    schoolId,
    year,
    catalogue,
    initial: { content: serverContent, version: view.report?.version ?? 0, reportId: view.report?.id ?? null },
    getDraft: () => draftRef.current,
    onConflict: (message) => void loadConflict(message),
    onWarnings: setWarnings,
    // The page's status line (未开始 → 草稿) follows the first save; the form itself keeps its own state.
    onSaved: (result) => {
      if (result.status !== view.status) void queryClient.invalidateQueries({ queryKey: viewKey });
    },
  });
  const { state, heldBack, serverFieldErrors, edited, saveNow, flush, rebase } = autosave;

  const update = useCallback(
    (fn: (d: FormDraft) => FormDraft) => {
      const next = fn(draftRef.current);
      draftRef.current = next;
      setDraft(next);
      edited(next);
      setSubmitProblems(null);
    },
    [edited],
  );

  const onValue = useCallback((code: string, text: string) => update((d) => ({ ...d, values: { ...d.values, [code]: text } })), [update]);
  const onExplanation = useCallback((code: string, text: string) => update((d) => ({ ...d, explanations: { ...d.explanations, [code]: text } })), [update]);
  const onNarrative = (section: NarrativeSection, text: string) => update((d) => ({ ...d, narrative: { ...d.narrative, [section]: text } }));
  const onHonour = (key: string, patch: Partial<HonourRow>) => update((d) => ({ ...d, honours: d.honours.map((h) => (h.key === key ? { ...h, ...patch } : h)) }));
  const addHonour = () => {
    const key = newHonourKey();
    update((d) => ({ ...d, honours: [...d.honours, { key, title: '', level: 'county', kind: 'collective', recipient: '' }] }));
    requestAnimationFrame(() => document.getElementById(`honour-${key}-title`)?.focus());
  };
  const removeHonour = (key: string, index: number) => {
    update((d) => ({ ...d, honours: d.honours.filter((h) => h.key !== key) }));
    requestAnimationFrame(() => {
      const rows = document.querySelectorAll<HTMLInputElement>('.rf-honour input[id$="-title"]');
      (rows[Math.min(index, rows.length - 1)] ?? document.getElementById('rf-add-honour'))?.focus();
    });
  };
  const onHistory = useCallback((indicator: Indicator) => setHistoryFor(indicator), []);

  const fieldErrors = useMemo(() => ({ ...serverFieldErrors, ...draftFieldErrors(draft, catalogue) }), [draft, catalogue, serverFieldErrors]);
  const comments = useMemo(() => (view.status === 'returned' ? latestComments(view.comments) : new Map<string, FieldComment[]>()), [view.comments, view.status]);
  const warningsByCode = useMemo(() => new Map(warnings.map((w) => [w.code, w])), [warnings]);
  const noComments: FieldComment[] = useMemo(() => [], []);
  const previous = view.previousYearValues as IndicatorValues;
  const reportId = autosave.savedRef.current.reportId;

  // ---- backup ----
  const restoreBackup = () => {
    if (!backupOffer) return;
    const restored = backupOffer.draft;
    const stale = backupOffer.baseVersion !== autosave.savedRef.current.version;
    setBackupOffer(null);
    update(() => ({ ...restored, honours: restored.honours.map((h) => ({ ...h, key: h.key || newHonourKey() })) }));
    if (stale) {
      // The server copy changed after the backup was written: compare before saving anything.
      const copy = autosave.savedRef.current;
      autosave.markConflict(c.backupStale);
      setConflict({ message: c.backupStale, theirs: copy.content, version: copy.version, reportId: copy.reportId, locked: false });
      setConflictOpen(true);
    }
  };
  const discardBackup = () => {
    clearBackup(schoolId, year);
    setBackupOffer(null);
  };

  // ---- conflict ----
  const mineContent = useMemo(() => {
    const { values } = parseDraftValues(draft, catalogue);
    const base = buildSaveContent(draft, autosave.savedRef.current.content, catalogue).content;
    return { ...base, values: { ...base.values, ...values } };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, catalogue, conflict]);
  const resolveConflict = (merged: ReportContent) => {
    if (!conflict?.theirs) return;
    const next = contentToDraft(merged);
    draftRef.current = next;
    setDraft(next);
    const dirty = draftDiffersFrom(next, conflict.theirs, catalogue);
    rebase({ content: conflict.theirs, version: conflict.version, reportId: conflict.reportId }, dirty);
    setConflict(null);
    setConflictOpen(false);
  };

  // ---- import from summary ----
  const applyImport = (result: { values: IndicatorValues; narrative?: Narrative }) => {
    update((d) => {
      const values = { ...d.values };
      for (const [code, value] of Object.entries(result.values)) values[code] = numberToText(value);
      const narrative = { ...d.narrative };
      if (result.narrative) for (const s of narrativeSections) if (result.narrative[s]?.trim()) narrative[s] = result.narrative[s];
      return { ...d, values, narrative };
    });
    setImportOpen(false);
  };

  // ---- submit ----
  const startSubmit = () => {
    setSubmitError(null);
    const { values, invalid } = parseDraftValues(draft, catalogue);
    const problems = [
      ...invalid.map((code) => ({ path: `values.${code}`, message: fieldErrors[`values.${code}`] ?? code })),
      ...validateForSubmit(values, draft.narrative, catalogue),
      ...draft.honours.flatMap((h, i) => (h.title.trim() ? [] : [{ path: `honours.${h.key}`, message: `${c.honourNumber(i + 1)}：${c.honourTitleRequired}` }])),
    ];
    const seen = new Set<string>();
    const unique = problems.filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)));
    if (unique.length) {
      setSubmitProblems(unique);
      focusProblem(unique[0]!.path);
      return;
    }
    setSubmitProblems(null);
    setConfirmOpen(true);
  };
  const focusProblem = (path: string) => {
    if (path.startsWith('honours.')) {
      requestAnimationFrame(() => document.getElementById(`honour-${path.slice(8)}-title`)?.focus());
    } else requestAnimationFrame(() => focusField(path));
  };
  const confirmSubmit = async () => {
    setSubmitError(null);
    const allSaved = await flush();
    if (!allSaved || heldBack.length > 0) {
      setConfirmOpen(false);
      setSubmitError(c.submitBlocked);
      return;
    }
    try {
      await submit.mutateAsync({ schoolId, year, version: autosave.savedRef.current.version });
      clearBackup(schoolId, year);
      setConfirmOpen(false);
      await queryClient.invalidateQueries({ queryKey: viewKey });
      onSubmitted();
    } catch (error) {
      const described = describe(error);
      setConfirmOpen(false);
      if (described?.fieldErrors.length) {
        setSubmitProblems(described.fieldErrors);
        focusProblem(described.fieldErrors[0]!.path);
      } else setSubmitError(described?.message ?? '');
    }
  };

  const saveLabel = (() => {
    switch (state.status) {
      case 'saving':
        return c.saveState.saving;
      case 'saved':
        return heldBack.length ? c.saveState.heldBack : c.saveState.saved(timeOf(state.lastSavedAt ?? Date.now()));
      case 'dirty':
        return c.saveState.dirty;
      case 'retrying':
        return c.saveState.retrying;
      case 'conflict':
        return c.saveState.conflict;
      case 'blocked':
        return `${c.saveState.blocked}：${state.lastError ?? ''}`;
      case 'idle':
        return view.report ? c.saveState.idleSaved : c.saveState.idle;
    }
  })();
  const reportComments = comments.get('') ?? [];
  const fieldCommentCount = [...comments.entries()].filter(([k]) => k !== '').reduce((n, [, v]) => n + v.length, 0);

  return (
    <form
      className="report-form"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onBlur={(e) => {
        // Leaving a field saves at once (no need to wait for the debounce).
        if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) void saveNow();
      }}
    >
      <div className={`rf-bar rf-bar--${state.status}`} role="toolbar" aria-label={c.toolbar}>
        <p className="rf-bar__state" role="status" aria-live="polite" data-save-state={state.status}>
          <span className="rf-bar__dot" aria-hidden="true" />
          <span>{saveLabel}</span>
          {state.status === 'retrying' && state.lastError ? <span className="rf-bar__detail">{c.saveState.retryingDetail(state.lastError)}</span> : null}
        </p>
        <div className="rf-bar__actions">
          {state.status === 'conflict' ? (
            <button type="button" className="button button--small" onClick={() => setConflictOpen(true)}>
              {c.showConflict}
            </button>
          ) : state.status === 'retrying' || state.status === 'dirty' ? (
            <button type="button" className="button button--small button--secondary" onClick={() => void flush()}>
              {c.saveNow}
            </button>
          ) : null}
          <button type="button" className="button button--small button--secondary" onClick={() => setImportOpen(true)}>
            {c.importFromSummary}
          </button>
          <button type="button" className="button button--small" onClick={startSubmit} disabled={submit.isPending}>
            {submit.isPending ? c.submitting : c.submit}
          </button>
        </div>
      </div>

      {backupOffer ? (
        <div className="notice rf-backup" role="alert">
          <p>
            <strong>{c.backupTitle}</strong>
          </p>
          <p>{c.backupBody(formatDateTime(new Date(backupOffer.savedAt), labelKey))}</p>
          <div className="form-actions">
            <button type="button" className="button button--small" onClick={restoreBackup}>
              {c.backupRestore}
            </button>
            <button type="button" className="button button--small button--secondary" onClick={discardBackup}>
              {c.backupDiscard}
            </button>
          </div>
        </div>
      ) : null}

      {reportComments.length || fieldCommentCount ? (
        <section className="rf-report-comments" aria-labelledby="rf-report-comments-title">
          <h2 id="rf-report-comments-title">{c.reportComments}</h2>
          <p className="muted">{c.reportCommentsIntro}</p>
          {reportComments.map((cm, i) => (
            <blockquote key={i} lang="zh-CN">
              {cm.body}
            </blockquote>
          ))}
          {fieldCommentCount ? (
            <ul className="rf-report-comments__fields">
              {[...comments.entries()]
                .filter(([k]) => k !== '')
                .map(([path]) => (
                  <li key={path}>
                    <button type="button" className="link-button" onClick={() => focusField(path)}>
                      {fieldLabel(path, catalogue, labelKey, label, c.honoursTitle)}
                    </button>
                  </li>
                ))}
            </ul>
          ) : null}
          {fieldCommentCount ? <p className="muted">{c.fieldCommentsCount(fieldCommentCount)}</p> : null}
        </section>
      ) : null}

      {submitError ? (
        <div className="form-error" role="alert" tabIndex={-1}>
          <p className="form-error__title">{submitError}</p>
        </div>
      ) : null}
      {submitProblems ? (
        <div className="form-error rf-problems" role="alert">
          <p className="form-error__title">{c.submitProblemsTitle}</p>
          <ul>
            {submitProblems.map((p) => (
              <li key={p.path}>
                <button type="button" className="link-button" onClick={() => focusProblem(p.path)}>
                  {p.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section className="report-section" aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t('report.indicators')}</h2>
        <CategoryNav groups={groups} />
        {groups.map((group) => (
          <CategorySection key={group.category} group={group}>
            <div className="rf-grid">
              {group.indicators.map((indicator) => (
                <IndicatorField
                  key={indicator.code}
                  indicator={indicator}
                  text={draft.values[indicator.code] ?? ''}
                  previous={previous[indicator.code]}
                  error={fieldErrors[`values.${indicator.code}`]}
                  warning={warningsByCode.get(indicator.code)}
                  explanation={draft.explanations[indicator.code] ?? ''}
                  comments={comments.get(`values.${indicator.code}`) ?? noComments}
                  required={requiredForSubmit.includes(indicator.code)}
                  readOnly={false}
                  onChange={onValue}
                  onExplanation={onExplanation}
                  onHistory={reportId ? onHistory : null}
                />
              ))}
            </div>
          </CategorySection>
        ))}
      </section>

      <section className="report-section" aria-labelledby="narrative-title">
        <h2 id="narrative-title">{c.narrativeTitle}</h2>
        {narrativeSections.map((section) => {
          const path = `narrative.${section}`;
          const id = fieldDomId(path);
          const sectionComments = comments.get(path) ?? [];
          const error = submitProblems?.find((p) => p.path === path)?.message;
          return (
            <div key={section} className={`rf-narrative${sectionComments.length ? ' rf-field--commented' : ''}${error ? ' rf-field--invalid' : ''}`}>
              <label htmlFor={id} className="rf-field__label">
                {label(narrativeSectionLabels[section])}
                {section === 'achievements' ? <span className="rf-required">（{c.requiredMark}）</span> : null}
              </label>
              <p id={`${id}-help`} className="rf-help">
                {c.narrativeHint[section]}
              </p>
              {sectionComments.length ? (
                <div id={`${id}-comment`} className="rf-comment" role="note">
                  <span className="rf-comment__label">{c.commentFrom}：</span>
                  {sectionComments.map((cm, i) => (
                    <span key={i} className="rf-comment__body" lang="zh-CN">
                      {cm.body}
                    </span>
                  ))}
                </div>
              ) : null}
              <textarea
                id={id}
                lang="zh-CN"
                rows={section === 'achievements' ? 10 : 5}
                value={draft.narrative[section]}
                aria-describedby={[`${id}-help`, sectionComments.length ? `${id}-comment` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onNarrative(section, e.target.value)}
              />
              <p className="rf-count muted">{c.charCount(draft.narrative[section].length)}</p>
              {error ? (
                <p id={`${id}-error`} className="form-field__error">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </section>

      <section className="report-section" aria-labelledby="honours-title">
        <h2 id="honours-title">{c.honoursTitle}</h2>
        <p className="muted">{c.honoursIntro}</p>
        {comments.get('honours')?.length ? (
          <div id={fieldDomId('honours')} className="rf-comment" role="note" tabIndex={-1}>
            <span className="rf-comment__label">{c.commentFrom}：</span>
            {comments.get('honours')!.map((cm, i) => (
              <span key={i} className="rf-comment__body" lang="zh-CN">
                {cm.body}
              </span>
            ))}
          </div>
        ) : null}
        {draft.honours.length === 0 ? <p className="unfilled">{c.honoursEmpty}</p> : null}
        <ol className="rf-honours">
          {draft.honours.map((h, i) => (
            <li key={h.key} className="rf-honour">
              <fieldset>
                <legend>{c.honourNumber(i + 1)}</legend>
                <div className="rf-honour__grid">
                  <div className="form-field rf-honour__title">
                    <label htmlFor={`honour-${h.key}-title`}>{c.honourTitle}</label>
                    <input
                      id={`honour-${h.key}-title`}
                      value={h.title}
                      maxLength={200}
                      aria-invalid={!h.title.trim() && submitProblems ? true : undefined}
                      onChange={(e) => onHonour(h.key, { title: e.target.value })}
                    />
                  </div>
                  <div className="form-field">
                    <label htmlFor={`honour-${h.key}-level`}>{c.honourLevel}</label>
                    <select id={`honour-${h.key}-level`} value={h.level} onChange={(e) => onHonour(h.key, { level: e.target.value as HonourLevel })}>
                      {honourLevels.map((l) => (
                        <option key={l} value={l}>
                          {label(honourLevelLabels[l])}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form-field">
                    <label htmlFor={`honour-${h.key}-kind`}>{c.honourKind}</label>
                    <select id={`honour-${h.key}-kind`} value={h.kind} onChange={(e) => onHonour(h.key, { kind: e.target.value as HonourKind })}>
                      {honourKinds.map((k) => (
                        <option key={k} value={k}>
                          {label(honourKindLabels[k])}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form-field">
                    <label htmlFor={`honour-${h.key}-recipient`}>{c.honourRecipient}</label>
                    <input id={`honour-${h.key}-recipient`} value={h.recipient} maxLength={100} onChange={(e) => onHonour(h.key, { recipient: e.target.value })} />
                  </div>
                  <div className="rf-honour__remove">
                    <button type="button" className="button button--small button--danger" aria-label={c.removeHonourLabel(i + 1)} onClick={() => removeHonour(h.key, i)}>
                      {c.removeHonour}
                    </button>
                  </div>
                </div>
                {!h.title.trim() && (submitProblems || heldBack.includes('honours')) ? <p className="form-field__error">{c.honourTitleRequired}</p> : null}
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" id="rf-add-honour" className="button button--secondary" onClick={addHonour}>
          + {c.addHonour}
        </button>
      </section>

      {confirmOpen ? (
        <Modal title={c.submitConfirmTitle(year)} onClose={() => setConfirmOpen(false)} className="modal--narrow">
          <p className="modal__text">{c.submitConfirmBody}</p>
          {warnings.filter((w) => !(draft.explanations[w.code] ?? '').trim()).length ? (
            <p className="modal__text modal__text--warn">{c.submitConfirmWarnings(warnings.filter((w) => !(draft.explanations[w.code] ?? '').trim()).length)}</p>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button" data-autofocus onClick={() => void confirmSubmit()} disabled={submit.isPending}>
              {submit.isPending ? c.submitting : c.submitConfirm}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmOpen(false)}>
              {c.cancel}
            </button>
          </div>
        </Modal>
      ) : null}

      {conflict && conflictOpen ? (
        <ConflictDialog
          message={conflict.message}
          mine={mineContent}
          theirs={conflict.theirs}
          locked={conflict.locked}
          catalogue={catalogue}
          onResolve={resolveConflict}
          onReload={() => {
            setConflictOpen(false);
            void queryClient.invalidateQueries({ queryKey: viewKey });
          }}
          onClose={() => setConflictOpen(false)}
        />
      ) : null}

      {historyFor && reportId ? <ValueHistoryDialog reportId={reportId} indicator={historyFor} onClose={() => setHistoryFor(null)} /> : null}

      {importOpen ? (
        <NarrativeImportPanel year={year} catalogue={catalogue} currentValues={parseDraftValues(draft, catalogue).values} onApply={applyImport} onClose={() => setImportOpen(false)} />
      ) : null}
    </form>
  );
}

function fieldLabel(path: string, catalogue: readonly Indicator[], labelKey: 'zh' | 'en', label: (r: { zh: string; en: string }) => string, honours: string): string {
  const [kind, key] = path.split('.', 2) as [string, string | undefined];
  if (kind === 'values') {
    const indicator = catalogue.find((i) => i.code === key);
    return indicator ? (labelKey === 'en' ? indicator.nameEn : indicator.nameZh) : (key ?? path);
  }
  if (kind === 'narrative' && key) return label(narrativeSectionLabels[key as NarrativeSection]);
  return honours;
}
