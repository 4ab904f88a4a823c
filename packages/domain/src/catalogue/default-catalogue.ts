import { z } from 'zod';
import raw from './default-catalogue.json' with { type: 'json' };
import { indicatorSchema, type CategoryCode, type Indicator } from './indicator';

/**
 * The default indicator catalogue a new district starts from. Grounded in real
 * 工会工作总结 texts; kept here as the package's own data.
 */
export const defaultCatalogue: readonly Indicator[] = Object.freeze(z.array(indicatorSchema).parse(raw));

export function indicatorsByCategory(catalogue: readonly Indicator[]): Map<CategoryCode, Indicator[]> {
  const groups = new Map<CategoryCode, Indicator[]>();
  for (const indicator of catalogue) {
    const group = groups.get(indicator.category) ?? [];
    group.push(indicator);
    groups.set(indicator.category, group);
  }
  return groups;
}
