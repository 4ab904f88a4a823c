import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { EmptyState } from './states';
import { Page, useDocumentTitle } from './Page';

/**
 * Not found — an unknown address, or a record outside the user's scope (the
 * server does not tell them apart): `message` is the server's wording when there is one.
 */
export function NotFoundPage({ message }: { message?: string } = {}) {
  const { t } = useI18n();
  useDocumentTitle(t('common.notFoundTitle'));
  return (
    <Page title={t('common.notFoundTitle')}>
      <EmptyState
        title={message ?? t('common.notFoundBody')}
        action={
          <Link className="button" to="/">
            {t('access.backHome')}
          </Link>
        }
      />
    </Page>
  );
}
