import { useQuery } from '@tanstack/react-query';
import { groupSetLabels, groupSets, groupsOfSet, type GroupFilter, type GroupSet } from '@union/domain';
import { useId } from 'react';
import { useTRPC } from '../../../app/trpc';
import { groupParamOf } from './useGroupParams';
import { useGroupsCopy } from './useGroupsCopy';

const builtIn = ['stage', 'locality', 'ownership'] as const;

/** The district's own groups (教育集团…), shared by the selectors and the group names. */
export function useDistrictGroups() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.schoolGroups.list.queryOptions(), staleTime: 5 * 60_000 });
}

/** The group filter (one group of a set) and the group-by (a set) selectors. `showBy: false` for pages without group rows. */
export function GroupControls({
  group,
  by,
  onChange,
  showBy = true,
}: {
  group: GroupFilter | undefined;
  by: GroupSet | undefined;
  onChange: (changes: { group?: string | undefined; by?: string | undefined }) => void;
  showBy?: boolean;
}) {
  const { g, label } = useGroupsCopy();
  const groups = useDistrictGroups();
  const ids = { group: useId(), by: useId(), error: useId() };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.group}>{g.filter}</label>
        <select
          id={ids.group}
          value={groupParamOf(group) ?? ''}
          aria-describedby={groups.isError ? ids.error : undefined}
          onChange={(e) => onChange({ group: e.target.value || undefined })}
          data-testid="group-filter"
        >
          <option value="">{g.allSchools}</option>
          {builtIn.map((set) => (
            <optgroup key={set} label={label(groupSetLabels[set])}>
              {groupsOfSet(set)
                .filter((o) => o.key !== 'none')
                .map((o) => (
                  <option key={o.key} value={`${set}:${o.key}`}>
                    {label(o.label)}
                  </option>
                ))}
            </optgroup>
          ))}
          {groups.data && groups.data.length > 0 ? (
            <optgroup label={g.districtGroups}>
              {groups.data.map((d) => (
                <option key={d.id} value={`groups:${d.id}`} data-user-content>
                  {d.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        {groups.isError ? (
          <p id={ids.error} className="form-field__hint" role="alert">
            {g.groupsLoadError}{' '}
            <button type="button" className="button button--small button--secondary" onClick={() => void groups.refetch()}>
              ↻
            </button>
          </p>
        ) : null}
      </div>
      {showBy ? (
        <div className="field">
          <label htmlFor={ids.by}>{g.by}</label>
          <select id={ids.by} value={by ?? ''} onChange={(e) => onChange({ by: e.target.value || undefined })} data-testid="group-by">
            <option value="">{g.noGrouping}</option>
            {groupSets.map((set) => (
              <option key={set} value={set}>
                {label(groupSetLabels[set])}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

/** The name of the group a filter names, for headings (a district group by its name). */
export function useGroupName(group: GroupFilter | undefined): string | null {
  const { label } = useGroupsCopy();
  const groups = useDistrictGroups();
  if (!group) return null;
  if (group.set === 'groups') return groups.data?.find((d) => d.id === group.value)?.name ?? null;
  return label(groupsOfSet(group.set).find((o) => o.key === group.value)!.label);
}
