import { useQuery } from '@tanstack/react-query';
import type { Indicator } from '@union/domain';
import { useTRPC } from '../../app/trpc';
import { Modal } from '../../ui/Modal';
import { ErrorState, LoadingState } from '../../ui/states';
import { formatIndicatorValue } from '../../ui/format';
import { useReportFormCopy } from './messages';

export function formatDateTime(value: string | Date | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A date and a time that may go on two lines at the space between them, never inside either. */
function DateTime({ text }: { text: string }) {
  const cut = text.lastIndexOf(' ');
  if (cut < 0) return <span>{text}</span>;
  return (
    <>
      <span>{text.slice(0, cut)}</span> <span>{text.slice(cut + 1)}</span>
    </>
  );
}

/** Who changed one field from what to what and when (the audit trail). */
export function ValueHistoryDialog({ reportId, indicator, onClose }: { reportId: number; indicator: Indicator; onClose: () => void }) {
  const { c, t, labelKey } = useReportFormCopy();
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.reports.valueHistory.queryOptions({ reportId, code: indicator.code }), staleTime: 0 });
  const name = labelKey === 'en' ? indicator.nameEn : indicator.nameZh;
  const show = (v: number | null) => formatIndicatorValue(v, indicator, labelKey) ?? t('common.noValue');
  return (
    <Modal title={c.historyTitle(name)} onClose={onClose} className="modal--narrow">
      {history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p className="modal__text">{c.historyEmpty}</p>
      ) : (
        <div className="value-history__scroll">
          <table className="data-table value-history">
            <caption className="visually-hidden">{c.historyCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.historyWhen}</th>
                <th scope="col">{c.historyWho}</th>
                <th scope="col" className="num">
                  {c.historyFrom}
                </th>
                <th scope="col" className="num">
                  {c.historyTo}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((h, i) => (
                <tr key={i}>
                  <td className="value-history__when">
                    <DateTime text={formatDateTime(h.at, labelKey)} />
                  </td>
                  <td className="value-history__who">{h.displayName || h.username}</td>
                  <td className="num">{show(h.from)}</td>
                  <td className="num">{show(h.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}
