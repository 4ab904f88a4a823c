import type { Kysely } from 'kysely';
import type { Database, IndicatorsTable } from '@union/db';
import type { Indicator } from '@union/domain';
import type { Selectable } from 'kysely';

function toIndicator(r: Selectable<IndicatorsTable>): Indicator {
  return {
    code: r.code,
    category: r.category as Indicator['category'],
    nameZh: r.name_zh,
    nameEn: r.name_en,
    unit: r.unit,
    valueType: r.value_type,
    descriptionZh: r.description_zh,
    ...(r.min_value === null ? {} : { min: r.min_value }),
    ...(r.max_value === null ? {} : { max: r.max_value }),
  };
}

/** The active catalogue in its default order. */
export async function listActiveIndicators(db: Kysely<Database>): Promise<Indicator[]> {
  const rows = await db.selectFrom('indicators').selectAll().where('retired_at', 'is', null).orderBy('sort_order').execute();
  return rows.map(toIndicator);
}

/** The indicators a reporting year asks for, in that year's order. */
export async function listYearIndicators(db: Kysely<Database>, year: number): Promise<Indicator[]> {
  const rows = await db
    .selectFrom('reporting_year_indicators as y')
    .innerJoin('indicators as i', 'i.code', 'y.indicator_code')
    .selectAll('i')
    .where('y.year', '=', year)
    .orderBy('y.sort_order')
    .execute();
  return rows.map(toIndicator);
}
