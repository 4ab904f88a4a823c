import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { FormError, FormField, fieldErrorMap, useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { formatDeadline } from '../../ui/format';
import '../reports/reporting.css';
import { useYearsCopy } from './messages';

interface YearRow {
  year: number;
  deadline: string;
  isOpen: boolean;
  publishedToChairs: boolean;
  reviewSteps: 1 | 2;
}

/** Reporting years: list, create with a deadline, edit deadline / open / published. */
export function YearsAdminPage() {
  const { c, labelKey } = useYearsCopy();
  const trpc = useTRPC();
  const years = useQuery({ ...trpc.reports.years.queryOptions(), staleTime: 0 });
  const [editing, setEditing] = useState<YearRow | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(c.title);
  return (
    <Page title={c.title} lead={<p>{c.intro}</p>}>
      <div className="toolbar toolbar--end">
        <button type="button" className="button" onClick={() => setEditing('new')}>
          + {c.create}
        </button>
      </div>
      {notice ? (
        <p className="form-success" role="status">
          {notice}
        </p>
      ) : null}
      {years.isError ? (
        <ErrorState error={years.error} onRetry={() => void years.refetch()} />
      ) : years.isPending ? (
        <LoadingState />
      ) : years.data.length === 0 ? (
        <EmptyState title={c.empty} />
      ) : (
        <table className="data-table card-table years-table">
          <caption className="visually-hidden">{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.colYear}</th>
              <th scope="col">{c.colDeadline}</th>
              <th scope="col">{c.colOpen}</th>
              <th scope="col">{c.colPublished}</th>
              <th scope="col">{c.colSteps}</th>
              <th scope="col">
                <span className="visually-hidden">{c.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {years.data.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td data-label={c.colDeadline}>{formatDeadline(y.deadline, labelKey)}</td>
                <td data-label={c.colOpen}>{y.isOpen ? <span className="tag tag--ok">{c.open}</span> : <span className="tag tag--off">{c.closed}</span>}</td>
                <td data-label={c.colPublished}>{y.publishedToChairs ? c.published : c.unpublished}</td>
                <td data-label={c.colSteps}>{y.reviewSteps === 2 ? c.twoSteps : c.oneStep}</td>
                <td className="actions-cell">
                  <button type="button" className="button button--small button--secondary" aria-label={c.editFor(y.year)} onClick={() => setEditing(y)}>
                    {c.edit}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <YearDialog
          row={editing === 'new' ? null : editing}
          suggestedYear={Math.max(new Date().getFullYear(), ...(years.data ?? []).map((y) => y.year + 1))}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
          }}
        />
      ) : null}
    </Page>
  );
}

function YearDialog({ row, suggestedYear, onClose, onDone }: { row: YearRow | null; suggestedYear: number; onClose: () => void; onDone: (message: string) => void }) {
  const { c } = useYearsCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const [year, setYear] = useState(String(row?.year ?? suggestedYear));
  const [deadline, setDeadline] = useState(row?.deadline ?? `${suggestedYear + 1}-03-31`);
  const [isOpen, setIsOpen] = useState(row?.isOpen ?? true);
  const [published, setPublished] = useState(row?.publishedToChairs ?? false);
  const [reviewSteps, setReviewSteps] = useState<1 | 2>(row?.reviewSteps ?? 1);
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useMutation(trpc.years.create.mutationOptions());
  const update = useMutation(trpc.years.update.mutationOptions());
  const failed = describe(create.error ?? update.error);
  const errors = { ...fieldErrorMap(failed), ...local };
  const pending = create.isPending || update.isPending;

  const submit = async () => {
    const y = Number(year);
    const problems: Record<string, string> = {};
    if (!/^\d{4}$/.test(year.trim()) || y < 2000 || y > 2100) problems.year = c.yearInvalid;
    if (!deadline) problems.deadline = c.deadlineRequired;
    setLocal(problems);
    if (Object.keys(problems).length) return;
    try {
      if (row) await update.mutateAsync({ year: row.year, deadline, isOpen, publishedToChairs: published, reviewSteps });
      else {
        await create.mutateAsync({ year: y, deadline });
        if (published || reviewSteps !== 1) await update.mutateAsync({ year: y, deadline, isOpen, publishedToChairs: published, reviewSteps });
      }
      await queryClient.invalidateQueries({ queryKey: trpc.reports.years.queryKey() });
      onDone(row ? c.saved(row.year) : c.created(y));
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <Modal title={row ? c.editTitle(row.year) : c.createTitle} onClose={onClose} className="modal--narrow">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {row ? null : (
          <FormField label={c.year} hint={c.yearHint} error={errors.year}>
            {(p) => <input {...p} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} maxLength={4} />}
          </FormField>
        )}
        <FormField label={c.deadline} error={errors.deadline}>
          {(p) => <input {...p} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        </FormField>
        {row ? (
          <label className="checkbox">
            <input type="checkbox" checked={isOpen} onChange={(e) => setIsOpen(e.target.checked)} />
            <span>{c.isOpen}</span>
          </label>
        ) : null}
        <FormField label={c.reviewSteps} hint={c.stepsHint} error={errors.reviewSteps}>
          {(p) => (
            <select {...p} value={reviewSteps} onChange={(e) => setReviewSteps(e.target.value === '2' ? 2 : 1)}>
              <option value={1}>{c.oneStep}</option>
              <option value={2}>{c.twoSteps}</option>
            </select>
          )}
        </FormField>
        <label className="checkbox">
          <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />
          <span>{c.publishedLabel}</span>
        </label>
        <FormError error={failed} shownFields={Object.keys(errors)} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={pending}>
            {pending ? c.saving : c.save}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {c.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
