import type { ReactNode } from 'react';
import { FormField } from '../../../ui/form';

/** Errors beside a field: the message without the place the summary names (「第 1 类第 2 项：」). */
export const besideField = (message: string | undefined | null) => (message ? message.replace(/^第[^：]{1,20}[：:]\s*/, '') : null);

/** A number input: empty is NaN in the draft (the schema then says 请填写数字). */
export function NumberField({
  label,
  value,
  onChange,
  error,
  hint,
  min,
  max,
  step = 'any',
  nullable = false,
  className,
}: {
  label: ReactNode;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  min?: number;
  max?: number;
  step?: string;
  /** Empty means null (no cap) rather than "missing". */
  nullable?: boolean;
  className?: string;
}) {
  return (
    <FormField label={label} error={besideField(error)} hint={hint} className={className ?? 'editor-num'}>
      {(props) => (
        <input
          {...props}
          type="number"
          inputMode="decimal"
          step={step}
          {...(min === undefined ? {} : { min })}
          {...(max === undefined ? {} : { max })}
          value={value === null || Number.isNaN(value) ? '' : value}
          onChange={(e) => onChange(e.target.value === '' ? (nullable ? null : Number.NaN) : e.target.valueAsNumber)}
        />
      )}
    </FormField>
  );
}

export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  maxLength,
  multiline = false,
  className,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  maxLength?: number;
  multiline?: boolean;
  className?: string;
}) {
  return (
    <FormField label={label} error={besideField(error)} hint={hint} {...(className ? { className } : {})}>
      {(props) =>
        multiline ? (
          <textarea {...props} rows={2} lang="zh-CN" data-user-content="" value={value} {...(maxLength ? { maxLength } : {})} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...props} lang="zh-CN" data-user-content="" value={value} {...(maxLength ? { maxLength } : {})} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </FormField>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  error,
  hint,
  className,
}: {
  label: ReactNode;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  className?: string;
}) {
  return (
    <FormField label={label} error={besideField(error)} hint={hint} {...(className ? { className } : {})}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
