import { keepPreviousData, useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { auditActionLabels, auditActions, type AuditAction } from '@union/domain';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { AuditDetails } from './AuditDetails';
import { formatDateTime } from './shared';

const isAction = (a: string): a is AuditAction => (auditActions as string[]).includes(a);
type EntityCode = keyof Messages['auditEntity'];
const entityCodes: EntityCode[] = ['user', 'school', 'report', 'session', 'catalogue', 'rubric', 'year', 'inspection_team'];
const isEntity = (e: string): e is EntityCode => (entityCodes as string[]).includes(e);

export function AuditLogPage() {
  const { t, language, label } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  useDocumentTitle(t('admin.audit.title'));

  const [action, setAction] = useState('');
  const [usernameText, setUsernameText] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const username = useDebouncedValue(usernameText.trim(), 400);
  // Closed schools too: their chairs' accounts and audit entries stay.
  const schools = useQuery({ ...trpc.schools.list.queryOptions({ includeInactive: true }), staleTime: 60_000 });
  // Accounts are named, not numbered (「账号 #1」 told the admin nothing).
  const users = useQuery({ ...trpc.users.list.queryOptions(), staleTime: 60_000 });
  const userName = (id: string | number | null) => {
    const u = id ? users.data?.find((x) => String(x.id) === String(id)) : undefined;
    return u ? `${u.username}（${u.displayName}）` : null;
  };
  const colon = language === 'en' ? ': ' : '：';
  const filters = { action: action || undefined, username: username || undefined, schoolId: schoolId ? Number(schoolId) : undefined };

  const log = useInfiniteQuery({
    queryKey: [...trpc.audit.list.queryKey(filters), 'pages'] as QueryKey,
    queryFn: ({ pageParam }) => client.audit.list.query({ ...filters, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const ids = { action: useId(), username: useId(), school: useId() };
  const actionLabel = (a: string) => (isAction(a) ? label(auditActionLabels[a]) : a);
  const entityLabel = (e: string) => (isEntity(e) ? t(`auditEntity.${e}`) : e);

  return (
    <Page title={t('admin.audit.title')} lead={<p>{t('admin.audit.intro')}</p>}>
      <form className="filters" role="search" aria-label={t('schools.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.action}>{t('admin.audit.action')}</label>
          <select id={ids.action} value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('admin.audit.allActions')}</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.username}>{t('admin.audit.username')}</label>
          <input
            id={ids.username}
            type="search"
            value={usernameText}
            placeholder={t('admin.audit.usernamePlaceholder')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
            onChange={(e) => setUsernameText(e.target.value)}
          />
        </div>
        <div className="field field--grow">
          <label htmlFor={ids.school}>{t('admin.audit.school')}</label>
          <select id={ids.school} value={schoolId} onChange={(e) => setSchoolId(e.target.value)}>
            <option value="">{t('admin.audit.allSchools')}</option>
            {schools.data?.schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </form>

      {log.isPending ? (
        <LoadingState />
      ) : log.isError && !log.data ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t('admin.audit.empty')}>
          <p>{t('admin.audit.emptyHint')}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="audit-count" className={log.isFetching && !log.isFetchingNextPage ? 'results results--refreshing' : 'results'}>
          <p id="audit-count" className="summary" aria-live="polite">
            {t('admin.audit.shown', { count: entries.length })}
          </p>
          <table className="data-table card-table audit-table">
            <caption className="visually-hidden">{t('admin.audit.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.colTime')}</th>
                <th scope="col">{t('admin.audit.colUser')}</th>
                <th scope="col">{t('admin.audit.colAction')}</th>
                <th scope="col">{t('admin.audit.colTarget')}</th>
                <th scope="col">{t('admin.audit.colIp')}</th>
                <th scope="col">{t('admin.audit.colDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="audit-table__time">
                    <time dateTime={String(e.at)}>{formatDateTime(e.at as string, language)}</time>
                  </th>
                  <td data-label={t('admin.audit.colUser')} className="mono">
                    {e.username ?? t('admin.audit.anonymous')}
                  </td>
                  <td data-label={t('admin.audit.colAction')}>
                    <span className={`tag tag--action tag--${e.action}`}>{actionLabel(e.action)}</span>
                  </td>
                  <td data-label={t('admin.audit.colTarget')}>
                    {entityLabel(e.entityType)}
                    {e.schoolName ? (
                      <>
                        {colon}
                        <span data-user-content>{e.schoolName}</span>
                      </>
                    ) : e.entityType === 'user' && userName(e.entityId) ? (
                      <>
                        {colon}
                        <span data-user-content>{userName(e.entityId)}</span>
                      </>
                    ) : e.entityId ? (
                      ` #${e.entityId}`
                    ) : (
                      ''
                    )}
                  </td>
                  <td data-label={t('admin.audit.colIp')} className="mono">
                    {e.ip ?? t('common.noValue')}
                  </td>
                  <td data-label={t('admin.audit.colDetails')}>
                    {e.details && Object.keys(e.details as object).length > 0 ? (
                      <details className="audit-details">
                        <summary>{t('admin.audit.details')}</summary>
                        <AuditDetails details={e.details as Record<string, unknown>} />
                      </details>
                    ) : (
                      t('common.noValue')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="load-more">
            {log.hasNextPage ? (
              <button type="button" className="button button--secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                {log.isFetchingNextPage ? t('admin.audit.loadingMore') : t('admin.audit.loadMore')}
              </button>
            ) : (
              <p className="muted">{t('admin.audit.end')}</p>
            )}
          </div>
          {log.isError ? <ErrorState error={log.error} onRetry={() => void log.refetch()} /> : null}
        </section>
      )}
    </Page>
  );
}
