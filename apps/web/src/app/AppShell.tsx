import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ReloginDialog } from '../features/auth/ReloginDialog';
import { UserMenu } from '../features/auth/UserMenu';
import { useMe } from '../features/auth/me';
import { useDashboardCopy } from '../features/dashboard/useDashboardCopy';
import { useDocumentsCopy } from '../features/documents';
import { useRubricCopy } from '../features/rubric/messages';
import { unitsOfKind } from '../features/schools/summary';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { useTRPC } from './trpc';

function useDistrictName(enabled: boolean): string | null {
  const trpc = useTRPC();
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000, enabled });
  return tree.data ? (unitsOfKind(tree.data, 'district')[0]?.name ?? null) : null;
}

/** The links a role may use; nothing else is shown. */
function useNavItems(): { to: string; label: string; end?: boolean }[] {
  const { t } = useI18n();
  const { c: dashboard } = useDashboardCopy();
  const { c: rubric } = useRubricCopy();
  const { c: documents } = useDocumentsCopy();
  const me = useMe();
  switch (me.role) {
    case 'school_chair':
      return me.schoolId
        ? [
            { to: '/home', label: t('nav.home') },
            { to: `/schools/${me.schoolId}`, label: t('nav.ownReport') },
            { to: `/dashboard/schools/${me.schoolId}`, label: dashboard.nav.ownProfile },
          ]
        : [];
    case 'district_viewer':
      return [
        { to: '/schools', label: t('nav.schools') },
        { to: '/review', label: t('nav.review'), end: true },
        { to: '/review/completeness', label: t('nav.completeness') },
        { to: '/dashboard', label: dashboard.nav.label },
        { to: '/search', label: t('nav.search') },
        { to: '/verify', label: documents.navLabel },
      ];
    case 'cluster_reviewer':
      return [
        { to: '/review', label: t('nav.review'), end: true },
        { to: '/review/completeness', label: t('nav.completeness') },
        { to: '/schools', label: t('nav.schools') },
      ];
    case 'district_admin':
      return [
        { to: '/schools', label: t('nav.schools') },
        { to: '/dashboard', label: dashboard.nav.label },
        { to: '/search', label: t('nav.search') },
        { to: '/review', label: t('nav.review'), end: true },
        { to: '/review/completeness', label: t('nav.completeness') },
        { to: '/admin/years', label: t('nav.years') },
        { to: '/admin/import', label: t('nav.import') },
        { to: '/admin/rubric', label: rubric.navLabel },
        { to: '/admin/schools', label: t('nav.adminSchools') },
        { to: '/admin/users', label: t('nav.adminUsers') },
        { to: '/admin/notifications', label: t('nav.notifications') },
        { to: '/admin/audit', label: t('nav.audit') },
      ];
  }
}

/**
 * Header (brand, role navigation, language, user menu), main and footer.
 * `restricted`: only the given content (the forced password change), no navigation.
 */
export function AppShell({ restricted = false, children }: { restricted?: boolean; children?: ReactNode }) {
  const { t } = useI18n();
  const districtName = useDistrictName(!restricted);
  const navItems = useNavItems();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After client-side navigation, start keyboard and screen-reader users at the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div className="brand">
            <Link to="/" className="brand__name">
              {t('app.name')}
            </Link>
            {districtName ? <span className="brand__district">{districtName}</span> : null}
          </div>
          {restricted ? (
            <div className="main-nav" />
          ) : (
            <nav className="main-nav" aria-label={t('app.mainNav')}>
              <ul>
                {navItems.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="site-header__tools">
            <LanguageSwitch />
            <UserMenu restricted={restricted} />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <ReloginDialog />
        {children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <p>{districtName ? `${districtName} · ${t('app.tagline')}` : t('app.footer')}</p>
      </footer>
    </div>
  );
}
