/**
 * Moves an item one place up or down among the items of its own category (both rubric editors list
 * items by category); at the category's edge the list is returned unchanged.
 */
export function moveWithinCategory<T extends { key: string; category: string }>(items: readonly T[], key: string, dir: -1 | 1): readonly T[] {
  const index = items.findIndex((i) => i.key === key);
  const item = items[index];
  if (!item) return items;
  let j = index + dir;
  while (j >= 0 && j < items.length && items[j]!.category !== item.category) j += dir;
  if (j < 0 || j >= items.length) return items;
  const next = [...items];
  next[index] = items[j]!;
  next[j] = item;
  return next;
}
