import { useQuery } from '@tanstack/react-query';
import { schoolTypeLabels } from '@union/domain';
import { useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { MergeDialog } from './MergeDialog';
import { SchoolFormDialog } from './SchoolFormDialog';
import { SchoolGroupsPanel } from './SchoolGroupsPanel';
import type { School } from './school-admin-shared';

export function SchoolsAdminPage() {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  // Closed and merged schools too: their history stays, and the admin may correct their years.
  const list = useQuery(trpc.schools.list.queryOptions({ includeInactive: true }));
  const [editing, setEditing] = useState<School | 'new' | null>(null);
  const [merging, setMerging] = useState<School | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle(t('admin.schools.title'));
  const n = new Intl.NumberFormat();

  return (
    <Page title={t('admin.schools.title')} lead={<p>{t('admin.schools.intro')}</p>}>
      <div className="toolbar toolbar--end">
        <button type="button" className="button" onClick={() => (setSaved(null), setEditing('new'))}>
          {t('admin.schools.create')}
        </button>
      </div>
      {saved ? (
        <p className="form-success" role="status">
          {t('admin.schools.saved', { name: saved })}
        </p>
      ) : null}

      {list.isPending ? (
        <LoadingState />
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.schools.length === 0 ? (
        <EmptyState title={t('admin.schools.empty')} />
      ) : (
        <section aria-labelledby="schools-admin-count">
          <p id="schools-admin-count" className="summary">
            {t('admin.schools.count', { count: list.data.schools.length })}
            <span className="summary__updating"> {t('admin.schools.lifeCycleNote')}</span>
          </p>
          <table className="data-table card-table schools-admin-table">
            <caption className="visually-hidden">{t('admin.schools.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.schools.code')}</th>
                <th scope="col">{t('admin.schools.name')}</th>
                <th scope="col">{t('admin.schools.type')}</th>
                <th scope="col">{t('admin.schools.parent')}</th>
                <th scope="col" className="num">
                  {t('admin.schools.staff')}
                </th>
                <th scope="col" className="num">
                  {t('admin.schools.members')}
                </th>
                <th scope="col">{t('admin.schools.lifeSpan')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.schools.map((s) => (
                <tr key={s.id}>
                  <td data-label={t('admin.schools.code')} className="mono">
                    {s.code}
                  </td>
                  <th scope="row">{s.name}</th>
                  <td data-label={t('admin.schools.type')}>{label(schoolTypeLabels[s.schoolType])}</td>
                  <td data-label={t('admin.schools.parent')}>{s.clusterName ?? t('schools.noCluster')}</td>
                  <td data-label={t('admin.schools.staff')} className="num">
                    {n.format(s.staffCount)}
                  </td>
                  <td data-label={t('admin.schools.members')} className="num">
                    {n.format(s.memberCount)}
                  </td>
                  <td data-label={t('admin.schools.lifeSpan')}>
                    <LifeSpan school={s} />
                  </td>
                  <td className="actions-cell">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={`${t('admin.edit')}：${s.name}`}
                      onClick={() => (setSaved(null), setEditing(s))}
                    >
                      {t('admin.edit')}
                    </button>
                    {s.mergedInto ? null : (
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        aria-label={`${t('admin.schools.merge')}：${s.name}`}
                        onClick={() => (setSaved(null), setMerging(s))}
                      >
                        {t('admin.schools.merge')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {list.data ? <SchoolGroupsPanel schools={list.data.schools} /> : null}
      {editing ? (
        <SchoolFormDialog
          school={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setSaved(name);
          }}
        />
      ) : null}
      {merging && list.data ? (
        <MergeDialog
          school={merging}
          schools={list.data.schools}
          onClose={() => setMerging(null)}
          onSaved={(name) => {
            setMerging(null);
            setSaved(name);
          }}
        />
      ) : null}
    </Page>
  );
}


/** 2022 起 · 2022–2024（已停办）· 已并入 X（2025 年） */
function LifeSpan({ school }: { school: School }) {
  const { t } = useI18n();
  if (school.mergedInto) return <>{t('admin.schools.mergedInto', { opened: school.openedYear, name: school.mergedInto.schoolName, year: school.mergedInto.year })}</>;
  if (school.closedYear !== null) return <>{t('admin.schools.closedSpan', { opened: school.openedYear, closed: school.closedYear })}</>;
  return <>{t('admin.schools.openSince', { opened: school.openedYear })}</>;
}
