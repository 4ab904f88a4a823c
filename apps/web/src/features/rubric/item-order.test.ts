import { describe, expect, it } from 'vitest';
import { moveWithinCategory } from './item-order';

const items = [
  { key: 'a', category: 'x' },
  { key: 'b', category: 'y' },
  { key: 'c', category: 'x' },
];

describe('moveWithinCategory', () => {
  it('swaps with the next item of the same category, skipping other categories', () => {
    expect(moveWithinCategory(items, 'a', 1).map((i) => i.key)).toEqual(['c', 'b', 'a']);
  });
  it('leaves the list as it is at the edge of the category or for an unknown key', () => {
    expect(moveWithinCategory(items, 'a', -1)).toBe(items);
    expect(moveWithinCategory(items, 'b', 1)).toBe(items);
    expect(moveWithinCategory(items, 'zz', 1)).toBe(items);
  });
});
