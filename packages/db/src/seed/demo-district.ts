import {
  isOpenIn,
  defaultCatalogue,
  type Honour,
  type HonourLevel,
  type Locality,
  type Ownership,
  type Narrative,
  type ReportingYearInfo,
  type ReportProgress,
  type ReportStatus,
  type SchoolType,
} from '@union/domain';
import type { UserRole } from '../schema';
import { writeDraftNarrative, writeNarrative } from './demo-narrative';
import {
  chance,
  intBetween,
  logNormal,
  normal,
  pick,
  pickWeighted,
  poisson,
  streamFor,
  uniform,
  type Rng,
} from './random';

/**
 * 示范区教育工会: a believable demo district of 30 school unions with five
 * years of yearly reports (values, narrative 工会工作总结, honours) and one
 * login per chair. Pure and deterministic: the same seed gives the same data,
 * timestamps are fixed, nothing reads the clock.
 */

export const DEMO_PASSWORD = 'Demo@2026';
export const DEFAULT_DEMO_SEED = 20260115;

const FIRST_YEAR = 2022;
export const OPEN_YEAR = 2026;
const DEMO_YEARS = [2022, 2023, 2024, 2025, 2026] as const;

export interface DemoOrgUnit {
  code: string;
  name: string;
}

export interface DemoSchool {
  code: string;
  name: string;
  schoolType: SchoolType;
  staffCount: number;
  memberCount: number;
  /** null: the school sits directly under the district. */
  clusterCode: string | null;
  /** The district it belongs to when not the demo district (the city's smaller districts). */
  districtCode?: string;
  /** First reporting year; closedYear: last one (null while open). */
  openedYear: number;
  closedYear: number | null;
  /** 城区/乡镇/农村 and 公办/民办 (school groups). */
  locality: Locality;
  ownership: Ownership;
}

/** A group the district defines (教育集团, 新优质学校…) with its member schools. */
export interface DemoSchoolGroup {
  name: string;
  description: string;
  schoolCodes: string[];
}

/** "predecessor was merged into successor in year". */
export interface DemoMerge {
  predecessorCode: string;
  successorCode: string;
  year: number;
}

export interface DemoReport {
  schoolCode: string;
  year: number;
  status: ReportStatus;
  /** Counts writes (optimistic locking), so a report further along has a higher version. */
  version: number;
  /** Keyed by indicator code. Drafts hold only the codes filled in so far. */
  values: Record<string, number>;
  narrative: Narrative;
  honours: Honour[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: UserRole;
  orgUnitCode: string;
  password: string;
}

export interface DemoDistrict {
  district: DemoOrgUnit & { kind: 'district' };
  clusters: (DemoOrgUnit & { kind: 'cluster' })[];
  schools: DemoSchool[];
  merges: DemoMerge[];
  groups: DemoSchoolGroup[];
  reportingYears: ReportingYearInfo[];
  reports: DemoReport[];
  users: DemoUser[];
}

export interface DemoOutlier {
  schoolCode: string;
  year: number;
  indicatorCode: string;
  /** The outlier is this many times the school's highest value in its other years. */
  factor: number;
  cause: string;
}

/**
 * Deliberate outliers, for testing outlier checks. All sit in approved past
 * reports, and the narrative repeats the outlying figure as a chair would:
 * - S07 东湖中学 2024: hardship_aid_amount ×10 (an extra zero typed in)
 * - S18 北部中心小学 2023: sick_visits ×6 (sudden jump)
 * - S26 示范区第一中学 2025: staff_trainings ×8 (every training session counted per person)
 */
export const demoOutliers: readonly DemoOutlier[] = [
  { schoolCode: 'S07', year: 2024, indicatorCode: 'hardship_aid_amount', factor: 10, cause: '多输入了一个0' },
  { schoolCode: 'S18', year: 2023, indicatorCode: 'sick_visits', factor: 6, cause: '探病人次突然猛增' },
  { schoolCode: 'S26', year: 2025, indicatorCode: 'staff_trainings', factor: 8, cause: '按场次重复计算了培训人次' },
];

export const DISTRICT = { kind: 'district', code: 'D001', name: '示范区教育工会' } as const;

const CLUSTERS = [
  { kind: 'cluster', code: 'C01', name: '城东片区' },
  { kind: 'cluster', code: 'C02', name: '城西片区' },
  { kind: 'cluster', code: 'C03', name: '北部学区' },
] as const;

type ClusterCode = (typeof CLUSTERS)[number]['code'];

/** One first-step reviewer per cluster (片区审核员). */
const CLUSTER_REVIEWERS: readonly { username: string; displayName: string; orgUnitCode: ClusterCode }[] = [
  { username: 'reviewer_east', displayName: '城东片区 审核员 陈老师', orgUnitCode: 'C01' },
  { username: 'reviewer_west', displayName: '城西片区 审核员 赵老师', orgUnitCode: 'C02' },
  { username: 'reviewer_north', displayName: '北部学区 审核员 孙老师', orgUnitCode: 'C03' },
];

export interface RosterEntry {
  name: string;
  type: SchoolType;
  cluster: ClusterCode | null;
  chair: string;
}

/** Codes follow the order: S01 is the first entry. */
const SCHOOL_ROSTER: readonly RosterEntry[] = [
  { name: '示范区实验小学', type: 'primary', cluster: 'C01', chair: '张敏' },
  { name: '城东第一小学', type: 'primary', cluster: 'C01', chair: '李建华' },
  { name: '城东第二中学', type: 'junior', cluster: 'C01', chair: '王芳' },
  { name: '阳光幼儿园', type: 'kindergarten', cluster: 'C01', chair: '刘静' },
  { name: '东湖小学', type: 'primary', cluster: 'C01', chair: '陈志刚' },
  { name: '城东实验幼儿园', type: 'kindergarten', cluster: 'C01', chair: '杨丽' },
  { name: '东湖中学', type: 'junior', cluster: 'C01', chair: '赵国强' },
  { name: '示范区实验学校', type: 'nine_year', cluster: 'C01', chair: '黄海燕' },
  { name: '城西小学', type: 'primary', cluster: 'C02', chair: '周伟' },
  { name: '西苑小学', type: 'primary', cluster: 'C02', chair: '吴晓燕' },
  { name: '城西中学', type: 'junior', cluster: 'C02', chair: '徐立新' },
  { name: '育才初级中学', type: 'junior', cluster: 'C02', chair: '孙丽娟' },
  { name: '西苑幼儿园', type: 'kindergarten', cluster: 'C02', chair: '胡雪梅' },
  { name: '春晖幼儿园', type: 'kindergarten', cluster: 'C02', chair: '朱红' },
  { name: '育英小学', type: 'primary', cluster: 'C02', chair: '高建军' },
  { name: '城西高级中学', type: 'senior', cluster: 'C02', chair: '林慧' },
  { name: '示范区商贸职业学校', type: 'vocational', cluster: 'C02', chair: '何明' },
  { name: '北部中心小学', type: 'primary', cluster: 'C03', chair: '郭永红' },
  { name: '青山镇中心小学', type: 'primary', cluster: 'C03', chair: '马俊' },
  { name: '青山镇九年一贯制学校', type: 'nine_year', cluster: 'C03', chair: '罗秀英' },
  { name: '河口学校', type: 'nine_year', cluster: 'C03', chair: '梁文斌' },
  { name: '北部中学', type: 'junior', cluster: 'C03', chair: '宋桂兰' },
  { name: '青山镇中心幼儿园', type: 'kindergarten', cluster: 'C03', chair: '郑春燕' },
  { name: '河口小学', type: 'primary', cluster: 'C03', chair: '谢宏伟' },
  { name: '北部职业高级中学', type: 'vocational', cluster: 'C03', chair: '韩淑珍' },
  { name: '示范区第一中学', type: 'senior', cluster: null, chair: '唐志远' },
  { name: '示范区第二高级中学', type: 'senior', cluster: null, chair: '冯雅琴' },
  { name: '示范区职业技术学校', type: 'vocational', cluster: null, chair: '董卫东' },
  { name: '示范区机关幼儿园', type: 'kindergarten', cluster: null, chair: '程玉兰' },
  { name: '城南小学', type: 'primary', cluster: null, chair: '曹丽萍' },
  // Opened 2025 from the merger of S13 西苑幼儿园 and S14 春晖幼儿园 (see SCHOOL_LIFE_CYCLE).
  { name: '西苑春晖幼儿园', type: 'kindergarten', cluster: 'C02', chair: '彭晓雯' },
];

/**
 * The district changes like a real one: S23 opened in 2024, S29 closed after
 * 2024 (its kindergarten moved into a primary school's campus), and the two
 * small kindergartens S13 and S14 merged into the new S31 in 2025. Every
 * other school was open in all demo years.
 */
const SCHOOL_LIFE_CYCLE: Record<string, { openedYear?: number; closedYear?: number }> = {
  S23: { openedYear: 2024 },
  S29: { closedYear: 2024 },
  S13: { closedYear: 2024 },
  S14: { closedYear: 2024 },
  S31: { openedYear: 2025 },
};
const DEMO_MERGES: readonly DemoMerge[] = [
  { predecessorCode: 'S13', successorCode: 'S31', year: 2025 },
  { predecessorCode: 'S14', successorCode: 'S31', year: 2025 },
];

/**
 * School groups: the city clusters and the district's own schools are 城区;
 * the north is 乡镇 around 青山镇, 农村 at 河口. Two private (民办) schools.
 */
const TOWN_SCHOOLS = new Set(['S18', 'S19', 'S20', 'S22', 'S23', 'S25']);
const RURAL_SCHOOLS = new Set(['S21', 'S24']);
const PRIVATE_SCHOOLS = new Set(['S04', 'S12']);
const localityOf = (code: string): Locality => (RURAL_SCHOOLS.has(code) ? 'rural' : TOWN_SCHOOLS.has(code) ? 'town' : 'urban');
const DEMO_GROUPS: readonly DemoSchoolGroup[] = [
  { name: '实验教育集团', description: '以示范区实验小学为龙头的集团化办学', schoolCodes: ['S01', 'S06', 'S08', 'S30'] },
  { name: '新优质学校', description: '区新优质学校培育对象', schoolCodes: ['S02', 'S10', 'S19', 'S24', 'S31'] },
];

function schoolCode(index: number): string {
  return `S${String(index + 1).padStart(2, '0')}`;
}

// Past years: almost everything approved, a few reports never came in, two still await review.
const MISSING_PAST_REPORTS = [
  { schoolCode: 'S14', year: 2022 },
  { schoolCode: 'S22', year: 2023 },
  { schoolCode: 'S30', year: 2025 },
];
const UNREVIEWED_PAST_REPORTS = [
  { schoolCode: 'S20', year: 2024 },
  { schoolCode: 'S09', year: 2025 },
];

/** Where each school stands in the open year, for a dashboard with something in every column. */
const OPEN_YEAR_PROGRESS: Record<ReportProgress, readonly string[]> = {
  approved: ['S01', 'S03', 'S05', 'S08', 'S15', 'S18', 'S26', 'S28'],
  // The open year is reviewed in two steps: one report per cluster waits for the district's acceptance.
  cluster_approved: ['S07', 'S16', 'S21'],
  submitted: ['S02', 'S10', 'S25', 'S27'],
  returned: ['S12', 'S19'],
  draft: ['S04', 'S06', 'S09', 'S11', 'S17', 'S20', 'S31'],
  // S13, S14 and S29 are closed by the open year and not expected.
  // Four to try the form with, one of them (S30) directly under the district.
  not_started: ['S22', 'S23', 'S24', 'S30'],
};

function progressOf(code: string, year: number): ReportProgress {
  const is = (pair: { schoolCode: string; year: number }) => pair.schoolCode === code && pair.year === year;
  if (year === OPEN_YEAR) {
    const entry = Object.entries(OPEN_YEAR_PROGRESS).find(([, codes]) => codes.includes(code));
    if (!entry) throw new Error(`OPEN_YEAR_PROGRESS has no entry for ${code}`);
    return entry[0] as ReportProgress;
  }
  if (MISSING_PAST_REPORTS.some(is)) return 'not_started';
  if (UNREVIEWED_PAST_REPORTS.some(is)) return 'submitted';
  return 'approved';
}

/** Believable staff sizes per school type: kindergartens small, senior and vocational schools large. */
const STAFF_RANGE: Record<SchoolType, readonly [number, number]> = {
  kindergarten: [18, 55],
  primary: [45, 150],
  junior: [60, 140],
  senior: [130, 260],
  nine_year: [80, 190],
  vocational: [120, 240],
};

const FEMALE_SHARE: Record<SchoolType, readonly [number, number]> = {
  kindergarten: [0.94, 1],
  primary: [0.7, 0.86],
  junior: [0.58, 0.7],
  senior: [0.48, 0.6],
  nine_year: [0.62, 0.75],
  vocational: [0.42, 0.55],
};

/** Retirees the school union still looks after, per current staff member. */
const RETIREE_RATIO: Record<SchoolType, readonly [number, number]> = {
  kindergarten: [0.05, 0.3],
  primary: [0.25, 0.6],
  junior: [0.25, 0.6],
  senior: [0.2, 0.5],
  nine_year: [0.3, 0.7],
  vocational: [0.3, 0.7],
};

/** What a school is like, drawn once and kept across years. */
export interface SchoolProfile {
  school: DemoSchool;
  chair: string;
  memberRate: number;
  femaleShare: number;
  retireeRatio: number;
  staffGrowthPerYear: number;
  /** How active the union is overall (log-normal around 1). */
  activity: number;
  /** Yearly change of activity: most schools grow a little, some stay flat, a few decline. */
  trendPerYear: number;
  /** Per-indicator habits: one school visits the sick a lot, another runs many contests. */
  affinity: Map<string, number>;
  delegateShare: number;
  disclosureScoreBase: number;
  aidPerRecipient: number;
  spendPerSickVisit: number;
  welfarePerMember: number;
  duesPerMember: number;
  otherSpendPerStaff: number;
  organisesRestTrips: boolean;
  joinsMutualInsurance: boolean;
  sendsBirthdayGreetings: boolean;
  /** Union committees serve five-year terms, so each school elects once in the five demo years. */
  electionYear: number;
}

/** `code` defaults to the demo district's S01…; the city's other districts bring their own codes. */
export function profileSchool(entry: RosterEntry, index: number, rng: Rng, code = schoolCode(index)): SchoolProfile {
  const [minStaff, maxStaff] = STAFF_RANGE[entry.type];
  // Log-uniform: many schools near the small end of their range, a few large ones.
  const staffCount = Math.round(Math.exp(uniform(rng, Math.log(minStaff), Math.log(maxStaff))));
  const memberRate = uniform(rng, 0.9, 1);
  const trendKind = rng();
  return {
    school: {
      code,
      name: entry.name,
      schoolType: entry.type,
      staffCount,
      memberCount: Math.round(staffCount * memberRate),
      clusterCode: entry.cluster,
      openedYear: SCHOOL_LIFE_CYCLE[code]?.openedYear ?? FIRST_YEAR,
      closedYear: SCHOOL_LIFE_CYCLE[code]?.closedYear ?? null,
      locality: localityOf(code),
      ownership: PRIVATE_SCHOOLS.has(code) ? 'private' : 'public',
    },
    chair: entry.chair,
    memberRate,
    femaleShare: uniform(rng, ...FEMALE_SHARE[entry.type]),
    retireeRatio: uniform(rng, ...RETIREE_RATIO[entry.type]),
    staffGrowthPerYear: uniform(rng, -0.02, 0.03),
    activity: logNormal(rng, 0.25),
    trendPerYear: trendKind < 0.7 ? uniform(rng, 0.03, 0.1) : trendKind < 0.88 ? uniform(rng, -0.01, 0.01) : uniform(rng, -0.08, -0.03),
    affinity: new Map(defaultCatalogue.map((indicator) => [indicator.code, logNormal(rng, 0.3)])),
    delegateShare: uniform(rng, 0.3, 0.45),
    disclosureScoreBase: uniform(rng, 72, 96),
    aidPerRecipient: uniform(rng, 500, 1500),
    spendPerSickVisit: uniform(rng, 200, 500),
    welfarePerMember: uniform(rng, 200, 600),
    duesPerMember: uniform(rng, 300, 480),
    otherSpendPerStaff: uniform(rng, 300, 700),
    organisesRestTrips: chance(rng, 0.8),
    joinsMutualInsurance: chance(rng, 0.45),
    sendsBirthdayGreetings: chance(rng, 0.6),
    electionYear: intBetween(rng, FIRST_YEAR, OPEN_YEAR),
  };
}

/** 2022 still had epidemic restrictions: fewer trips, gatherings and outside trainings. */
const EPIDEMIC_2022_FACTOR: Record<string, number> = {
  rest_trip_participants: 0.3,
  culture_sports_events: 0.6,
  external_competitions: 0.5,
  staff_trainings: 0.5,
};

/**
 * Activity counts: [base per 100 staff, elasticity]. Elasticity 1 scales with
 * staff (visits, trainings), 0 does not (cadre trainings happen whatever the
 * school's size), in between for events that grow slower than the school.
 */
const ACTIVITY_RATES: Record<string, readonly [number, number]> = {
  ethics_activities: [4, 0.3],
  ethics_commendations: [3, 1],
  publicity_issues: [6, 0.3],
  delegate_trainings: [1.2, 0],
  democratic_rules_made: [2.5, 0.3],
  joint_meetings: [6, 0.2],
  staff_assemblies: [3, 0.1],
  opinion_solicitations: [2, 0.2],
  affairs_disclosure_items: [15, 0.4],
  proposals_collected: [12, 0.5],
  outstanding_delegates: [2, 0.5],
  hardship_aid_recipients: [4, 1],
  sick_visits: [8, 1],
  condolence_visits: [1.5, 1],
  holiday_visits: [15, 1],
  staff_home_visits: [5, 1],
  mutual_insurance_claimants: [2, 1],
  health_lectures: [2, 0.3],
  culture_sports_events: [6, 0.4],
  external_competitions: [3, 0.4],
  sports_teams: [2, 0.5],
  mentor_pairs: [8, 1],
  skill_competitions: [3, 0.3],
  staff_trainings: [25, 1],
  female_activities: [3, 0.3],
  retiree_activities: [2, 0.3],
  cadre_trainings: [2, 0],
  union_papers: [0.3, 0.5],
  info_submissions: [6, 0.5],
  staff_individual_awards: [10, 1],
  staff_team_awards: [1.5, 0.5],
  model_team_nominations: [1, 0.3],
};

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** One year's full set of values, before outliers and draft gaps. */
function generateValues(profile: SchoolProfile, year: number, honours: readonly Honour[], rng: Rng): Record<string, number> {
  const yearsSinceStart = year - FIRST_YEAR;
  const trend = (1 + profile.trendPerYear) ** yearsSinceStart;
  const staff = Math.round(profile.school.staffCount * (1 + profile.staffGrowthPerYear) ** (year - OPEN_YEAR) * (1 + 0.01 * normal(rng)));
  const members = Math.min(staff, Math.round(staff * clamp(profile.memberRate + 0.01 * normal(rng), 0.85, 1)));
  const female = Math.min(staff, Math.round(staff * profile.femaleShare));
  const retired = Math.round(staff * profile.retireeRatio * (1 + 0.02 * yearsSinceStart));
  const hundreds = staff / 100;

  const epidemic = (code: string): number => (year === 2022 ? (EPIDEMIC_2022_FACTOR[code] ?? 1) : 1);
  const activity = (code: string): number => {
    const rate = ACTIVITY_RATES[code];
    if (!rate) throw new Error(`no activity rate for ${code}`);
    const [base, elasticity] = rate;
    const habits = profile.activity * (profile.affinity.get(code) ?? 1);
    return poisson(rng, base * hundreds ** elasticity * habits * trend * epidemic(code) * logNormal(rng, 0.15));
  };

  const delegates = staff < 60 ? members : Math.max(30, Math.round(members * profile.delegateShare));
  const proposalsCollected = activity('proposals_collected');
  const hardshipRecipients = activity('hardship_aid_recipients');
  const sickVisits = activity('sick_visits');
  const insuranceClaimants = profile.joinsMutualInsurance ? activity('mutual_insurance_claimants') : 0;
  const restTripParticipants = profile.organisesRestTrips
    ? Math.min(members, Math.round(members * uniform(rng, 0.3, 0.9) * epidemic('rest_trip_participants')))
    : 0;
  const facilityInvestment = chance(rng, 0.4) ? roundTo(uniform(rng, 3000, 40000) * Math.sqrt(hundreds) * trend, 100) : 0;
  const sickVisitAmount = roundTo(sickVisits * profile.spendPerSickVisit * logNormal(rng, 0.1), 10);
  const holidayWelfare = roundTo(members * profile.welfarePerMember * trend * logNormal(rng, 0.05), 100);
  const newCadreShare = (() => {
    if (year !== profile.electionYear) return 0;
    const committeeSize = staff < 60 ? 5 : staff < 150 ? 7 : 9;
    return Math.round((intBetween(rng, 1, committeeSize - 1) / committeeSize) * 1000) / 10;
  })();
  const upperLevel = honours.filter((honour) => honour.level !== 'school');

  const values: Record<string, number> = {
    staff_total: staff,
    union_members: members,
    female_staff: female,
    retired_staff: retired,
    union_groups: Math.max(2, Math.round(staff / 15)) + (retired > 0 ? 1 : 0),
    ethics_activities: activity('ethics_activities'),
    ethics_commendations: Math.min(staff, activity('ethics_commendations')),
    publicity_issues: activity('publicity_issues'),
    congress_sessions: 1 + (chance(rng, 0.35) ? 1 : 0) + (chance(rng, 0.08) ? 1 : 0),
    congress_delegates: delegates,
    delegate_trainings: activity('delegate_trainings'),
    proposals_collected: proposalsCollected,
    proposals_resolved: Math.round(proposalsCollected * uniform(rng, 0.75, 1)),
    outstanding_proposals: Math.round(proposalsCollected * uniform(rng, 0.1, 0.25)),
    outstanding_delegates: Math.min(delegates, activity('outstanding_delegates')),
    democratic_rules_made: activity('democratic_rules_made'),
    joint_meetings: activity('joint_meetings'),
    staff_assemblies: activity('staff_assemblies'),
    opinion_solicitations: activity('opinion_solicitations'),
    affairs_disclosure_items: activity('affairs_disclosure_items'),
    affairs_disclosure_score:
      Math.round(clamp(profile.disclosureScoreBase + yearsSinceStart * (profile.trendPerYear > 0 ? 0.8 : -0.3) + 1.5 * normal(rng), 60, 100) * 2) / 2,
    hardship_aid_recipients: hardshipRecipients,
    hardship_aid_amount: roundTo(hardshipRecipients * profile.aidPerRecipient * logNormal(rng, 0.15), 100),
    sick_visits: sickVisits,
    sick_visit_amount: sickVisitAmount,
    condolence_visits: activity('condolence_visits'),
    holiday_visits: Math.min(staff, activity('holiday_visits')),
    holiday_welfare_amount: holidayWelfare,
    birthday_greetings: profile.sendsBirthdayGreetings ? Math.round(members * uniform(rng, 0.92, 1)) : 0,
    staff_home_visits: activity('staff_home_visits'),
    mutual_insurance_claimants: insuranceClaimants,
    // Claims are paid to the fen, so this money field keeps its decimals.
    mutual_insurance_amount: roundCents(insuranceClaimants * uniform(rng, 800, 3500)),
    health_checkup_participants: Math.round(staff * uniform(rng, 0.85, 1)),
    health_lectures: activity('health_lectures'),
    rest_trip_participants: restTripParticipants,
    rest_trip_groups: restTripParticipants === 0 ? 0 : Math.max(1, Math.round(restTripParticipants / uniform(rng, 25, 45))),
    culture_sports_events: activity('culture_sports_events'),
    external_competitions: activity('external_competitions'),
    sports_teams: activity('sports_teams'),
    fitness_equipment_items: facilityInvestment > 0 ? 1 + poisson(rng, facilityInvestment / 4000) : 0,
    facility_investment: facilityInvestment,
    mentor_pairs: activity('mentor_pairs'),
    skill_competitions: activity('skill_competitions'),
    staff_trainings: activity('staff_trainings'),
    female_activities: activity('female_activities'),
    female_checkup_participants: Math.round(female * uniform(rng, 0.85, 1)),
    retiree_activities: activity('retiree_activities'),
    retiree_checkup_participants: Math.round(retired * uniform(rng, 0.5, 0.9)),
    retiree_visits: Math.round(retired * uniform(rng, 0.3, 1.2)),
    // Dues are a share of each member's salary, so the total has fen in it.
    union_dues_collected: roundCents(members * profile.duesPerMember * (1 + 0.03 * yearsSinceStart)),
    // Spending covers welfare, sick visits and facilities, plus everyday costs.
    union_expenditure: roundTo(holidayWelfare + sickVisitAmount + facilityInvestment + staff * profile.otherSpendPerStaff * trend, 100),
    cadre_trainings: activity('cadre_trainings'),
    new_cadre_share: newCadreShare,
    union_papers: activity('union_papers'),
    info_submissions: activity('info_submissions'),
    union_collective_honours: upperLevel.filter((honour) => honour.kind === 'collective').length,
    staff_individual_awards: upperLevel.filter((honour) => honour.kind === 'individual').length + activity('staff_individual_awards'),
    staff_team_awards: activity('staff_team_awards'),
    model_team_nominations: activity('model_team_nominations'),
  };
  // Catalogue order, and a loud failure if the catalogue gains an indicator this generator does not know.
  return Object.fromEntries(
    defaultCatalogue.map((indicator) => {
      const value = values[indicator.code];
      if (value === undefined) throw new Error(`demo generator has no rule for indicator ${indicator.code}`);
      return [indicator.code, value];
    }),
  );
}

const HONOUR_PREFIX: Record<HonourLevel, string> = {
  national: '全国',
  provincial: '省',
  municipal: '市',
  county: '区',
  school: '校级',
};
const COLLECTIVE_HONOURS = [
  '模范职工之家',
  '先进教工小家',
  '教育工会工作先进集体',
  '师德建设先进集体',
  '校务公开民主管理示范单位',
  '巾帼文明岗',
  '教职工合唱比赛优秀组织奖',
  '教职工运动会团体二等奖',
];
const INDIVIDUAL_HONOURS = ['优秀工会工作者', '优秀工会积极分子', '师德标兵', '优秀教师', '三八红旗手', '优秀教代会代表', '教学技能竞赛一等奖', '最美教师'];
// A school does not honour itself collectively, so collective honours start at district level.
const COLLECTIVE_LEVELS: readonly (readonly [HonourLevel, number])[] = [
  ['county', 55],
  ['municipal', 30],
  ['provincial', 12],
  ['national', 3],
];
const INDIVIDUAL_LEVELS: readonly (readonly [HonourLevel, number])[] = [
  ['school', 20],
  ['county', 45],
  ['municipal', 25],
  ['provincial', 8],
  ['national', 2],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋'];
const GIVEN_NAMES = [
  '秀英', '桂芳', '志强', '海燕', '晓梅', '建国', '丽娟', '文静', '俊杰', '雪莲', '红梅', '伟', '芳', '娜', '敏', '静', '磊', '洋',
  '艳', '勇', '婷婷', '佳怡', '子涵', '雨欣', '浩然', '思远', '春华', '玉兰', '凤英', '国平',
];

function generateHonours(profile: SchoolProfile, year: number, rng: Rng): Honour[] {
  const count = Math.min(5, poisson(rng, 0.6 + 0.8 * (profile.school.staffCount / 100) * profile.activity));
  const honours: Honour[] = [];
  const titles = new Set<string>();
  while (honours.length < count) {
    const individual = chance(rng, 0.5);
    const level = pickWeighted(rng, individual ? INDIVIDUAL_LEVELS : COLLECTIVE_LEVELS);
    const name = pick(rng, individual ? INDIVIDUAL_HONOURS : COLLECTIVE_HONOURS);
    const title = `${chance(rng, 0.5) ? `${year}年度` : ''}${HONOUR_PREFIX[level]}${name}`;
    if (titles.has(title)) continue;
    titles.add(title);
    honours.push({
      title,
      level,
      kind: individual ? 'individual' : 'collective',
      recipient: individual ? `${pick(rng, SURNAMES)}${pick(rng, GIVEN_NAMES)}` : '',
    });
  }
  return honours;
}

/** Beijing office hours (09:00–17:59, UTC+8) as a UTC ISO timestamp; days past the month's end roll over. */
function officeHourTimestamp(year: number, month: number, day: number, rng: Rng): string {
  return new Date(Date.UTC(year, month - 1, day, intBetween(rng, 1, 9), intBetween(rng, 0, 59))).toISOString();
}

type ReportTimestamps = Pick<DemoReport, 'createdAt' | 'updatedAt' | 'submittedAt' | 'approvedAt'>;

/**
 * Past years: started in December, submitted before the 15 January deadline,
 * reviewed within two weeks. The open year is in progress as of late
 * November 2026, so nothing lies after 2026-11-22.
 */
function reportTimestamps(year: number, status: ReportStatus, rng: Rng): ReportTimestamps {
  const isPast = year < OPEN_YEAR;
  const createdAt = isPast ? officeHourTimestamp(year, 12, intBetween(rng, 1, 20), rng) : officeHourTimestamp(year, 10, intBetween(rng, 8, 31), rng);
  if (status === 'draft') {
    const updatedAt = isPast ? officeHourTimestamp(year, 12, 28, rng) : officeHourTimestamp(year, 11, intBetween(rng, 1, 21), rng);
    return { createdAt, updatedAt, submittedAt: null, approvedAt: null };
  }
  const submitMonth = isPast ? { year: year + 1, month: 1 } : { year, month: 11 };
  const submitDay = isPast ? intBetween(rng, 3, 14) : intBetween(rng, 2, 17);
  const submittedAt = officeHourTimestamp(submitMonth.year, submitMonth.month, submitDay, rng);
  if (status === 'submitted') return { createdAt, updatedAt: submittedAt, submittedAt, approvedAt: null };
  // A cluster's first step is dated like a review (updatedAt); the district has not accepted yet.
  const reviewedAt = officeHourTimestamp(submitMonth.year, submitMonth.month, submitDay + (isPast ? intBetween(rng, 2, 12) : intBetween(rng, 1, 4)), rng);
  if (status === 'returned' || status === 'cluster_approved') return { createdAt, updatedAt: reviewedAt, submittedAt, approvedAt: null };
  return { createdAt, updatedAt: reviewedAt, submittedAt, approvedAt: reviewedAt };
}

function reportVersion(status: ReportStatus, rng: Rng): number {
  const draftSaves = intBetween(rng, 1, 4);
  return draftSaves + { draft: 0, submitted: 1, returned: 2, cluster_approved: 2, approved: 2 }[status];
}

/** A draft holds the first indicators in form order: the chair fills the form top-down. */
function draftValues(values: Record<string, number>, rng: Rng): Record<string, number> {
  const filled = intBetween(rng, 8, 45);
  return Object.fromEntries(Object.entries(values).slice(0, filled));
}

interface GeneratedYear {
  year: number;
  status: ReportStatus;
  rng: Rng;
  honours: Honour[];
  values: Record<string, number>;
}

function applyOutliers(schoolCode: string, years: readonly GeneratedYear[]): void {
  for (const outlier of demoOutliers.filter((o) => o.schoolCode === schoolCode)) {
    const target = years.find((y) => y.year === outlier.year);
    if (!target) throw new Error(`outlier ${schoolCode}/${outlier.year} has no report`);
    const otherYears = years.filter((y) => y !== target).map((y) => y.values[outlier.indicatorCode] ?? 0);
    target.values[outlier.indicatorCode] = Math.max(1, ...otherYears) * outlier.factor;
  }
}

export function reportsForSchool(profile: SchoolProfile, seed: number, schoolIndex: number, progress: (code: string, year: number) => ReportProgress = progressOf): DemoReport[] {
  const { school } = profile;
  const years: GeneratedYear[] = DEMO_YEARS.filter((year) => isOpenIn(school, year)).flatMap((year) => {
    const status = progress(school.code, year);
    if (status === 'not_started') return [];
    // One stream per school and year: a change to one report leaves the others as they were.
    const rng = streamFor(seed, schoolIndex, year);
    const honours = generateHonours(profile, year, rng);
    return [{ year, status, rng, honours, values: generateValues(profile, year, honours, rng) }];
  });
  // Before the narrative is written, so the summary repeats the outlying figure as the chair typed it.
  applyOutliers(school.code, years);

  return years.map(({ year, status, rng, ...full }) => {
    const values = status === 'draft' ? draftValues(full.values, rng) : full.values;
    const honours = status === 'draft' ? [] : full.honours;
    const narrativeInput = { schoolType: school.schoolType, year, values, honours };
    return {
      schoolCode: school.code,
      year,
      status,
      version: reportVersion(status, rng),
      values,
      narrative: status === 'draft' ? writeDraftNarrative(narrativeInput, rng) : writeNarrative(narrativeInput, rng),
      honours,
      ...reportTimestamps(year, status, rng),
    };
  });
}

/** A merged school starts with its predecessors' staff together. */
function mergeStaff(profiles: SchoolProfile[]): void {
  for (const successorCode of new Set(DEMO_MERGES.map((m) => m.successorCode))) {
    const successor = profiles.find((p) => p.school.code === successorCode)!.school;
    const parts = DEMO_MERGES.filter((m) => m.successorCode === successorCode).map((m) => profiles.find((p) => p.school.code === m.predecessorCode)!.school);
    successor.staffCount = parts.reduce((sum, s) => sum + s.staffCount, 0);
    successor.memberCount = parts.reduce((sum, s) => sum + s.memberCount, 0);
  }
}

export interface DemoDistrictOptions {
  /** Same seed, same district. Defaults to DEFAULT_DEMO_SEED. */
  seed?: number;
}

export function generateDemoDistrict(options: DemoDistrictOptions = {}): DemoDistrict {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const profiles = SCHOOL_ROSTER.map((entry, index) => profileSchool(entry, index, streamFor(seed, index)));
  mergeStaff(profiles);
  return {
    district: { ...DISTRICT },
    clusters: CLUSTERS.map((cluster) => ({ ...cluster })),
    schools: profiles.map((profile) => profile.school),
    merges: DEMO_MERGES.map((merge) => ({ ...merge })),
    groups: DEMO_GROUPS.map((group) => ({ ...group, schoolCodes: [...group.schoolCodes] })),
    reportingYears: DEMO_YEARS.map((year) => ({ year, deadline: `${year + 1}-01-15`, isOpen: year === OPEN_YEAR, reviewSteps: year === OPEN_YEAR ? 2 : 1 })),
    reports: profiles.flatMap((profile, index) => reportsForSchool(profile, seed, index)),
    users: [
      { username: 'admin', displayName: '区工会管理员 王老师', role: 'district_admin', orgUnitCode: DISTRICT.code, password: DEMO_PASSWORD },
      { username: 'viewer', displayName: '区工会 李老师（只读）', role: 'district_viewer', orgUnitCode: DISTRICT.code, password: DEMO_PASSWORD },
      ...CLUSTER_REVIEWERS.map((reviewer) => ({ ...reviewer, role: 'cluster_reviewer' as const, password: DEMO_PASSWORD })),
      // A 考评组 member; the team and its schools are seeded with the inspection demo (demo-inspection.ts).
      { username: 'inspector1', displayName: '考评组 张老师', role: 'inspector' as const, orgUnitCode: DISTRICT.code, password: DEMO_PASSWORD },
      ...profiles.map((profile, index) => ({
        username: `chair${String(index + 1).padStart(2, '0')}`,
        displayName: profile.chair,
        role: 'school_chair' as const,
        orgUnitCode: profile.school.code,
        password: DEMO_PASSWORD,
      })),
    ],
  };
}
