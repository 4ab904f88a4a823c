import { describe, expect, it } from 'vitest';
import { buildOrgTree } from '@union/domain';
import { unitsOfKind } from '../../ui/org-tree';
import { countStatuses } from './summary';

describe('countStatuses', () => {
  it('counts each report status and the total', () => {
    const counts = countStatuses([
      { reportStatus: 'approved' },
      { reportStatus: 'submitted' },
      { reportStatus: 'submitted' },
      { reportStatus: 'not_started' },
      { reportStatus: 'draft' },
      { reportStatus: 'cluster_approved' },
    ]);
    expect(counts).toEqual({ total: 6, approved: 1, cluster_approved: 1, submitted: 2, not_started: 1, draft: 1, returned: 0 });
  });
});

describe('unitsOfKind', () => {
  it('finds clusters and the district at any depth of the org tree', () => {
    const tree = buildOrgTree([
      { id: 1, parentId: null, kind: 'district', code: 'D', name: '示范区教育工会' },
      { id: 3, parentId: 1, kind: 'cluster', code: 'D-2', name: '城北片' },
      { id: 2, parentId: 1, kind: 'cluster', code: 'D-1', name: '城南片' },
      { id: 4, parentId: 2, kind: 'school', code: 'D-1-1', name: '实验小学' },
    ]);
    expect(unitsOfKind(tree, 'cluster').map((c) => c.name)).toEqual(['城南片', '城北片']);
    expect(unitsOfKind(tree, 'district').map((d) => d.name)).toEqual(['示范区教育工会']);
  });
});
