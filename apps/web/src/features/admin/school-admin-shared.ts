import { useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { unitsOfKind } from '../../ui/org-tree';

export type School = RouterOutputs['schools']['list']['schools'][number];

interface ParentOption {
  id: number;
  name: string;
}

/** Clusters, then the district itself (a school directly under it belongs to no cluster). */
export function useParentOptions(): { options: ParentOption[]; districtId: number | null; loading: boolean } {
  const { t } = useI18n();
  const trpc = useTRPC();
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000 });
  if (!tree.data) return { options: [], districtId: null, loading: tree.isPending };
  const district = unitsOfKind(tree.data, 'district')[0] ?? null;
  const clusters = unitsOfKind(tree.data, 'cluster').map((c) => ({ id: c.id, name: c.name }));
  return {
    options: district ? [...clusters, { id: district.id, name: t('admin.schools.directUnder', { name: district.name }) }] : clusters,
    districtId: district?.id ?? null,
    loading: false,
  };
}

