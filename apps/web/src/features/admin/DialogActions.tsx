import { useI18n } from '../../i18n';

/** 保存 (or another submit label) and 取消 under an admin dialog's form. */
export function DialogActions({ pending, onCancel, submitLabel }: { pending: boolean; onCancel: () => void; submitLabel?: string }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('admin.saving') : (submitLabel ?? t('admin.save'))}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('admin.cancel')}
      </button>
    </div>
  );
}
