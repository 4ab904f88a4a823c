import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { useDescribeError } from '../../ui/form';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import type { School } from './school-admin-shared';
import { SchoolGroupDialog, type SchoolGroup } from './SchoolGroupDialog';
import { schoolGroupsEn, schoolGroupsZh } from './school-groups-messages';
import './school-groups.css';

/** 学校分组: the district's own groups, their members, and editing them. */
export function SchoolGroupsPanel({ schools }: { schools: School[] }) {
  const { language } = useI18n();
  const m = language === 'en' ? schoolGroupsEn : schoolGroupsZh;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const groups = useQuery(trpc.schoolGroups.list.queryOptions());
  const [editing, setEditing] = useState<SchoolGroup | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useMutation(
    trpc.schoolGroups.delete.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.schoolGroups.pathKey() }),
    }),
  );
  const nameOf = new Map(schools.map((s) => [s.id, s.name]));
  const removeError = describe(remove.error);

  return (
    <section className="dash-section school-groups-admin" aria-labelledby="school-groups-title">
      <div className="toolbar toolbar--end">
        <h2 id="school-groups-title" style={{ marginRight: 'auto' }}>
          {m.title}
        </h2>
        <button type="button" className="button button--secondary" onClick={() => (setNotice(null), setEditing('new'))}>
          {m.create}
        </button>
      </div>
      <p className="muted">{m.intro}</p>
      {notice ? (
        <p className="form-success" role="status">
          {notice}
        </p>
      ) : null}
      {removeError ? (
        <p className="form-error" role="alert">
          {removeError.message}
        </p>
      ) : null}
      {groups.isPending ? (
        <LoadingState />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <EmptyState title={m.none} />
      ) : (
        <ul className="group-list">
          {groups.data.map((group) => (
            <li key={group.id} className="group-list__item">
              <div>
                <strong id={`school-group-${group.id}`} data-user-content>
                  {group.name}
                </strong> <span className="muted">{m.memberCount(group.schoolIds.length)}</span>
                {group.description ? (
                  <p className="muted" data-user-content>
                    {group.description}
                  </p>
                ) : null}
                <p className="group-list__members" data-user-content>
                  {group.schoolIds.map((id) => nameOf.get(id) ?? `#${id}`).join('、')}
                </p>
              </div>
              <div className="actions-cell">
                <button type="button" className="button button--small button--secondary" aria-describedby={`school-group-${group.id}`} onClick={() => (setNotice(null), setEditing(group))}>
                  {m.edit}
                </button>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-describedby={`school-group-${group.id}`}
                  disabled={remove.isPending}
                  onClick={() => {
                    if (!window.confirm(m.confirmRemove(group.name))) return;
                    remove.mutate({ id: group.id }, { onSuccess: () => setNotice(m.removed(group.name)) });
                  }}
                >
                  {m.remove}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <SchoolGroupDialog
          group={editing === 'new' ? null : editing}
          schools={schools}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setNotice(m.saved(name));
          }}
        />
      ) : null}
    </section>
  );
}
