import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { outlierWarning, sizeBandOf, type Indicator, type IndicatorValues, type OutlierWarning, type SchoolType } from '@union/domain';

interface PeerRow {
  schoolId: number;
  code: string;
  value: number;
  staff: number;
}

// Last year's approved figures of one school type barely change while chairs
// type this year's: caching them keeps the per-save cost independent of how
// many schools the district has. Warnings are advice, so minutes of staleness are fine.
const PEER_CACHE_MS = 10 * 60 * 1000;
const peerCaches = new WeakMap<Kysely<Database>, Map<string, { at: number; rows: Promise<PeerRow[]> }>>();

function peerValues(db: Kysely<Database>, year: number, schoolType: SchoolType, excludeSchoolId: number): Promise<PeerRow[]> {
  let peerCache = peerCaches.get(db);
  if (!peerCache) peerCaches.set(db, (peerCache = new Map()));
  const cache = peerCache;
  const key = `${year}/${schoolType}`;
  const cached = cache.get(key);
  const rows =
    cached && Date.now() - cached.at < PEER_CACHE_MS
      ? cached.rows
      : db
          .selectFrom('report_values as v')
          .innerJoin('reports as r', 'r.id', 'v.report_id')
          .innerJoin('schools as s', 's.id', 'r.school_id')
          .leftJoin('report_values as staff', (join) => join.onRef('staff.report_id', '=', 'r.id').on('staff.indicator_code', '=', 'staff_total'))
          .select(['r.school_id', 'v.indicator_code', 'v.value', 's.staff_count', 'staff.value as staff_total'])
          .where('r.year', '=', year)
          .where('r.status', '=', 'approved')
          .where('s.school_type', '=', schoolType)
          .execute()
          .then((found) => found.map((r) => ({ schoolId: r.school_id, code: r.indicator_code, value: r.value, staff: r.staff_total ?? r.staff_count })));
  if (rows !== cached?.rows) {
    cache.set(key, { at: Date.now(), rows });
    rows.catch(() => cache.delete(key));
  }
  return rows.then((all) => all.filter((r) => r.schoolId !== excludeSchoolId));
}

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
    peerValues(db, year - 1, school.school_type, schoolId),
  ]);

  const ownHistory = new Map<string, number[]>();
  for (const row of history) ownHistory.set(row.indicator_code, [...(ownHistory.get(row.indicator_code) ?? []), row.value]);
  const peerRates = new Map<string, number[]>();
  for (const row of peers) {
    if (!row.staff || sizeBandOf(row.staff) !== band) continue;
    peerRates.set(row.code, [...(peerRates.get(row.code) ?? []), (row.value / row.staff) * 100]);
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
