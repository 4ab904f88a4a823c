import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  narrativeSections,
  requiredForSubmit,
  validateForSubmit,
  type Indicator,
  type IndicatorValues,
  type Narrative,
  type NarrativeSection,
  type OutlierWarning,
  type ValueSourceInput,
} from '@union/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { Modal } from '../../ui/Modal';
import { useDescribeError } from '../../ui/form';
import { NarrativeImportPanel } from '../narrative-import/NarrativeImportPanel';
import { BackupNotice } from './BackupNotice';
import { readBackup, clearBackup, type DraftBackup } from './backup';
import { CategoryNav, CategorySection, groupCatalogue } from './categories';
import { ConflictDialog } from './ConflictDialog';
import { buildSaveContent, contentOfReport, contentToDraft, draftDiffersFrom, draftFieldErrors, newHonourKey, parseDraftValues, type FormDraft, type ReportContent } from './draft';
import { focusField } from './focus';
import { FormToolbar } from './FormToolbar';
import { HonoursFields } from './HonoursFields';
import { IndicatorField, type FieldComment } from './IndicatorField';
import { useReportFormCopy } from './messages';
import { NarrativeFields } from './NarrativeFields';
import { numberToText } from './numberInput';
import { latestComments, ReportComments } from './ReportComments';
import { SubmitProblems, type SubmitProblem } from './SubmitProblems';
import { useAutosave } from './useAutosave';
import { ValueHistoryDialog } from './ValueHistoryDialog';
import './reporting.css';

export { latestComments } from './ReportComments';

type ReportView = RouterOutputs['reports']['get'];

/** What the import dialog puts into the draft. */
export interface ImportedContent {
  values: IndicatorValues;
  narrative?: Narrative;
  sources?: Record<string, ValueSourceInput>;
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
  const { c, t, labelKey } = useReportFormCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const groups = useMemo(() => groupCatalogue(catalogue), [catalogue]);
  const serverContent = useMemo(() => contentOfReport(view.report), [view.report]);
  const formRef = useRef<HTMLFormElement>(null);

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
  const [submitProblems, setSubmitProblems] = useState<SubmitProblem[] | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submit = useMutation(trpc.reports.submit.mutationOptions());
  const viewKey = trpc.reports.get.queryKey({ schoolId, year });

  // The sticky toolbar's height, so headings and the problems list scroll to just below it (scroll-margin-top).
  useEffect(() => {
    const form = formRef.current;
    const bar = form?.querySelector<HTMLElement>('.rf-bar');
    if (!form || !bar || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => form.style.setProperty('--rf-bar-height', `${bar.offsetHeight}px`));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

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
    onSaved: (result) => {
      // The page's status line (未开始 → 草稿) follows the first save; the form itself keeps its own state.
      if (result.status !== view.status) void queryClient.invalidateQueries({ queryKey: viewKey });
      // Imported values the server now holds: accepted now (the server keeps the first time).
      const saved = autosave.savedRef.current.content.sources;
      const at = new Date().toISOString();
      const current = draftRef.current.sources ?? {};
      if (Object.keys(current).some((code) => saved[code] && !current[code]!.acceptedAt)) {
        const sources = Object.fromEntries(Object.entries(current).map(([code, s]) => [code, saved[code] && !s.acceptedAt ? { ...s, acceptedAt: at } : s]));
        draftRef.current = { ...draftRef.current, sources };
        setDraft(draftRef.current);
      }
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

  // Typing over an imported value: the sentence no longer says what the field holds.
  const onValue = useCallback(
    (code: string, text: string) =>
      update((d) => {
        const sources = { ...d.sources };
        delete sources[code];
        return { ...d, values: { ...d.values, [code]: text }, sources };
      }),
    [update],
  );
  const onExplanation = useCallback((code: string, text: string) => update((d) => ({ ...d, explanations: { ...d.explanations, [code]: text } })), [update]);
  const onNarrative = (section: NarrativeSection, text: string) => update((d) => ({ ...d, narrative: { ...d.narrative, [section]: text } }));
  const onHistory = useCallback((indicator: Indicator) => setHistoryFor(indicator), []);

  // Submit problems show beside their fields too (a required field left empty has no draft error).
  const fieldErrors = useMemo(() => {
    const errors: Record<string, string> = {};
    for (const p of submitProblems ?? []) errors[p.path] = p.message;
    return { ...errors, ...serverFieldErrors, ...draftFieldErrors(draft, catalogue) };
  }, [draft, catalogue, serverFieldErrors, submitProblems]);
  const comments = useMemo(() => (view.status === 'returned' ? latestComments(view.comments) : new Map<string, FieldComment[]>()), [view.comments, view.status]);
  const warningsByCode = useMemo(() => new Map(warnings.map((w) => [w.code, w])), [warnings]);
  const noComments: FieldComment[] = useMemo(() => [], []);
  const previous = view.previousYearValues as IndicatorValues;
  const reportId = autosave.savedRef.current.reportId;
  const heldBackNames = useMemo(() => {
    const names = new Map(catalogue.map((i) => [`values.${i.code}`, labelKey === 'en' ? i.nameEn : i.nameZh]));
    return heldBack.map((path) => (path === 'honours' ? c.honoursTitle : (names.get(path) ?? path)));
  }, [heldBack, catalogue, labelKey, c.honoursTitle]);

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
    return { ...base, values: { ...base.values, ...values }, sources: { ...draft.sources } };
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
  const applyImport = (result: ImportedContent) => {
    update((d) => {
      const values = { ...d.values };
      const sources = { ...d.sources };
      for (const [code, value] of Object.entries(result.values)) {
        values[code] = numberToText(value);
        const source = result.sources?.[code];
        if (source && source.value === value) sources[code] = source;
        else delete sources[code];
      }
      const narrative = { ...d.narrative };
      if (result.narrative) for (const s of narrativeSections) if (result.narrative[s]?.trim()) narrative[s] = result.narrative[s];
      return { ...d, values, narrative, sources };
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
      // The list scrolls into view and takes the focus itself (SubmitProblems).
      setSubmitProblems(unique);
      return;
    }
    setSubmitProblems(null);
    setConfirmOpen(true);
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
      if (described?.fieldErrors.length) setSubmitProblems(described.fieldErrors);
      else setSubmitError(described?.message ?? '');
    }
  };
  const unexplained = warnings.filter((w) => !(draft.explanations[w.code] ?? '').trim()).length;

  return (
    <form
      ref={formRef}
      className="report-form"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onBlur={(e) => {
        // Leaving a field saves at once (no need to wait for the debounce).
        if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) void saveNow();
      }}
    >
      <FormToolbar
        state={state}
        heldBack={heldBackNames}
        hasReport={view.report !== null}
        hasLocalDraft={backupOffer !== null}
        submitting={submit.isPending}
        onShowConflict={() => setConflictOpen(true)}
        onSaveNow={() => void flush()}
        onImport={() => setImportOpen(true)}
        onSubmit={startSubmit}
      />

      {backupOffer ? <BackupNotice savedAt={backupOffer.savedAt} onRestore={restoreBackup} onDiscard={discardBackup} /> : null}

      <ReportComments comments={comments} catalogue={catalogue} />

      {submitError ? (
        <div className="form-error" role="alert" tabIndex={-1}>
          <p className="form-error__title">{submitError}</p>
        </div>
      ) : null}
      {submitProblems ? <SubmitProblems problems={submitProblems} onChoose={focusField} /> : null}

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
                  source={draft.sources?.[indicator.code]}
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

      <NarrativeFields
        narrative={draft.narrative}
        comments={comments}
        errors={fieldErrors}
        onChange={onNarrative}
        // With one field unlocked after approval, only that section's evidence may change (the server agrees).
        evidence={{ reportId, canEdit: (section) => !view.report?.unlockedField || view.report.unlockedField === `narrative.${section}` }}
      />

      <HonoursFields honours={draft.honours} comments={comments.get('honours') ?? noComments} showTitleErrors={Boolean(submitProblems) || heldBack.includes('honours')} update={update} />

      {confirmOpen ? (
        <Modal title={c.submitConfirmTitle(year)} onClose={() => setConfirmOpen(false)} className="modal--narrow">
          <p className="modal__text">{c.submitConfirmBody}</p>
          {unexplained ? <p className="modal__text modal__text--warn">{c.submitConfirmWarnings(unexplained)}</p> : null}
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
