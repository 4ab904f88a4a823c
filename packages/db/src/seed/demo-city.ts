import type { ReportProgress } from '@union/domain';
import { DEMO_PASSWORD, DISTRICT, OPEN_YEAR, profileSchool, reportsForSchool, type DemoOrgUnit, type DemoReport, type DemoSchool, type DemoUser, type RosterEntry } from './demo-district';
import { streamFor } from './random';

/**
 * 示范市教育工会: the demo district plus two smaller districts under one city
 * union, so the city's district comparison has something to compare. Pure and
 * deterministic like the district generator (own random streams, so the demo
 * district's data stays exactly as it was).
 */

export const DEMO_CITY = { kind: 'city', code: 'CITY01', name: '示范市教育工会' } as const;

interface SmallDistrictSpec {
  district: DemoOrgUnit;
  /** Seed offset: each district draws from its own streams. */
  seedOffset: number;
  schoolPrefix: string;
  roster: readonly Omit<RosterEntry, 'cluster'>[];
  /** Where each school stands in the open year (by code); past years are approved except `missing`. */
  openYear: Record<string, ReportProgress>;
  missing: readonly { schoolCode: string; year: number }[];
  admin: { username: string; displayName: string };
}

const SMALL_DISTRICTS: readonly SmallDistrictSpec[] = [
  {
    district: { code: 'D002', name: '滨江区教育工会' },
    seedOffset: 1,
    schoolPrefix: 'B',
    roster: [
      { name: '滨江实验小学', type: 'primary', chair: '许文华' },
      { name: '滨江中学', type: 'junior', chair: '邓志明' },
      { name: '滨江幼儿园', type: 'kindergarten', chair: '沈佳' },
      { name: '滨江高级中学', type: 'senior', chair: '曾庆华' },
      { name: '江湾小学', type: 'primary', chair: '彭丽' },
      { name: '滨江职业学校', type: 'vocational', chair: '吕强' },
    ],
    openYear: { B01: 'approved', B02: 'approved', B03: 'submitted', B04: 'approved', B05: 'draft', B06: 'not_started' },
    missing: [{ schoolCode: 'B05', year: 2023 }],
    admin: { username: 'admin_binjiang', displayName: '滨江区工会管理员 许老师' },
  },
  {
    district: { code: 'D003', name: '山南区教育工会' },
    seedOffset: 2,
    schoolPrefix: 'N',
    roster: [
      { name: '山南中心小学', type: 'primary', chair: '蒋红霞' },
      { name: '山南九年一贯制学校', type: 'nine_year', chair: '韦建平' },
      { name: '山南中学', type: 'junior', chair: '卢晓东' },
      { name: '山南幼儿园', type: 'kindergarten', chair: '丁秀兰' },
    ],
    openYear: { N01: 'submitted', N02: 'approved', N03: 'draft', N04: 'not_started' },
    missing: [{ schoolCode: 'N04', year: 2022 }],
    admin: { username: 'admin_shannan', displayName: '山南区工会管理员 蒋老师' },
  },
];

export interface DemoCity {
  city: DemoOrgUnit & { kind: 'city' };
  /** The two smaller districts (the demo district itself comes from generateDemoDistrict). */
  districts: DemoOrgUnit[];
  schools: DemoSchool[];
  reports: DemoReport[];
  users: DemoUser[];
}

export function generateDemoCity(seed: number): DemoCity {
  const schools: DemoSchool[] = [];
  const reports: DemoReport[] = [];
  const users: DemoUser[] = [
    { username: 'city1', displayName: '市教育工会管理员 周老师', role: 'city_admin', orgUnitCode: DEMO_CITY.code, password: DEMO_PASSWORD },
    { username: 'cityview1', displayName: '市教育工会 钱老师（只读）', role: 'city_viewer', orgUnitCode: DEMO_CITY.code, password: DEMO_PASSWORD },
  ];
  for (const spec of SMALL_DISTRICTS) {
    const districtSeed = seed + spec.seedOffset * 7919;
    const progress = (code: string, year: number): ReportProgress => {
      if (year === OPEN_YEAR) return spec.openYear[code] ?? 'not_started';
      return spec.missing.some((m) => m.schoolCode === code && m.year === year) ? 'not_started' : 'approved';
    };
    spec.roster.forEach((entry, index) => {
      const code = `${spec.schoolPrefix}${String(index + 1).padStart(2, '0')}`;
      const profile = profileSchool({ ...entry, cluster: null }, index, streamFor(districtSeed, index), code);
      profile.school.districtCode = spec.district.code;
      schools.push(profile.school);
      reports.push(...reportsForSchool(profile, districtSeed, index, progress));
    });
    users.push({ ...spec.admin, role: 'district_admin', orgUnitCode: spec.district.code, password: DEMO_PASSWORD });
  }
  return { city: { ...DEMO_CITY }, districts: SMALL_DISTRICTS.map((s) => ({ ...s.district })), schools, reports, users };
}

/** The demo district's code, for placing it under the city. */
export const DEMO_DISTRICT_CODE = DISTRICT.code;
