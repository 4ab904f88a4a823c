import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { EmptyState } from './states';
import { Page, useDocumentTitle } from './Page';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('common.notFoundTitle'));
  return (
    <Page title={t('common.notFoundTitle')}>
      <EmptyState
        title={t('common.notFoundBody')}
        action={
          <Link className="button" to="/">
            {t('access.backHome')}
          </Link>
        }
      />
    </Page>
  );
}
