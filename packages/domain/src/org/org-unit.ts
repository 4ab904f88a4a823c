import { z } from 'zod';
import { idSchema, safeText } from '../validation/safe-input';

/**
 * Organisation units, DHIS2-style: a tree whose levels are named by kind, so a
 * city union can later sit above several districts without a schema change.
 */
export const orgUnitKinds = ['city', 'district', 'cluster', 'school'] as const;
export const orgUnitKindSchema = z.enum(orgUnitKinds);
export type OrgUnitKind = z.infer<typeof orgUnitKindSchema>;

export const orgUnitKindLabels: Record<OrgUnitKind, { zh: string; en: string }> = {
  city: { zh: '市教育工会', en: 'City union' },
  district: { zh: '区教育工会', en: 'District union' },
  cluster: { zh: '片区', en: 'Cluster' },
  school: { zh: '学校工会', en: 'School union' },
};

/** Which kinds may sit directly under which. Clusters are optional. */
const allowedParents: Record<OrgUnitKind, readonly (OrgUnitKind | null)[]> = {
  city: [null],
  district: [null, 'city'],
  cluster: ['district'],
  school: ['district', 'cluster'],
};

export function canBeChildOf(kind: OrgUnitKind, parentKind: OrgUnitKind | null): boolean {
  return allowedParents[kind].includes(parentKind);
}

export const orgUnitSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  kind: orgUnitKindSchema,
  code: safeText({ min: 1, max: 40 }),
  name: safeText({ min: 1, max: 80 }),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export interface OrgTreeNode extends OrgUnit {
  children: OrgTreeNode[];
}

/**
 * Builds the tree from a flat list. Units whose parent is missing from the list
 * become roots, so a scoped (partial) list still renders.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const unit of units) nodes.set(unit.id, { ...unit, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortRec = (list: OrgTreeNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of list) sortRec(n.children);
  };
  sortRec(roots);
  return roots;
}
