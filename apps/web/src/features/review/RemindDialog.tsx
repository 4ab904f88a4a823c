import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/StatusBadge';
import { useReviewCopy } from './messages';
import { useRemindPreviewCopy } from './remind-messages';
import './remind.css';

/** The message a little after the admin stops typing, so the preview does not refetch on every key. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** 一键催报: the message, a preview of who gets what through which channel, then send. */
export function RemindDialog({ year, deadline, pending, onClose, onSent }: { year: number; deadline: string; pending: number; onClose: () => void; onSent: (n: number) => void }) {
  const { c } = useReviewCopy();
  const { p } = useRemindPreviewCopy();
  const trpc = useTRPC();
  const describe = useDescribeError();
  const [message, setMessage] = useState(() => c.remindDefault(year, deadline));
  const settled = useSettled(message.trim());
  const preview = useQuery({
    ...trpc.notifications.remindPreview.queryOptions({ year, message: settled }),
    enabled: settled.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const remind = useMutation(trpc.review.remind.mutationOptions());
  const error = describe(remind.error);
  const data = preview.data;
  const emailCount = data ? data.schools.reduce((n, s) => n + s.emails.length, 0) : 0;
  return (
    <Modal title={c.remindTitle} onClose={onClose} className="remind-dialog">
      <p className="modal__text">{c.remindIntro(pending)}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          remind.mutate({ year, message }, { onSuccess: (r) => onSent(r.schools) });
        }}
      >
        <div className="form-field review-comment">
          <label htmlFor="remind-message">{c.remindMessage}</label>
          <textarea id="remind-message" rows={4} maxLength={500} value={message} onChange={(e) => setMessage(e.target.value)} data-autofocus />
        </div>
        <section className="remind-preview" aria-labelledby="remind-preview-title" aria-busy={preview.isFetching}>
          <h3 id="remind-preview-title">{p.previewTitle}</h3>
          {preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : !data ? (
            <LoadingState label={p.previewLoading} />
          ) : data.schools.length === 0 ? (
            <p className="muted">{p.previewNone}</p>
          ) : (
            <>
              <p className="remind-preview__summary" role="status">
                {p.previewSummary(data.schools.length, emailCount, data.groups.length)}
              </p>
              {!data.emailActive ? <p className="muted">{p.emailOff}</p> : null}
              <div className="remind-preview__table">
                <table className="data-table">
                  <caption className="visually-hidden">{p.previewCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{p.colSchool}</th>
                      <th scope="col">{p.colStatus}</th>
                      <th scope="col">{p.colChannels}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.schools.map((s) => (
                      <tr key={s.schoolId}>
                        <th scope="row">{s.schoolName}</th>
                        <td>
                          <StatusBadge status={s.status} />
                        </td>
                        <td>
                          {p.inApp}
                          {s.emails.length ? `、${s.emails.join('、')}` : data.emailActive ? ` ${p.noEmail}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h4>{p.groupsTitle}</h4>
              {data.groups.length ? (
                <p>
                  {data.groups.map((g) => p.groupNames[g] ?? g).join('、')}：<span className="remind-preview__text">{data.groupMessage?.subject}</span>
                </p>
              ) : (
                <p className="muted">{p.noGroups}</p>
              )}
              {data.schoolMessage ? (
                <>
                  <h4>{p.sampleTitle}</h4>
                  <blockquote className="remind-preview__sample">
                    <strong>{data.schoolMessage.subject}</strong>
                    <br />
                    {data.schoolMessage.body}
                  </blockquote>
                  <p className="muted">{p.linkNote(data.publicUrl)}</p>
                </>
              ) : null}
            </>
          )}
        </section>
        {error ? (
          <div className="form-error" role="alert">
            <p className="form-error__title">{error.message}</p>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={remind.isPending || (data?.schools.length ?? 1) === 0}>
            {remind.isPending ? c.remindSending : c.remindSend}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {c.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
