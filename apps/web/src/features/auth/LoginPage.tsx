import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { useDocumentTitle } from '../../ui/Page';
import { LoadingState } from '../../ui/states';
import { LoginForm } from './LoginForm';
import { safeNextPath } from './me';

export function LoginPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: Infinity });
  useDocumentTitle(t('auth.loginTitle'));

  if (me.data) return <Navigate to={next ?? '/'} replace />;

  return (
    <div className="login-layout">
      <header className="login-layout__header">
        <span className="brand__name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-layout__main">
        <div className="login-card">
          <h1 className="login-card__title">{t('auth.loginTitle')}</h1>
          <p className="login-card__intro">{t('auth.loginIntro')}</p>
          {me.isPending ? (
            <LoadingState label={t('auth.checking')} />
          ) : (
            <LoginForm
              onSuccess={(user) => {
                // Nothing cached from an earlier account may leak into this one.
                queryClient.removeQueries();
                queryClient.setQueryData(trpc.auth.me.queryKey(), user);
                void navigate(next ?? '/', { replace: true });
              }}
            />
          )}
          <p className="login-card__help">{t('auth.forgot')}</p>
        </div>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
