import { localize } from '../../i18n/locale';
import type { Gap } from '../scoring';
import { itemBasePoints } from './maximum';
import type { RubricV2 } from './schema';
import type { RubricV2Score } from './scoring';

const round2 = (n: number) => Math.round(n * 100) / 100;
const fmt = (n: number) => String(round2(n));

/**
 * 查漏补缺 under a v2 rubric: the items where the 综评 (weighted over the
 * raters) fell short of the item's points, largest loss first, each explained
 * by the lines of the heaviest rater (「台帐未归档：-2」, 「缺席 2 次，-2」).
 */
export function rubricV2Gaps(rubric: RubricV2, score: RubricV2Score): Gap[] {
  const heaviest = [...score.raters].sort((a, b) => b.weight - a.weight)[0];
  return rubric.items
    .flatMap((item, index): Gap[] => {
      const lost = round2(itemBasePoints(item) - (score.items[index]?.earned ?? 0));
      if (lost <= 0) return [];
      const lines = heaviest?.items[index]?.lines ?? [];
      const adviceZh = lines.length ? lines.join('；') : `按“${item.titleZh}”的评分依据补齐，可得 +${fmt(lost)} 分`;
      return [{ itemId: item.id, titleZh: item.titleZh, lost, adviceZh, advice: localize({ zh: adviceZh, en: `${fmt(lost)} points lost on this item (see the raters’ notes)` }) }];
    })
    .sort((a, b) => b.lost - a.lost);
}
