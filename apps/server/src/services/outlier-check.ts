import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { outlierWarning, sizeBandOf, type Indicator, type IndicatorValues, type OutlierWarning } from '@union/domain';

/**
 * Outlier warnings for one school's values in one year: against its own
 * earlier years and against peer schools (same type and size band) in the
 * previous year, per 100 staff. Two queries, whatever the number of values.
 */
export async function outlierWarnings(
  db: Kysely<Database>,
  schoolId: number,
  year: number,
  values: IndicatorValues,
  catalogue: readonly Indicator[],
): Promise<OutlierWarning[]> {
  const school = await db.selectFrom('schools').select(['school_type', 'staff_count']).where('id', '=', schoolId).executeTakeFirst();
  if (!school) return [];
  const staffCount = values.staff_total ?? school.staff_count;
  const band = sizeBandOf(staffCount);

  const [history, peers] = await Promise.all([
    db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .select(['v.indicator_code', 'v.value'])
      .where('r.school_id', '=', schoolId)
      .where('r.year', '<', year)
      .where('r.status', 'in', ['submitted', 'approved'])
      .execute(),
    db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .innerJoin('schools as s', 's.id', 'r.school_id')
      .leftJoin('report_values as staff', (join) => join.onRef('staff.report_id', '=', 'r.id').on('staff.indicator_code', '=', 'staff_total'))
      .select(['v.indicator_code', 'v.value', 's.staff_count', 'staff.value as staff_total'])
      .where('r.year', '=', year - 1)
      .where('r.status', '=', 'approved')
      .where('s.school_type', '=', school.school_type)
      .where('r.school_id', '!=', schoolId)
      .execute(),
  ]);

  const ownHistory = new Map<string, number[]>();
  for (const row of history) ownHistory.set(row.indicator_code, [...(ownHistory.get(row.indicator_code) ?? []), row.value]);
  const peerRates = new Map<string, number[]>();
  for (const row of peers) {
    const staff = row.staff_total ?? row.staff_count;
    if (!staff || sizeBandOf(staff) !== band) continue;
    peerRates.set(row.indicator_code, [...(peerRates.get(row.indicator_code) ?? []), (row.value / staff) * 100]);
  }

  const warnings: OutlierWarning[] = [];
  for (const indicator of catalogue) {
    const value = values[indicator.code];
    if (value == null) continue;
    const warning = outlierWarning(indicator, value, {
      ownHistory: ownHistory.get(indicator.code) ?? [],
      peerValuesPer100Staff: peerRates.get(indicator.code) ?? [],
      staffCount,
    });
    if (warning) warnings.push(warning);
  }
  return warnings;
}
