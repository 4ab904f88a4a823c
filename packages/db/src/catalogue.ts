import type { Kysely, Transaction } from 'kysely';
import type { Indicator } from '@union/domain';
import type { Database } from './schema';

/**
 * Inserts indicators that are missing and refreshes the texts of existing
 * ones. Codes are stable, so values already reported stay attached.
 */
export async function installCatalogue(db: Kysely<Database> | Transaction<Database>, catalogue: readonly Indicator[]): Promise<void> {
  if (catalogue.length === 0) return;
  await db
    .insertInto('indicators')
    .values(
      catalogue.map((indicator, index) => ({
        code: indicator.code,
        category: indicator.category,
        name_zh: indicator.nameZh,
        name_en: indicator.nameEn,
        unit: indicator.unit,
        value_type: indicator.valueType,
        description_zh: indicator.descriptionZh,
        min_value: indicator.min ?? null,
        max_value: indicator.max ?? null,
        sort_order: index + 1,
        retired_at: null,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        category: eb.ref('excluded.category'),
        name_zh: eb.ref('excluded.name_zh'),
        name_en: eb.ref('excluded.name_en'),
        unit: eb.ref('excluded.unit'),
        value_type: eb.ref('excluded.value_type'),
        description_zh: eb.ref('excluded.description_zh'),
        min_value: eb.ref('excluded.min_value'),
        max_value: eb.ref('excluded.max_value'),
        sort_order: eb.ref('excluded.sort_order'),
      })),
    )
    .execute();
}

/**
 * Sets which indicators a reporting year asks for, in catalogue order. A new
 * year gets the previous year's list (or the active catalogue for the first year).
 */
export async function assignCatalogueToYear(db: Kysely<Database> | Transaction<Database>, year: number, codes?: readonly string[]): Promise<void> {
  let list = codes;
  if (!list) {
    const previous = await db
      .selectFrom('reporting_year_indicators')
      .select('indicator_code')
      .where('year', '=', (eb) => eb.selectFrom('reporting_year_indicators').select((e) => e.fn.max('year').as('y')).where('year', '<', year))
      .orderBy('sort_order')
      .execute();
    list = previous.length
      ? previous.map((p) => p.indicator_code)
      : (await db.selectFrom('indicators').select('code').where('retired_at', 'is', null).orderBy('sort_order').execute()).map((i) => i.code);
  }
  await db.deleteFrom('reporting_year_indicators').where('year', '=', year).execute();
  if (list.length === 0) return;
  await db
    .insertInto('reporting_year_indicators')
    .values(list.map((code, index) => ({ year, indicator_code: code, sort_order: index + 1 })))
    .execute();
}
