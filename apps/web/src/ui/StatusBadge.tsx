import { reportProgressLabels, type ReportProgress } from '@union/domain';
import { useI18n } from '../i18n';

/** A report's progress as a coloured pill; the text alone carries the meaning. */
export function StatusBadge({ status }: { status: ReportProgress }) {
  const { label } = useI18n();
  return <span className={`badge badge--${status}`}>{label(reportProgressLabels[status])}</span>;
}
