import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import {
  outlierWarning,
  robustReference,
  sizeBandOf,
  type Indicator,
  type IndicatorValues,
  type OutlierWarning,
  type RobustReference,
  type SchoolType,
  type SizeBand,
} from '@union/domain';
import { TimedCache } from './timed-cache';

// A chair's form is saved every few seconds while they type, and the outlier
// references (the school's earlier years, last year's peer schools) do not
// change meanwhile: they are computed once per school and kept for minutes.
// Warnings are advice, so that much staleness is fine; the per-save cost is
// then independent of how many schools the city has.
const REFERENCE_CACHE_MS = 10 * 60 * 1000;

/** Last year's per-100-staff rates of one school type: by size band, then indicator. */
type PeerRates = Map<SizeBand, Map<string, { schoolIds: number[]; rates: number[] }>>;

interface SchoolReferences {
  schoolType: SchoolType;
  staffCount: number;
  own: Map<string, RobustReference>;
  /** Peers of the same type by size band (the band follows this year's staff figure). */
  peersByBand: Map<SizeBand, Promise<Map<string, RobustReference>>>;
}

const peerCache = new TimedCache<PeerRates>(REFERENCE_CACHE_MS);
const schoolCache = new TimedCache<SchoolReferences | null>(REFERENCE_CACHE_MS);

/** Last year's approved figures of one school type, per 100 staff: shared by every school of that type. */
function peerRates(db: Kysely<Database>, year: number, schoolType: SchoolType): Promise<PeerRates> {
  return peerCache.get(db, `${year}/${schoolType}`, async () => {
    const found = await db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .innerJoin('schools as s', 's.id', 'r.school_id')
      .leftJoin('report_values as staff', (join) => join.onRef('staff.report_id', '=', 'r.id').on('staff.indicator_code', '=', 'staff_total'))
      .select(['r.school_id', 'v.indicator_code', 'v.value', 's.staff_count', 'staff.value as staff_total'])
      .where('r.year', '=', year)
      .where('r.status', '=', 'approved')
      .where('s.school_type', '=', schoolType)
      .execute();
    const byBand: PeerRates = new Map();
    for (const r of found) {
      const staff = r.staff_total ?? r.staff_count;
      if (!(staff > 0)) continue;
      const band = sizeBandOf(staff);
      let byCode = byBand.get(band);
      if (!byCode) byBand.set(band, (byCode = new Map()));
      let list = byCode.get(r.indicator_code);
      if (!list) byCode.set(r.indicator_code, (list = { schoolIds: [], rates: [] }));
      list.schoolIds.push(r.school_id);
      list.rates.push((r.value / staff) * 100);
    }
    return byBand;
  });
}

function referencesByCode(valuesByCode: Map<string, number[]>): Map<string, RobustReference> {
  return new Map([...valuesByCode].map(([code, values]) => [code, robustReference(values)]));
}

function schoolReferences(db: Kysely<Database>, schoolId: number, year: number): Promise<SchoolReferences | null> {
  return schoolCache.get(db, `${year}/${schoolId}`, async () => {
    const school = await db.selectFrom('schools').select(['school_type', 'staff_count']).where('id', '=', schoolId).executeTakeFirst();
    if (!school) return null;
    const history = await db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .select(['v.indicator_code', 'v.value'])
      .where('r.school_id', '=', schoolId)
      .where('r.year', '<', year)
      .where('r.status', 'in', ['submitted', 'approved'])
      .execute();
    const own = new Map<string, number[]>();
    for (const row of history) {
      const list = own.get(row.indicator_code);
      if (list) list.push(row.value);
      else own.set(row.indicator_code, [row.value]);
    }
    const peersByBand = new Map<SizeBand, Promise<Map<string, RobustReference>>>();
    return { schoolType: school.school_type, staffCount: school.staff_count, own: referencesByCode(own), peersByBand };
  });
}

function peerReferences(db: Kysely<Database>, references: SchoolReferences, schoolId: number, year: number, band: SizeBand): Promise<Map<string, RobustReference>> {
  let byCode = references.peersByBand.get(band);
  if (!byCode) {
    byCode = peerRates(db, year - 1, references.schoolType).then((byBand) => {
      const rates = new Map<string, number[]>();
      for (const [code, list] of byBand.get(band) ?? []) rates.set(code, list.rates.filter((_, i) => list.schoolIds[i] !== schoolId));
      return referencesByCode(rates);
    });
    references.peersByBand.set(band, byCode);
  }
  return byCode;
}

/**
 * Outlier warnings for one school's values in one year: against its own
 * earlier years and against peer schools (same type and size band) in the
 * previous year, per 100 staff.
 */
export async function outlierWarnings(
  db: Kysely<Database>,
  schoolId: number,
  year: number,
  values: IndicatorValues,
  catalogue: readonly Indicator[],
): Promise<OutlierWarning[]> {
  const references = await schoolReferences(db, schoolId, year);
  if (!references) return [];
  const staffCount = values.staff_total ?? references.staffCount;
  const peers = await peerReferences(db, references, schoolId, year, sizeBandOf(staffCount));
  const nothing: number[] = [];

  const warnings: OutlierWarning[] = [];
  for (const indicator of catalogue) {
    const value = values[indicator.code];
    if (value == null) continue;
    const warning = outlierWarning(indicator, value, {
      ownHistory: references.own.get(indicator.code) ?? nothing,
      peerValuesPer100Staff: peers.get(indicator.code) ?? nothing,
      staffCount,
    });
    if (warning) warnings.push(warning);
  }
  return warnings;
}
