import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { AppShell } from '../../app/AppShell';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { ErrorState, LoadingState } from '../../ui/states';
import { ChangePasswordPage } from './ChangePasswordPage';
import { MeProvider } from './me';

/**
 * The auth gate: `auth.me` decides. No user → the login page (with where the
 * user was going); a user who must change the initial password → that form
 * and nothing else; otherwise the app. `auth.me` is never refetched behind the
 * user's back, so an expired session shows the re-login dialog (see
 * ReloginDialog) instead of unmounting the page.
 */
export function RequireAuth() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: Infinity, retry: 1 });

  if (me.isPending) {
    return (
      <div className="gate">
        <LoadingState label={t('auth.checking')} />
      </div>
    );
  }
  if (me.data === undefined) {
    return (
      <div className="gate">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <MeProvider me={me.data}>
      {me.data.mustChangePassword ? (
        <AppShell restricted>
          <ChangePasswordPage forced />
        </AppShell>
      ) : (
        <AppShell />
      )}
    </MeProvider>
  );
}
