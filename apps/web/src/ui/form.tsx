import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { describeError, type DescribedError } from './states';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled form control with an optional hint and its error message right below it. */
export function FormField({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${error ? ' form-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
      {hint ? (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Server validation errors keyed by the input's last path segment
 * (`school.code` → `code`), so forms can show each beside its field.
 */
export function fieldErrorMap(described: DescribedError | null): Record<string, string> {
  const map: Record<string, string> = {};
  for (const f of described?.fieldErrors ?? []) {
    const key = f.path.split('.').pop() ?? f.path;
    // Beside its field the label is already there: drop the "字段名：" prefix the server adds.
    map[key] ??= f.message.replace(/^[^：:]{1,24}[：:]\s*/, '');
  }
  return map;
}

/** After a rejected save, move focus to the first field marked invalid (else the form's alert). */
export function focusFirstInvalid(form: HTMLElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"][tabindex]')?.focus());
}

export function useDescribeError() {
  const { t } = useI18n();
  return (error: unknown): DescribedError | null =>
    error ? describeError(error, { network: t('error.network'), generic: t('error.generic') }) : null;
}

/** The form-level error: the server's message, plus field messages not shown beside a field. */
export function FormError({ error, shownFields = [] }: { error: DescribedError | null; shownFields?: string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  const rest = error.fieldErrors.filter((f) => !shownFields.includes(f.path.split('.').pop() ?? f.path));
  if (error.fieldErrors.length === 0) {
    return (
      <div className="form-error" role="alert" tabIndex={-1}>
        <p className="form-error__title">{error.message}</p>
      </div>
    );
  }
  return (
    <div className="form-error" role="alert">
      <p className="form-error__title">{rest.length > 0 ? t('admin.formErrors') : t('admin.formErrorsBeside')}</p>
      {rest.length > 0 ? (
        <ul>
          {rest.map((f) => (
            <li key={f.path}>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
