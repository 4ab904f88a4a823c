import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { unitsOfKind } from '../features/schools/summary';
import { languages, setLanguage, useI18n, type Language } from '../i18n';
import { useTRPC } from './trpc';

function LanguageSwitch() {
  const { t, language } = useI18n();
  const names: Record<Language, string> = { 'zh-CN': t('lang.zh'), en: t('lang.en') };
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={language === lang}
          onClick={() => void setLanguage(lang)}
        >
          {names[lang]}
        </button>
      ))}
    </div>
  );
}

function useDistrictName(): string | null {
  const trpc = useTRPC();
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000 });
  return tree.data ? (unitsOfKind(tree.data, 'district')[0]?.name ?? null) : null;
}

export function AppShell() {
  const { t } = useI18n();
  const districtName = useDistrictName();
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
            <Link to="/schools" className="brand__name">
              {t('app.name')}
            </Link>
            {districtName ? <span className="brand__district">{districtName}</span> : null}
          </div>
          <nav className="main-nav" aria-label={t('app.mainNav')}>
            <ul>
              <li>
                <NavLink to="/schools">{t('nav.schools')}</NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{districtName ? `${districtName} · ${t('app.tagline')}` : t('app.footer')}</p>
      </footer>
    </div>
  );
}
