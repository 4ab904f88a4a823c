import type { Localized } from '../../i18n/locale';

interface Shape {
  categories?: readonly { id: string }[];
  items?: readonly { category: string }[];
}

/**
 * Where a path of a rubric definition points, as the editor shows it:
 * 「第 2 类第 3 项」 for items (counted within their category, as the tables
 * are printed), 「第 2 类」, 「第 1 个评分人」, 「星级」. Null for the rubric itself.
 */
export function rubricV2PlaceOf(rubric: Shape, path: readonly (string | number)[]): Localized | null {
  const [head, index] = path;
  if (typeof index !== 'number') {
    if (head === 'starLevels' || head === 'starReview') return { zh: '星级设置', en: 'Star levels' };
    if (head === 'raters') return { zh: '评分人', en: 'Raters' };
    if (head === 'totalPoints') return { zh: '满分', en: 'Full marks' };
    return null;
  }
  const n = index + 1;
  if (head === 'categories') return { zh: `第 ${n} 类`, en: `Category ${n}` };
  if (head === 'raters') return { zh: `第 ${n} 个评分人`, en: `Rater ${n}` };
  if (head === 'starLevels') return { zh: `第 ${n} 条星级分数线`, en: `Star threshold ${n}` };
  if (head === 'items') {
    const item = rubric.items?.[index];
    const c = item ? (rubric.categories ?? []).findIndex((x) => x.id === item.category) : -1;
    if (!item || c < 0) return { zh: `第 ${n} 个评分项`, en: `Item ${n}` };
    const within = (rubric.items ?? []).slice(0, index + 1).filter((i) => i.category === item.category).length;
    return { zh: `第 ${c + 1} 类第 ${within} 项`, en: `Category ${c + 1}, item ${within}` };
  }
  return null;
}
