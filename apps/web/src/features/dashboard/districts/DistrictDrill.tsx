import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../../app/trpc';
import { unitsOfKind } from '../../../ui/org-tree';
import { useDistrictsCopy } from './useDistrictsCopy';

/**
 * The district a city user drilled into (?district=<id>), passed to the district dashboards as
 * `districtId`; undefined when the page shows the caller's whole scope. The server checks the
 * district is in the caller's scope.
 */
export function useDistrictDrill(): number | undefined {
  const [params] = useSearchParams();
  const id = Number(params.get('district'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** "正在查看：滨江区教育工会 · 返回各区对比" above a drilled-into dashboard. */
export function DistrictDrillBanner() {
  const c = useDistrictsCopy();
  const trpc = useTRPC();
  const districtId = useDistrictDrill();
  const [params] = useSearchParams();
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000, enabled: districtId !== undefined });
  if (districtId === undefined) return null;
  const name = tree.data ? unitsOfKind(tree.data, 'district').find((d) => d.id === districtId)?.name : undefined;
  const year = params.get('year');
  return (
    <p className="notice district-drill no-print">
      {name ? <span data-user-content>{c.drillViewing(name)}</span> : null}{' '}
      <Link to={`/dashboard/districts${year ? `?year=${year}` : ''}`}>{c.drillBack}</Link>
    </p>
  );
}
