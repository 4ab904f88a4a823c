import { orgUnitKinds, type OrgTreeNode } from '@union/domain';

// Shared by every feature that lists units of the org tree (schools, admin, dashboards, the header).
type Kind = (typeof orgUnitKinds)[number];

/** Every unit of one kind in the tree, depth first in code order. */
export function unitsOfKind(tree: readonly OrgTreeNode[], kind: Kind): OrgTreeNode[] {
  const found: OrgTreeNode[] = [];
  const walk = (nodes: readonly OrgTreeNode[]) => {
    for (const node of nodes) {
      if (node.kind === kind) found.push(node);
      walk(node.children);
    }
  };
  walk(tree);
  return found;
}
