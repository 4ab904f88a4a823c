import type { Indicator } from '@union/domain';
import { authedProcedure, router } from '../trpc/trpc';

export const catalogueRouter = router({
  /** The active indicators in form order. */
  list: authedProcedure.query(async ({ ctx }): Promise<Indicator[]> => {
    const rows = await ctx.db.selectFrom('indicators').selectAll().where('retired_at', 'is', null).orderBy('sort_order').execute();
    return rows.map((r) => ({
      code: r.code,
      category: r.category as Indicator['category'],
      nameZh: r.name_zh,
      nameEn: r.name_en,
      unit: r.unit,
      valueType: r.value_type,
      descriptionZh: r.description_zh,
      ...(r.min_value === null ? {} : { min: r.min_value }),
      ...(r.max_value === null ? {} : { max: r.max_value }),
    }));
  }),
});
