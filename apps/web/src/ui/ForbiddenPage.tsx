import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { Page, useDocumentTitle } from './Page';
import { EmptyState } from './states';

/** "无权访问": a page the user's role may not use. */
export function ForbiddenPage() {
  const { t } = useI18n();
  useDocumentTitle(t('access.forbiddenTitle'));
  return (
    <Page title={t('access.forbiddenTitle')}>
      <EmptyState
        title={t('access.forbiddenBody')}
        action={
          <Link className="button" to="/">
            {t('access.backHome')}
          </Link>
        }
      />
    </Page>
  );
}
