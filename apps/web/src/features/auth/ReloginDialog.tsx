import { useQueryClient } from '@tanstack/react-query';
import { useSessionStore } from '../../app/providers';
import { useSessionState } from '../../app/session';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { Modal } from '../../ui/Modal';
import { LoginForm } from './LoginForm';
import { useMe } from './me';

/**
 * Shown over the current page when the server answers "not logged in" while a
 * user was working. Logging in again refetches what failed; the page (and what
 * was typed into it) stays mounted the whole time. Esc closes it and leaves a
 * banner, so text can still be copied out before logging in.
 */
export function ReloginDialog() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const store = useSessionStore();
  const state = useSessionState(store);
  const me = useMe();

  if (!state.expired) return null;
  if (state.dialogDismissed) {
    return (
      <div className="session-banner" role="status">
        <span>{t('auth.expiredBanner')}</span>
        <button type="button" className="button button--small" onClick={() => store.reopenDialog()}>
          {t('auth.relogin')}
        </button>
      </div>
    );
  }
  return (
    <Modal title={t('auth.expiredTitle')} onClose={() => store.dismissDialog()} className="modal--narrow" describedBy="relogin-body">
      <div id="relogin-body">
        <p className="modal__text">{t('auth.expiredBody')}</p>
        {state.failedChange ? <p className="modal__text modal__text--warn">{t('auth.expiredChange')}</p> : null}
      </div>
      <LoginForm
        initialUsername={me.username}
        onSuccess={(user) => {
          if (user.id !== me.id) {
            // Someone else logged in: start clean on their home page.
            window.location.assign('/');
            return;
          }
          queryClient.setQueryData(trpc.auth.me.queryKey(), user);
          store.resolved();
          void queryClient.invalidateQueries();
        }}
        extraActions={
          <button type="button" className="button button--secondary" onClick={() => store.dismissDialog()}>
            {t('auth.later')}
          </button>
        }
      />
    </Modal>
  );
}
