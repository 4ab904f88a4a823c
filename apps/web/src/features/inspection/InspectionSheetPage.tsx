import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isInspectedItem, scoreRubricV2, verificationMethodLabels, type RaterItemInput } from '@union/domain';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { useMe } from '../auth/me';
import { useI18n } from '../../i18n';
import { EvidenceAttachments } from '../../ui/evidence/EvidenceAttachments';
import { FormError, useDescribeError } from '../../ui/form';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { Page, useDocumentTitle } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/states';
import { useInspectionCopy } from './messages';
import { ScoreInputs } from './ScoreInputs';
import './inspection.css';

type Sheet = RouterOutputs['inspection']['sheet'];
type Column = Record<string, RaterItemInput>;

const columnOf = (sheet: Sheet): Column => Object.fromEntries(sheet.items.flatMap((i) => (i.inspection ? [[i.item.id, i.inspection]] : [])));

/** One report's 考评: items by category with 自评, evidence, points and a note; submit (inspector) or confirm/publish (admin). */
export function InspectionSheetPage() {
  const { reportId: param } = useParams();
  const reportId = Number(param);
  const trpc = useTRPC();
  const sheet = useQuery({ ...trpc.inspection.sheet.queryOptions({ reportId }), enabled: Number.isInteger(reportId) && reportId > 0 });
  const c = useInspectionCopy();
  useDocumentTitle(sheet.data ? c.sheetTitle(sheet.data.schoolName) : c.mineTitle);
  if (!Number.isInteger(reportId) || reportId <= 0) return <NotFoundPage />;
  if (sheet.isError) return <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />;
  if (sheet.isPending) return <LoadingState />;
  return <SheetForm key={sheet.data.reportId} sheet={sheet.data} />;
}

function SheetForm({ sheet }: { sheet: Sheet }) {
  const c = useInspectionCopy();
  const { label } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const [draft, setDraft] = useState<Column>(() => columnOf(sheet));
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inspection.sheet.queryKey({ reportId: sheet.reportId }) });
  const save = useMutation(trpc.inspection.save.mutationOptions());
  const submit = useMutation(trpc.inspection.submit.mutationOptions());
  const confirm = useMutation(trpc.inspection.confirm.mutationOptions());
  const publish = useMutation(trpc.inspection.publish.mutationOptions());
  const reopen = useMutation(trpc.inspection.reopen.mutationOptions());
  const error = [save, submit, confirm, publish, reopen].find((m) => m.isError)?.error ?? null;
  const busy = [save, submit, confirm, publish, reopen].some((m) => m.isPending);
  useEffect(() => setNotice(null), [draft]);

  const canEdit = sheet.may.edit;
  const { role } = useMe();
  // The draft's total as typed: the domain's own scoring of this column, on-site items only.
  const live = useMemo(() => {
    const column = scoreRubricV2(sheet.rubric, { ratings: { [sheet.raterId]: draft } }).raters.find((r) => r.raterId === sheet.raterId)!;
    return Math.round(column.items.reduce((sum, item, i) => sum + (isInspectedItem(sheet.rubric.items[i]!) ? item.earned : 0), 0) * 100) / 100;
  }, [draft, sheet.rubric, sheet.raterId]);
  const persist = async () => {
    await save.mutateAsync({ reportId: sheet.reportId, ratings: draft });
    setDirty(false);
  };
  const act = async (run: () => Promise<unknown>, done: string) => {
    [save, submit, confirm, publish, reopen].forEach((m) => m.reset());
    try {
      await run();
      setNotice(done);
      await refresh();
    } catch {
      // Shown by FormError below.
    }
  };

  return (
    <Page
      title={c.sheetTitle(sheet.schoolName)}
      before={
        <p className="insp-back">
          {role === 'district_admin' ? <Link to="/admin/inspection-teams">← {c.teamsTitle}</Link> : <Link to="/inspection">← {c.mineTitle}</Link>}
        </p>
      }
      lead={
        <>
          <p>{c.sheetLead(sheet.year, sheet.raterLabel)}</p>
          <p className={`insp-state insp-state--${sheet.state}`} data-testid="inspection-state">
            {c.state(sheet.state)}
          </p>
        </>
      }
    >
      {sheet.categories.map((category) => (
        <section key={category.id} className="insp-category" aria-labelledby={`cat-${category.id}`}>
          <h2 id={`cat-${category.id}`} data-user-content>
            {category.titleZh}
          </h2>
          {sheet.items
            .filter((row) => row.item.category === category.id)
            .map((row) => {
              const item = row.item;
              const basis = 'basisZh' in item ? item.basisZh : '';
              const methods = 'verification' in item ? item.verification : [];
              return (
                <article key={item.id} className="insp-item" data-item={item.id}>
                  <header className="insp-item__head">
                    <h3 data-user-content>{item.titleZh}</h3>
                    <span className="insp-item__points">{c.points(row.max)}</span>
                  </header>
                  {basis || item.noteZh ? (
                    <p className="insp-item__basis">
                      {basis ? (
                        <>
                          {c.basis}{c.colon}<span data-user-content>{basis}</span>{' '}
                        </>
                      ) : null}
                      {item.noteZh ? <span data-user-content>{item.noteZh}</span> : null}
                    </p>
                  ) : null}
                  {methods.length ? <p className="insp-item__methods">{methods.map((m) => label(verificationMethodLabels[m])).join(' · ')}</p> : null}
                  {sheet.selfLabel ? (
                    <p className="insp-item__self">
                      {c.selfScore(sheet.selfLabel)}{c.colon}{row.selfEarned === null ? c.notRated : c.of(row.selfEarned, row.max)}
                    </p>
                  ) : null}
                  <EvidenceAttachments reportId={sheet.reportId} target={{ kind: 'rubric_item', key: item.id }} canEdit={false} title={c.evidence} />
                  <ScoreInputs
                    item={item}
                    value={draft[item.id]}
                    disabled={!canEdit || busy}
                    withNote
                    onChange={(next) => {
                      setDraft((d) => {
                        const copy = { ...d };
                        if (Object.keys(next).length) copy[item.id] = next;
                        else delete copy[item.id];
                        return copy;
                      });
                      setDirty(true);
                    }}
                  />
                  {!canEdit && row.lines.length ? <p className="insp-item__lines">{row.lines.join('；')}</p> : null}
                </article>
              );
            })}
        </section>
      ))}

      <div className="insp-actions" role="group" aria-label={c.actionsCol}>
        <p className="insp-actions__total" data-testid="inspection-total">
          {c.total(live, sheet.totals.max)}
        </p>
        <FormError error={error ? describe(error) : null} />
        {notice ? (
          <p className="insp-notice" role="status">
            {notice}
          </p>
        ) : null}
        {canEdit ? (
          confirming ? (
            <div className="insp-confirm">
              <p>{c.submitConfirm}</p>
              <button type="button" className="button" disabled={busy} onClick={() => void act(async () => (await persist(), submit.mutateAsync({ reportId: sheet.reportId })), c.submitted)}>
                {c.submit}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                {c.cancel}
              </button>
            </div>
          ) : (
            <div className="insp-buttons">
              <button type="button" className="button button--secondary" disabled={busy || !dirty} onClick={() => void act(persist, c.saved)}>
                {save.isPending ? c.saving : c.save}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
                {c.submit}
              </button>
            </div>
          )
        ) : null}
        {!canEdit && sheet.state === 'submitted' && !sheet.may.confirm ? <p className="muted">{c.readOnly}</p> : null}
        {sheet.may.confirm || sheet.may.publish || sheet.may.reopen ? (
          <div className="insp-buttons">
            {sheet.may.confirm ? (
              <button type="button" className="button" disabled={busy} onClick={() => void act(() => confirm.mutateAsync({ reportId: sheet.reportId }), c.confirmed)}>
                {c.confirm}
              </button>
            ) : null}
            {sheet.may.publish ? (
              <button type="button" className="button" disabled={busy} onClick={() => void act(() => publish.mutateAsync({ reportId: sheet.reportId }), c.published)}>
                {c.publish}
              </button>
            ) : null}
            {sheet.may.reopen ? (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void act(() => reopen.mutateAsync({ reportId: sheet.reportId }), c.state('scoring'))}>
                {c.reopen}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </Page>
  );
}
