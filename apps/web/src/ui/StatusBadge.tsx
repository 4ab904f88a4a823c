import { reportProgressLabels, type ReportProgress } from '@union/domain';
import { useI18n } from '../i18n';

/**
 * A report's progress as a coloured pill; the text alone carries the meaning.
 * In a year closed for reporting a report never started is missing (缺报), not 未开始.
 */
export function StatusBadge({ status, closed = false }: { status: ReportProgress; closed?: boolean }) {
  const { label, t } = useI18n();
  if (closed && status === 'not_started') return <span className="badge badge--missing">{t('report.missing')}</span>;
  return <span className={`badge badge--${status}`}>{label(reportProgressLabels[status])}</span>;
}
