import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/** A page: its heading, an optional lead paragraph and actions, and the document title. */
export function Page({
  title,
  lead,
  before,
  children,
}: {
  title: ReactNode;
  lead?: ReactNode;
  before?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="page">
      {before}
      <header className="page__header">
        <h1 className="page__title">{title}</h1>
        {lead ? <div className="page__lead">{lead}</div> : null}
      </header>
      {children}
    </div>
  );
}

/** Sets the browser tab title to "page – 工会年报平台". */
export function useDocumentTitle(pageTitle: string | null | undefined) {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${appName}` : appName;
  }, [pageTitle, appName]);
}
