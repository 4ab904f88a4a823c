import type { Kysely } from 'kysely';
import type { Database, IndicatorsTable } from '@union/db';
import { defaultCatalogue, type Indicator } from '@union/domain';
import type { Selectable } from 'kysely';
import { TimedCache } from './timed-cache';

// English help is not stored (no column for it): the default catalogue's, by code.
const englishHelp = new Map(defaultCatalogue.map((i) => [i.code, i.descriptionEn]));

function toIndicator(r: Selectable<IndicatorsTable>): Indicator {
  const descriptionEn = englishHelp.get(r.code);
  return {
    code: r.code,
    category: r.category as Indicator['category'],
    nameZh: r.name_zh,
    nameEn: r.name_en,
    unit: r.unit,
    valueType: r.value_type,
    descriptionZh: r.description_zh,
    ...(descriptionEn === undefined ? {} : { descriptionEn }),
    ...(r.min_value === null ? {} : { min: r.min_value }),
    ...(r.max_value === null ? {} : { max: r.max_value }),
  };
}

/** The active catalogue in its default order. */
export async function listActiveIndicators(db: Kysely<Database>): Promise<Indicator[]> {
  const rows = await db.selectFrom('indicators').selectAll().where('retired_at', 'is', null).orderBy('sort_order').execute();
  return rows.map(toIndicator);
}

// A year's indicator list is fixed when the year is opened (a copy of the
// previous year's), and every autosave validates against it: keep it for a
// minute per year instead of reading it on each save. An empty list (year
// not set up yet) is not kept.
const yearCatalogues = new TimedCache<Indicator[]>(60 * 1000, (list) => list.length > 0);

/** The indicators a reporting year asks for, in that year's order (shared: do not mutate). */
export function listYearIndicators(db: Kysely<Database>, year: number): Promise<Indicator[]> {
  return yearCatalogues.get(db, String(year), () => readYearIndicators(db, year));
}

async function readYearIndicators(db: Kysely<Database>, year: number): Promise<Indicator[]> {
  const rows = await db
    .selectFrom('reporting_year_indicators as y')
    .innerJoin('indicators as i', 'i.code', 'y.indicator_code')
    .selectAll('i')
    .where('y.year', '=', year)
    .orderBy('y.sort_order')
    .execute();
  return rows.map(toIndicator);
}
