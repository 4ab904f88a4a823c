import { useQuery } from '@tanstack/react-query';
import { schoolTypeLabels, schoolTypes, sizeBandLabels, sizeBands } from '@union/domain';
import { useId, type ReactNode } from 'react';
import { useTRPC } from '../../../app/trpc';
import { unitsOfKind } from '../../../ui/org-tree';
import { useDashboardCopy } from '../useDashboardCopy';
import type { useCompareParams } from './useCompareParams';

type Params = ReturnType<typeof useCompareParams>;

/** Year, cluster, school type, size band and the per-100-staff switch. */
export function CompareFilters({ state, update, yearField, groupFields }: { state: Params['state']; update: Params['update']; yearField: ReactNode; groupFields?: ReactNode }) {
  const { c, label } = useDashboardCopy();
  const trpc = useTRPC();
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000 });
  const clusters = tree.data ? unitsOfKind(tree.data, 'cluster') : [];
  const ids = { cluster: useId(), type: useId(), size: useId(), per100: useId(), hint: useId() };
  return (
    <form className="filters dash-toolbar" role="search" aria-label={c.compare.filters} onSubmit={(e) => e.preventDefault()}>
      {yearField}
      <div className="field">
        <label htmlFor={ids.cluster}>{c.common.cluster}</label>
        <select id={ids.cluster} value={state.clusterId ?? ''} onChange={(e) => update({ cluster: e.target.value || undefined })}>
          <option value="">{c.compare.allClusters}</option>
          {clusters.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.type}>{c.common.schoolType}</label>
        <select id={ids.type} value={state.schoolType ?? ''} onChange={(e) => update({ type: e.target.value || undefined })}>
          <option value="">{c.compare.allTypes}</option>
          {schoolTypes.map((t) => (
            <option key={t} value={t}>
              {label(schoolTypeLabels[t])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.size}>{c.compare.sizeBand}</label>
        <select id={ids.size} value={state.sizeBand ?? ''} onChange={(e) => update({ size: e.target.value || undefined })}>
          <option value="">{c.compare.allSizes}</option>
          {sizeBands.map((b) => (
            <option key={b} value={b}>
              {label(sizeBandLabels[b])}
            </option>
          ))}
        </select>
      </div>
      {groupFields}
      <div className="toggle-field">
        <label className="checkbox" htmlFor={ids.per100}>
          <input id={ids.per100} type="checkbox" role="switch" aria-describedby={ids.hint} checked={state.perHundredStaff} onChange={(e) => update({ per100: e.target.checked ? '1' : undefined })} />
          <span>{c.compare.per100}</span>
        </label>
        <p id={ids.hint} className="toggle-field__hint">
          {c.compare.per100Hint}
        </p>
      </div>
    </form>
  );
}
