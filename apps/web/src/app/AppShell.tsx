import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ReloginDialog } from '../features/auth/ReloginDialog';
import { UserMenu } from '../features/auth/UserMenu';
import { useMe } from '../features/auth/me';
import { useDashboardCopy } from '../features/dashboard/useDashboardCopy';
import { useDocumentsCopy } from '../features/documents';
import { useInspectionCopy } from '../features/inspection';
import { useRubricCopy } from '../features/rubric/messages';
import { unitsOfKind } from '../ui/org-tree';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { useTRPC } from './trpc';

function useDistrictName(enabled: boolean, role: string): string | null {
  const trpc = useTRPC();
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000, enabled });
  // City staff belong to the city union; everyone else to their district (the tree also shows its city above).
  const kind = role === 'city_admin' || role === 'city_viewer' ? 'city' : 'district';
  return tree.data ? (unitsOfKind(tree.data, kind)[0]?.name ?? null) : null;
}

/** The links a role may use; nothing else is shown. */
interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Set-up pages sit in the 管理 menu, so the header stays one row. */
  admin?: boolean;
}

function useNavItems(): NavItem[] {
  const { t } = useI18n();
  const { c: dashboard } = useDashboardCopy();
  const { c: rubric } = useRubricCopy();
  const { c: documents } = useDocumentsCopy();
  const inspection = useInspectionCopy();
  const me = useMe();
  switch (me.role) {
    case 'school_chair':
      return me.schoolId
        ? [
            { to: '/home', label: t('nav.home') },
            { to: `/schools/${me.schoolId}`, label: t('nav.ownReport') },
            { to: '/assessment', label: inspection.nav.chair },
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
        { to: '/admin/years', label: t('nav.years'), admin: true },
        { to: '/admin/import', label: t('nav.import'), admin: true },
        { to: '/admin/rubric', label: rubric.navLabel, admin: true },
        { to: '/admin/inspection-teams', label: inspection.nav.teams, admin: true },
        { to: '/admin/schools', label: t('nav.adminSchools'), admin: true },
        { to: '/admin/users', label: t('nav.adminUsers'), admin: true },
        { to: '/admin/notifications', label: t('nav.notifications'), admin: true },
        { to: '/admin/audit', label: t('nav.audit'), admin: true },
      ];
    // City staff read every district (never review): the comparison of districts first.
    case 'city_viewer':
      return [
        { to: '/dashboard', label: dashboard.nav.label },
        { to: '/schools', label: t('nav.schools') },
        { to: '/review/completeness', label: t('nav.completeness') },
        { to: '/search', label: t('nav.search') },
        { to: '/verify', label: documents.navLabel },
      ];
    case 'city_admin':
      return [
        { to: '/dashboard', label: dashboard.nav.label },
        { to: '/schools', label: t('nav.schools') },
        { to: '/review/completeness', label: t('nav.completeness') },
        { to: '/search', label: t('nav.search') },
        { to: '/admin/years', label: t('nav.years'), admin: true },
        { to: '/admin/rubric', label: rubric.navLabel, admin: true },
        { to: '/admin/users', label: t('nav.adminUsers'), admin: true },
        { to: '/admin/audit', label: t('nav.audit'), admin: true },
      ];
    case 'inspector':
      return [{ to: '/inspection', label: inspection.nav.inspector }];
  }
}

/**
 * The 管理 menu: a native disclosure (Enter/Space open it, Tab walks its links, Escape closes it
 * and returns to the button), closed again on every navigation.
 */
function AdminMenu({ items }: { items: NavItem[] }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const ref = useRef<HTMLDetailsElement>(null);
  // Closed by what the user does — choosing a link, clicking elsewhere, Escape — not by every
  // route change (a redirect landing just after the user opened it would snap it shut).
  useEffect(() => {
    const closeOutside = (e: PointerEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, []);
  const active = items.some((item) => pathname.startsWith(item.to));
  return (
    <details
      ref={ref}
      className={`nav-menu${active ? ' nav-menu--active' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>{t('nav.adminMenu')}</summary>
      <ul
        className="nav-menu__list"
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a') && ref.current) ref.current.open = false;
        }}
      >
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Header (brand, role navigation, language, user menu), main and footer.
 * `restricted`: only the given content (the forced password change), no navigation.
 */
export function AppShell({ restricted = false, children }: { restricted?: boolean; children?: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  // Inspectors see only their assigned schools, not the org tree.
  const districtName = useDistrictName(!restricted && me.role !== 'inspector', me.role);
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
                {navItems
                  .filter((item) => !item.admin)
                  .map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.end}>
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                {navItems.some((item) => item.admin) ? (
                  <li>
                    <AdminMenu items={navItems.filter((item) => item.admin)} />
                  </li>
                ) : null}
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
