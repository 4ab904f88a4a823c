import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTRPC, type Me } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { FormField, useDescribeError } from '../../ui/form';

/**
 * Username + password. Used by the login page and by the re-login dialog.
 * The server's Chinese message (wrong password, too many attempts, disabled
 * account) is shown as it is; focus goes back to the field to fix.
 */
export function LoginForm({
  initialUsername = '',
  onSuccess,
  autoFocus = true,
  extraActions,
}: {
  initialUsername?: string;
  onSuccess: (me: Me) => void;
  autoFocus?: boolean;
  extraActions?: React.ReactNode;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const describe = useDescribeError();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertId = useId();
  const showId = useId();

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (me) => onSuccess(me),
      onError: () => {
        // Keep the username, select the password so it can be typed again at once.
        passwordRef.current?.focus();
        passwordRef.current?.select();
      },
    }),
  );
  const serverError = describe(login.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending) return;
    const problems = {
      username: username.trim() ? undefined : t('auth.usernameRequired'),
      password: password ? undefined : t('auth.passwordRequired'),
    };
    setMissing(problems);
    if (problems.username) return usernameRef.current?.focus();
    if (problems.password) return passwordRef.current?.focus();
    login.reset();
    login.mutate({ username: username.trim(), password });
  };

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-describedby={serverError ? alertId : undefined}>
      {serverError ? (
        <div id={alertId} className="form-error" role="alert">
          <p className="form-error__title">{serverError.message}</p>
        </div>
      ) : null}
      <FormField label={t('auth.username')} error={missing.username}>
        {(props) => (
          <input
            {...props}
            ref={usernameRef}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoFocus={autoFocus && !initialUsername}
            data-autofocus={autoFocus && !initialUsername ? true : undefined}
            maxLength={40}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('auth.password')} error={missing.password}>
        {(props) => (
          <input
            {...props}
            ref={passwordRef}
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            autoFocus={autoFocus && Boolean(initialUsername)}
            data-autofocus={autoFocus && initialUsername ? true : undefined}
            maxLength={128}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </FormField>
      <div className="checkbox">
        <input id={showId} type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
        <label htmlFor={showId}>{t('auth.showPassword')}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--wide" disabled={login.isPending} aria-disabled={login.isPending}>
          {login.isPending ? t('auth.submitting') : t('auth.submit')}
        </button>
        {extraActions}
      </div>
    </form>
  );
}
