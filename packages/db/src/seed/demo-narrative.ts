import type { Honour, Narrative, SchoolType } from '@union/domain';
import { chance, intBetween, pick, pickSome, type Rng } from './random';

// Builds a school's 工会工作总结 from its own figures, in the register of real
// summaries ("全年共探望慰问生病教职工12人次，支出慰问金3600元"). Every figure
// written here is the report's own value, so a narrative → form extractor can
// be tested against these texts; zero figures are left out, as a chair would.

export interface NarrativeInput {
  schoolType: SchoolType;
  year: number;
  /** Indicator values keyed by code; all codes must be present for a full narrative. */
  values: Readonly<Record<string, number>>;
  honours: readonly Honour[];
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function ordinal(index: number): string {
  const numeral = CHINESE_ORDINALS[index];
  if (numeral === undefined) throw new Error(`no Chinese ordinal for ${index + 1}`);
  return numeral;
}

/** Reads figures by code and formats them the way summaries write them. */
class Figures {
  constructor(private readonly values: Readonly<Record<string, number>>) {}

  of(code: string): number {
    const value = this.values[code];
    if (value === undefined) throw new Error(`narrative needs a value for ${code}`);
    return value;
  }

  /** Counts and scores as written: 12, 91.5. */
  text(code: string): string {
    return String(this.of(code));
  }

  /** Money in 元: whole yuan as is, otherwise with both decimals (3245.60). */
  yuan(code: string): string {
    const value = this.of(code);
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/** A clause only when its figure is not zero: "慰问0人次" is not something a chair writes. */
function when(condition: boolean, clause: () => string): string[] {
  return condition ? [clause()] : [];
}

function sentence(clauses: readonly string[]): string {
  return clauses.length === 0 ? '' : `${clauses.join('，')}。`;
}

function unionWords(schoolType: SchoolType) {
  return schoolType === 'kindergarten' ? { union: '园工会', unit: '园', school: '幼儿园' } : { union: '校工会', unit: '校', school: '学校' };
}

function opening(input: NarrativeInput, f: Figures, rng: Rng): string {
  const { union, unit, school } = unionWords(input.schoolType);
  return pick(rng, [
    () =>
      `${input.year}年，${union}在${school}党支部和区教育工会的正确领导下，紧紧围绕${school}中心工作，认真履行“维护、建设、参与、教育”四项职能，团结带领全${unit}${f.text('staff_total')}名教职工（其中工会会员${f.text('union_members')}人）凝心聚力、开拓进取，较好地完成了全年各项工作任务。现将一年来的工作总结如下。`,
    () =>
      `一年来，${union}以“建家、维权、服务”为主线，坚持全心全意依靠教职工办学，关心教职工的工作和生活。目前全${unit}有教职工${f.text('staff_total')}人，其中女教职工${f.text('female_staff')}人，工会会员${f.text('union_members')}人，下设工会小组${f.text('union_groups')}个。现将${input.year}年工会工作总结如下。`,
  ])();
}

function ethicsSection(f: Figures): string {
  return sentence([
    ...when(f.of('ethics_activities') > 0, () => `工会配合党支部开展师德主题教育、师德演讲、师德故事会等活动${f.text('ethics_activities')}次`),
    ...when(f.of('publicity_issues') > 0, () => `出版师德宣传栏和工会专栏${f.text('publicity_issues')}期`),
    ...when(f.of('ethics_commendations') > 0, () => `${f.text('ethics_commendations')}名教职工被评为师德标兵或师德先进个人`),
  ]);
}

function democracySection(f: Figures): string {
  const proposals = [
    `征集教职工提案${f.text('proposals_collected')}份，已办结${f.text('proposals_resolved')}份`,
    ...when(f.of('outstanding_proposals') > 0, () => `评选优秀提案${f.text('outstanding_proposals')}份`),
    ...when(f.of('outstanding_delegates') > 0, () => `表彰优秀教代会代表${f.text('outstanding_delegates')}名`),
  ];
  return [
    sentence([
      `全年召开教职工代表大会${f.text('congress_sessions')}次，本届教代会共有正式代表${f.text('congress_delegates')}人`,
      ...when(f.of('delegate_trainings') > 0, () => `组织代表履职培训${f.text('delegate_trainings')}次`),
      ...(f.of('proposals_collected') > 0 ? proposals : []),
    ]),
    sentence([
      `坚持校务公开，通过公开栏、教职工大会等形式公开校务事项${f.text('affairs_disclosure_items')}项`,
      `在区校务公开考核中得分${f.text('affairs_disclosure_score')}分`,
    ]),
    sentence([
      ...when(f.of('joint_meetings') > 0, () => `召开党政工联席会议${f.text('joint_meetings')}次`),
      ...when(f.of('staff_assemblies') > 0, () => `全体教职工大会${f.text('staff_assemblies')}次`),
      ...when(f.of('opinion_solicitations') > 0, () => `${f.text('opinion_solicitations')}次集中征求教职工意见和建议`),
      ...when(f.of('democratic_rules_made') > 0, () => `修订完善民主管理制度${f.text('democratic_rules_made')}项`),
    ]),
  ].join('');
}

function aidSection(f: Figures, rng: Rng): string {
  const sickVisits = pick(rng, [
    () => `全年共探望慰问生病住院、生育教职工${f.text('sick_visits')}人次，支出慰问金${f.yuan('sick_visit_amount')}元`,
    () => `教职工生病住院、生育时，工会第一时间上门看望，全年慰问${f.text('sick_visits')}人次，支出${f.yuan('sick_visit_amount')}元`,
  ]);
  return [
    sentence(when(f.of('hardship_aid_recipients') > 0, () => `坚持“送温暖”，全年帮扶困难教职工${f.text('hardship_aid_recipients')}人次，发放帮扶金${f.yuan('hardship_aid_amount')}元`)),
    sentence(when(f.of('sick_visits') > 0, sickVisits)),
    sentence(when(f.of('condolence_visits') > 0, () => `教职工家中遇有丧事，工会上门吊唁慰问${f.text('condolence_visits')}人次`)),
    sentence([
      ...when(f.of('holiday_visits') > 0, () => `春节、教师节期间走访慰问教职工${f.text('holiday_visits')}人次`),
      ...when(f.of('holiday_welfare_amount') > 0, () => `发放节日福利${f.yuan('holiday_welfare_amount')}元`),
      ...when(f.of('birthday_greetings') > 0, () => `为会员送上生日蛋糕和贺卡${f.text('birthday_greetings')}人次`),
      ...when(f.of('staff_home_visits') > 0, () => `家访走访教职工${f.text('staff_home_visits')}人次`),
    ]),
    sentence(
      when(
        f.of('mutual_insurance_claimants') > 0,
        () => `积极参加职工医疗互助保障，为${f.text('mutual_insurance_claimants')}名教职工办理理赔，理赔金额${f.yuan('mutual_insurance_amount')}元`,
      ),
    ),
  ].join('');
}

function healthAndCultureSection(f: Figures): string {
  return [
    sentence([
      `组织${f.text('health_checkup_participants')}名教职工参加健康体检`,
      ...when(f.of('health_lectures') > 0, () => `举办心理健康、养生保健讲座${f.text('health_lectures')}场`),
      ...when(f.of('rest_trip_participants') > 0, () => `组织暑期疗休养${f.text('rest_trip_groups')}批，共${f.text('rest_trip_participants')}人次参加`),
    ]),
    sentence([
      ...when(f.of('culture_sports_events') > 0, () => `开展教职工文体活动${f.text('culture_sports_events')}次`),
      ...when(f.of('external_competitions') > 0, () => `组队参加上级文体比赛${f.text('external_competitions')}次`),
      ...when(f.of('sports_teams') > 0, () => `现有合唱队、球队等教工文体队伍${f.text('sports_teams')}支`),
    ]),
    sentence(
      when(f.of('facility_investment') > 0, () =>
        f.of('fitness_equipment_items') > 0
          ? `投入${f.yuan('facility_investment')}元改善教工活动场所，新增健身器材${f.text('fitness_equipment_items')}件`
          : `投入${f.yuan('facility_investment')}元改善教工活动场所`,
      ),
    ),
  ].join('');
}

function developmentSection(f: Figures): string {
  return sentence([
    ...when(f.of('mentor_pairs') > 0, () => `开展“青蓝工程”师徒结对${f.text('mentor_pairs')}对`),
    ...when(f.of('skill_competitions') > 0, () => `组织岗位练兵、教学技能竞赛${f.text('skill_competitions')}次`),
    ...when(f.of('staff_trainings') > 0, () => `推荐教职工外出学习培训${f.text('staff_trainings')}人次`),
  ]);
}

function womenAndRetireesSection(f: Figures): string {
  return [
    sentence([
      ...when(f.of('female_activities') > 0, () => `女工委员会组织三八节庆祝、女工沙龙等活动${f.text('female_activities')}次`),
      ...when(f.of('female_checkup_participants') > 0, () => `组织${f.text('female_checkup_participants')}名女教职工参加专项体检`),
    ]),
    sentence([
      ...when(f.of('retiree_activities') > 0, () => `为退休教职工组织参观、座谈等活动${f.text('retiree_activities')}次`),
      ...when(f.of('retiree_checkup_participants') > 0, () => `组织${f.text('retiree_checkup_participants')}名退休教职工体检`),
      ...when(f.of('retiree_visits') > 0, () => `走访慰问退休教职工${f.text('retiree_visits')}人次`),
    ]),
  ].join('');
}

function selfBuildingSection(f: Figures): string {
  return [
    sentence([`全年收缴会费${f.yuan('union_dues_collected')}元，工会经费支出${f.yuan('union_expenditure')}元，做到账目清楚、公开透明`]),
    sentence([
      ...when(f.of('new_cadre_share') > 0, () => `完成工会委员会换届选举，新任工会干部占${f.text('new_cadre_share')}%`),
      ...when(f.of('cadre_trainings') > 0, () => `组织工会干部参加业务培训${f.text('cadre_trainings')}次`),
      ...when(f.of('union_papers') > 0, () => `撰写工会理论研究论文${f.text('union_papers')}篇`),
      ...when(f.of('info_submissions') > 0, () => `向上级工会报送工作信息${f.text('info_submissions')}篇`),
    ]),
  ].join('');
}

function honoursSection(input: NarrativeInput, f: Figures): string {
  const { union } = unionWords(input.schoolType);
  const collective = input.honours.filter((h) => h.kind === 'collective').map((h) => `“${h.title}”`);
  const individual = input.honours.filter((h) => h.kind === 'individual').map((h) => `${h.recipient}获评“${h.title}”`);
  return [
    sentence(when(collective.length > 0, () => `${union}获得${collective.join('、')}等集体荣誉`)),
    sentence(individual),
    sentence([
      ...when(f.of('staff_individual_awards') > 0, () => `全年教职工在上级比赛评选中个人获奖${f.text('staff_individual_awards')}人次`),
      ...when(f.of('staff_team_awards') > 0, () => `团体获奖${f.text('staff_team_awards')}项`),
    ]),
  ].join('');
}

const SECTION_TITLES = {
  ethics: '加强师德师风建设，树立良好形象',
  democracy: '坚持教代会制度，推进民主管理',
  aid: '情系教职工，扎实做好帮扶慰问',
  healthAndCulture: '关注身心健康，丰富文体生活',
  development: '搭建成长平台，促进专业发展',
  womenAndRetirees: '关心女教工和退休教工',
  selfBuilding: '加强自身建设，提升服务水平',
  honours: '团结奋进，成绩喜人',
};

function achievements(input: NarrativeInput, f: Figures, rng: Rng): string {
  const sections: [string, string][] = [
    [SECTION_TITLES.ethics, ethicsSection(f)],
    [SECTION_TITLES.democracy, democracySection(f)],
    [SECTION_TITLES.aid, aidSection(f, rng)],
    [SECTION_TITLES.healthAndCulture, healthAndCultureSection(f)],
    [SECTION_TITLES.development, developmentSection(f)],
    [SECTION_TITLES.womenAndRetirees, womenAndRetireesSection(f)],
    [SECTION_TITLES.selfBuilding, selfBuildingSection(f)],
    [SECTION_TITLES.honours, honoursSection(input, f)],
  ];
  const written = sections.filter(([, body]) => body !== '');
  return [opening(input, f, rng), ...written.map(([title, body], index) => `${ordinal(index)}、${title}\n${body}`)].join('\n\n');
}

const GENERIC_SHORTCOMINGS = [
  '工会活动的覆盖面还不够广，青年教师参与的积极性有待进一步调动',
  '工会干部均为兼职，工作时间和精力有限，理论学习和业务培训还需加强',
  '对退休教职工的关心还不够经常，联系走访的频次有待提高',
  '工会信息宣传工作相对薄弱，对外宣传报道数量不多',
  '教职工文体活动场地和器材不足，活动形式还比较单一',
  '困难教职工帮扶机制还不够健全，帮扶的精准度有待提高',
  '教代会提案质量参差不齐，部分提案针对性不强',
];

function shortcomings(input: NarrativeInput, f: Figures, rng: Rng): string {
  // Derived figures (unresolved proposals, non-members) are not indicator
  // values: they give an extractor realistic numbers it must not pick up.
  const unresolved = f.of('proposals_collected') - f.of('proposals_resolved');
  const nonMembers = f.of('staff_total') - f.of('union_members');
  const points = [
    ...when(unresolved > 0, () => `仍有${unresolved}份提案尚未办结，提案落实的跟踪督办还需加强`),
    ...when(nonMembers > 0 && chance(rng, 0.5), () => `还有${nonMembers}名教职工尚未入会，会员发展工作有待加强`),
    ...pickSome(rng, GENERIC_SHORTCOMINGS, intBetween(rng, 1, 2)),
  ];
  return `${input.year}年的工作虽然取得了一定成效，但对照上级工会的要求和教职工的期盼，仍存在一些不足：${enumerate(points)}。`;
}

const PLAN_ITEMS = [
  '继续坚持和完善教代会制度，提高提案质量，抓好提案落实',
  '深化师德师风建设，开展形式多样的师德主题活动',
  '加强“教工之家”建设，丰富教职工文体生活',
  '做好困难教职工帮扶和送温暖工作，真正做到“职工有困难找工会”',
  '加强工会干部队伍建设，积极参加上级工会组织的业务培训',
  '关心女教职工和退休教职工，办好女工沙龙和退休教工活动',
  '关注教职工身心健康，定期组织体检和心理健康讲座',
  '推进校务公开，让教职工更好地参与学校民主管理',
];

function plans(input: NarrativeInput, rng: Rng): string {
  const { union } = unionWords(input.schoolType);
  return `${input.year + 1}年，${union}将重点做好以下工作：${enumerate(pickSome(rng, PLAN_ITEMS, intBetween(rng, 3, 4)))}。`;
}

/** "一是……；二是……" */
function enumerate(points: readonly string[]): string {
  return points.map((point, index) => `${ordinal(index)}是${point}`).join('；');
}

/** The full summary of a report that has been (or is being) submitted. */
export function writeNarrative(input: NarrativeInput, rng: Rng): Narrative {
  const f = new Figures(input.values);
  return {
    achievements: achievements(input, f, rng),
    shortcomings: shortcomings(input, f, rng),
    plans: plans(input, rng),
  };
}

/** A draft's summary: the chair has written the opening paragraph and nothing else yet. */
export function writeDraftNarrative(input: NarrativeInput, rng: Rng): Narrative {
  return { achievements: opening(input, new Figures(input.values), rng), shortcomings: '', plans: '' };
}
