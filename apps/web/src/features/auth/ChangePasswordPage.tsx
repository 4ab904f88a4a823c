import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newPasswordSchema } from '@union/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { fieldErrorMap, focusFirstInvalid, FormError, FormField, useDescribeError } from '../../ui/form';
import { Page, useDocumentTitle } from '../../ui/Page';
import { useMe } from './me';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** Change password: the forced first-login form, or from the user menu. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const me = useMe();
  const title = forced ? t('auth.forcedTitle') : t('auth.changePassword');
  useDocumentTitle(title);

  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const doneRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        setValues({ currentPassword: '', newPassword: '', confirm: '' });
        if (forced) {
          // The gate lets the user in once auth.me says the password is changed.
          await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
          return;
        }
        setDone(true);
        requestAnimationFrame(() => doneRef.current?.focus());
      },
      onError: () => focusFirstInvalid(formRef.current),
    }),
  );
  const serverError = describe(change.error);
  const serverFields = fieldErrorMap(serverError);
  const errorFor = (field: Field) => clientErrors[field] ?? (field === 'confirm' ? undefined : serverFields[field]);

  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setDone(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const checked = newPasswordSchema.safeParse(values.newPassword);
    const problems: Partial<Record<Field, string>> = {
      currentPassword: values.currentPassword ? undefined : t('auth.passwordRequired'),
      newPassword: checked.success ? undefined : checked.error.issues[0]?.message,
      confirm: values.confirm === values.newPassword ? undefined : t('auth.confirmMismatch'),
    };
    setClientErrors(problems);
    const first = (['currentPassword', 'newPassword', 'confirm'] as const).find((f) => problems[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    change.reset();
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  return (
    <Page title={title} lead={forced ? <p>{t('auth.forcedIntro')}</p> : undefined}>
      <form ref={formRef} className="panel form form--narrow" onSubmit={submit} noValidate>
        {done ? (
          <p ref={doneRef} tabIndex={-1} className="form-success" role="status">
            {t('auth.passwordChanged')}
          </p>
        ) : null}
        <FormError error={serverError} shownFields={Object.keys(serverFields)} />
        {/* For password managers: which account this password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <FormField label={t('auth.currentPassword')} error={errorFor('currentPassword')}>
          {(props) => (
            <input
              {...props}
              ref={refs.currentPassword}
              type="password"
              autoComplete="current-password"
              autoFocus={forced}
              maxLength={128}
              value={values.currentPassword}
              onChange={set('currentPassword')}
            />
          )}
        </FormField>
        <FormField label={t('auth.newPassword')} hint={t('auth.changePasswordIntro')} error={errorFor('newPassword')}>
          {(props) => (
            <input
              {...props}
              ref={refs.newPassword}
              type="password"
              autoComplete="new-password"
              maxLength={128}
              value={values.newPassword}
              onChange={set('newPassword')}
            />
          )}
        </FormField>
        <FormField label={t('auth.confirmPassword')} error={errorFor('confirm')}>
          {(props) => (
            <input {...props} ref={refs.confirm} type="password" autoComplete="new-password" maxLength={128} value={values.confirm} onChange={set('confirm')} />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {change.isPending ? t('auth.saving') : t('auth.saveNewPassword')}
          </button>
        </div>
      </form>
    </Page>
  );
}
