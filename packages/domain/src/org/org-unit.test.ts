import { describe, expect, it } from 'vitest';
import { buildOrgTree, canBeChildOf, type OrgUnit } from './org-unit';

const units: OrgUnit[] = [
  { id: 1, parentId: null, kind: 'district', code: 'D001', name: '示范区教育工会' },
  { id: 2, parentId: 1, kind: 'cluster', code: 'C02', name: '城西片区' },
  { id: 3, parentId: 1, kind: 'cluster', code: 'C01', name: '城东片区' },
  { id: 4, parentId: 3, kind: 'school', code: 'S02', name: '城东第二小学' },
  { id: 5, parentId: 3, kind: 'school', code: 'S01', name: '城东第一小学' },
  { id: 6, parentId: 1, kind: 'school', code: 'S03', name: '示范区职业学校' },
];

describe('organisation tree', () => {
  it('nests district → clusters → schools, sorted by code', () => {
    const [district, ...others] = buildOrgTree(units);
    expect(others).toEqual([]);
    expect(district!.children.map((c) => c.code)).toEqual(['C01', 'C02', 'S03']);
    expect(district!.children[0]!.children.map((c) => c.name)).toEqual(['城东第一小学', '城东第二小学']);
  });

  it('keeps units whose parent is outside the list as roots (scoped lists)', () => {
    const roots = buildOrgTree(units.filter((u) => u.kind === 'school'));
    expect(roots.map((r) => r.code)).toEqual(['S01', 'S02', 'S03']);
  });

  it('allows clusters to be skipped but not schools above clusters', () => {
    expect(canBeChildOf('school', 'district')).toBe(true);
    expect(canBeChildOf('school', 'cluster')).toBe(true);
    expect(canBeChildOf('cluster', 'school')).toBe(false);
    expect(canBeChildOf('district', 'city')).toBe(true);
  });
});
