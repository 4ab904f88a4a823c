import { useMutation } from '@tanstack/react-query';
import { roleLabels } from '@union/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { useMe } from './me';

/** A disclosure in the header: who is logged in, 修改密码, 退出登录. Esc or a click outside closes it. */
export function UserMenu({ restricted = false }: { restricted?: boolean }) {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const { pathname } = useLocation();

  // Logging out reloads the page: nothing of this account stays in memory.
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: () => window.location.assign('/login') }));

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onFocus = (e: FocusEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('auth.userMenuFor', { name: me.displayName })}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-menu__avatar" aria-hidden="true" data-user-content>
          {[...me.displayName][0] ?? '?'}
        </span>
        <span className="user-menu__name">{me.displayName}</span>
        <span className="user-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <div className="user-menu__who">
          <p className="user-menu__display">{me.displayName}</p>
          <p>{label(roleLabels[me.role])}</p>
          <p>{me.orgUnitName}</p>
          <p className="user-menu__username">{me.username}</p>
        </div>
        <ul>
          {restricted ? null : (
            <li>
              <Link to="/account/password">{t('auth.changePassword')}</Link>
            </li>
          )}
          {restricted ? null : (
            <li>
              <Link to="/account/notifications">{t('auth.notificationSettings')}</Link>
            </li>
          )}
          <li>
            <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
              {logout.isPending ? t('auth.loggingOut') : t('auth.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
