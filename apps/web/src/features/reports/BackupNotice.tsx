import { formatDateTime } from './ValueHistoryDialog';
import { useReportFormCopy } from './messages';

/** 「发现未保存的本地草稿」: changes this browser kept that the server does not have, to restore or discard. */
export function BackupNotice({ savedAt, onRestore, onDiscard }: { savedAt: number; onRestore(): void; onDiscard(): void }) {
  const { c, labelKey } = useReportFormCopy();
  return (
    <div className="notice rf-backup" role="alert">
      <p>
        <strong>{c.backupTitle}</strong>
      </p>
      <p>{c.backupBody(formatDateTime(new Date(savedAt), labelKey))}</p>
      <div className="form-actions">
        <button type="button" className="button button--small" onClick={onRestore}>
          {c.backupRestore}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onDiscard}>
          {c.backupDiscard}
        </button>
      </div>
    </div>
  );
}
