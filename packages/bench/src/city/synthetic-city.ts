// A deterministic synthetic city for benchmarks: many districts' worth of
// schools, ten years, the full catalogue. Values scale with staff and drift
// over the years like the demo district's, without narratives (they are
// measured separately by the extractor benchmark).
import { defaultCatalogue, schoolTypes, type SchoolType } from '@union/domain';

export interface CityOptions {
  schools: number;
  years: number[];
  seed?: number;
}

export interface CitySchool {
  code: string;
  name: string;
  clusterCode: string;
  schoolType: SchoolType;
  staffCount: number;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SCHOOLS_PER_CLUSTER = 20;

export function citySchools(options: CityOptions): CitySchool[] {
  const random = mulberry32(options.seed ?? 2026);
  return Array.from({ length: options.schools }, (_, i) => {
    const schoolType = schoolTypes[Math.floor(random() * schoolTypes.length)]!;
    const staffCount = Math.round(20 + random() ** 2 * 220);
    return {
      code: `B${String(i + 1).padStart(5, '0')}`,
      name: `基准学校${i + 1}号`,
      clusterCode: `BC${String(Math.floor(i / SCHOOLS_PER_CLUSTER) + 1).padStart(4, '0')}`,
      schoolType,
      staffCount,
    };
  });
}

/** One school's values for one year, for every catalogue indicator. */
export function cityValues(school: CitySchool, schoolIndex: number, year: number, firstYear: number, seed = 2026): Record<string, number> {
  const random = mulberry32(seed * 7919 + schoolIndex * 104729 + year);
  const growth = 1 + 0.03 * (year - firstYear);
  const staff = Math.max(10, Math.round(school.staffCount * (0.97 + random() * 0.06)));
  const values: Record<string, number> = {};
  for (const indicator of defaultCatalogue) {
    const base = (0.5 + random() * 2) * growth;
    let value: number;
    switch (indicator.valueType) {
      case 'percent':
        value = Math.round(random() * 100);
        break;
      case 'money':
        value = Math.round(staff * base * 80) ;
        break;
      case 'decimal':
        value = Math.round((60 + random() * 40) * 10) / 10;
        break;
      default:
        value = Math.round((staff / 100) * base * 10 * (random() < 0.15 ? 0 : 1));
    }
    values[indicator.code] = value;
  }
  values.staff_total = staff;
  values.union_members = Math.round(staff * 0.95);
  values.female_staff = Math.round(staff * 0.6);
  values.proposals_resolved = Math.min(values.proposals_resolved!, values.proposals_collected!);
  values.outstanding_proposals = Math.min(values.outstanding_proposals!, values.proposals_collected!);
  values.outstanding_delegates = Math.min(values.outstanding_delegates!, values.congress_delegates!);
  values.congress_delegates = Math.min(values.congress_delegates!, staff);
  values.female_checkup_participants = Math.min(values.female_checkup_participants!, values.female_staff);
  values.retiree_checkup_participants = Math.min(values.retiree_checkup_participants!, values.retired_staff!);
  return values;
}
