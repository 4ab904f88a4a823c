import { TRPCClientError } from '@trpc/client';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state--empty" role="status">
      <p className="state__title">{title}</p>
      {children ? <div className="state__body">{children}</div> : null}
      {action ? <div className="state__actions">{action}</div> : null}
    </div>
  );
}

interface FieldError {
  path: string;
  message: string;
}

export interface DescribedError {
  message: string;
  fieldErrors: FieldError[];
}

/**
 * The server already words its errors in Chinese (with field errors naming the
 * field), so show them as they are; only transport failures get our own text.
 */
export function describeError(error: unknown, fallback: { network: string; generic: string }): DescribedError {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: FieldError[] | null; httpStatus?: number } | undefined | null;
    if (data) return { message: error.message, fieldErrors: data.fieldErrors ?? [] };
    // No error shape: the request never reached tRPC (offline, proxy, non-JSON answer).
    return { message: fallback.network, fieldErrors: [] };
  }
  return { message: fallback.generic, fieldErrors: [] };
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  const { message, fieldErrors } = describeError(error, { network: t('error.network'), generic: t('error.generic') });
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title ?? t('error.title')}</p>
      <p className="state__body">{message}</p>
      {fieldErrors.length > 0 ? (
        <>
          <p className="state__body">{t('error.fieldErrors')}</p>
          <ul className="state__list">
            {fieldErrors.map((f) => (
              <li key={f.path}>{f.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {onRetry ? (
        <div className="state__actions">
          <button type="button" className="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
