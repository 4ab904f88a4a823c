// Scope rules: general properties of how union summaries are written that
// decide whether a figure is this year's value of an indicator at all —
// whatever indicator its words point to. Each rule is one small function over
// the normalised text around the figure, so it can be tested on its own.
// None of them scans beyond the figure's sentence, so the extractor stays
// linear in the length of the text.
import type { Span } from './segment';

/** Where a figure sits: its numeral and unit, its clause and sentence (offsets into the normalised text). */
export interface FigureScope {
  numeralStart: number;
  /** End of numeral + measure word (and 左右/以上 after it). */
  figureEnd: number;
  clause: Span;
  sentence: Span;
}

/**
 * How far back in its sentence a rule looks: real sentences are far shorter; the
 * cap keeps a text without full stops (one huge "sentence") linear.
 */
const WINDOW = 300;
const sentenceFrom = (scope: FigureScope) => Math.max(scope.sentence.start, scope.numeralStart - WINDOW);

/** Plan markers: tense and modality words that put what follows in the future. */
export const PLAN_CUE =
  /(?<![按依照据的成订定初有作])计划(?!书|表|内|中|生育|地|的|性)|拟(?:于|在|将|投|购|组织|开展|举办|召开|新增|建|为|对|安排)|预计|力争|争取(?!到|了)|打算|将要|将于|将会|将在|将继续|将进一步|将组织|将开展|将举办|将投入|将投资|将新增|将召开|将购置|将评选|下一步|明年|来年|下学期|下学年|新学年|下一年|今后/g;
/** Perfective markers: an action already done (给予了, 已办结, 完成). */
const PERFECTIVE = /了|已经|已|完成|圆满/;

/**
 * Tense/modality → plan: a plan marker earlier in the sentence puts the figure
 * in the future, unless a perfective marker between the marker and the figure,
 * or in the rest of the figure's clause, says the action was carried out
 * (争取…资金，对4名教师给予了帮扶).
 */
export function plannedByTense(text: string, scope: FigureScope): boolean {
  const prefix = text.slice(sentenceFrom(scope), scope.numeralStart);
  let last = -1;
  PLAN_CUE.lastIndex = 0;
  for (let match = PLAN_CUE.exec(prefix); match; match = PLAN_CUE.exec(prefix)) last = match.index + match[0].length;
  if (last < 0) return false;
  const restOfClause = text.slice(scope.figureEnd, scope.clause.end);
  return !PERFECTIVE.test(prefix.slice(last)) && !PERFECTIVE.test(restOfClause);
}

/** A budget statement (预算为…, 共需经费…, 按…测算): money in it is planned; headcounts in it are actuals. */
const BUDGET = /预算(?!制度|管理|执行|内)|共需|需(?:要)?(?:经费|资金)|测算/;
export function budgetStatement(text: string, scope: FigureScope): boolean {
  return BUDGET.test(text.slice(sentenceFrom(scope), Math.min(scope.sentence.end, scope.figureEnd + WINDOW)));
}

/** Per-capita amounts, standards and averages: 每人500元, 人均600元, 标准为…, 200元/人. */
export function perCapita(text: string, scope: FigureScope): boolean {
  const before = text.slice(scope.clause.start, scope.numeralStart);
  if (/每(?:人|位|名|个|户|月|年|学期|学年|次|周|天|生)|人均|平均|标准/.test(before)) return true;
  return /^\s*\/\s*(?:人|天|次|月)|^\s*每/.test(text.slice(scope.figureEnd, scope.figureEnd + 3));
}

/** What is left over is not what was done: 剩余3件将…, 其余56位…, 尚有2人. */
export function remainder(text: string, scope: FigureScope): boolean {
  return /(?:剩余|剩下|其余|尚有|仍有|余下|另有)$/.test(text.slice(Math.max(scope.clause.start, scope.numeralStart - 3), scope.numeralStart));
}

/**
 * Sub-count markers (其中, 含, 包括): the offset where the marker opens its scope
 * over this figure, or -1. The scope is the marker's clause, or the clause after
 * a marker that ends with a colon (其中：…).
 */
export function subCountMarker(text: string, scope: FigureScope, previousClause: Span | undefined): number {
  const before = text.slice(scope.clause.start, scope.numeralStart);
  const match = /其中|内含|包含|包括|含/.exec(before);
  if (match) return scope.clause.start + match.index;
  // （其中女代表16人，青年代表21人）: a list opened by 其中 runs to its closing bracket.
  const sentenceBefore = text.slice(sentenceFrom(scope), scope.numeralStart);
  const open = Math.max(sentenceBefore.lastIndexOf('（'), sentenceBefore.lastIndexOf('('));
  if (open >= 0 && !/[）)]/.test(sentenceBefore.slice(open))) {
    const inside = /^[（(](?:其中|含|包括)/.exec(sentenceBefore.slice(open));
    if (inside) return sentenceFrom(scope) + open + 1;
  }
  if (previousClause) {
    const previous = text.slice(previousClause.start, previousClause.end);
    const colon = /(?:其中|包括|分别是|分别为)[：:]$/.exec(previous);
    if (colon) return previousClause.start + colon.index;
  }
  return -1;
}

/** Indicators that are themselves sub-populations of a headcount (其中女教职工61人). */
export const SUB_POPULATION_INDICATORS: ReadonlySet<string> = new Set(['female_staff', 'retired_staff', 'union_members']);

/**
 * Who is counted: the population word nearest to the figure — the noun right
 * after the measure word (40余名离休干部), else the last one before it in the
 * clause (参加教职工68人、家属25人). Students, parents, families, retired
 * cadres of other bodies or villagers are not the school's staff. 老师 is left
 * out: it is also a title after a name (退休教师——王老师).
 */
const POPULATION = /(?:离)?退休(?:教职工|教职员工|教师|教工|职工|人员|老师|干部|会员)?|离休干部|离休老同志|离休|学生家长|学生|家长|家属|子女|幼儿|儿童|村民|居民|孤寡老人|社区老人|教职员工|教职工|教师|教工|职工|员工|会员|代表|干部|老教师/g;
const NOT_STAFF = /离休|学生|家长|家属|子女|幼儿|儿童|村民|居民|孤寡|社区/;
export function countsNonStaff(text: string, scope: FigureScope): boolean {
  const head = /^[余多近约]?[^，。；、\d\s|]{0,4}?(离休干部|离休老同志|离休|学生家长|学生|家长|家属|幼儿|儿童|村民|居民|孤寡老人)/.exec(text.slice(scope.figureEnd, scope.figureEnd + 8));
  if (head) return true;
  const last = lastPopulation(text, scope.clause.start, scope.numeralStart);
  return last !== null && NOT_STAFF.test(last);
}

/** The last population word in text[start, end), or null. */
export function lastPopulation(text: string, start: number, end: number): string | null {
  const before = text.slice(start, end);
  let last: string | null = null;
  POPULATION.lastIndex = 0;
  for (let match = POPULATION.exec(before); match; match = POPULATION.exec(before)) last = match[0];
  return last;
}

/**
 * Retirees are served by their own indicators: for one about staff in post
 * (sick visits, check-ups, trips), a sentence whose last population word before
 * the figure is 退休/离退休 counts retirees (关心生病的退休教师…送去100元慰问金).
 */
export function servesRetirees(text: string, scope: FigureScope): boolean {
  const head = /^[余多近约]?[^，。；、\d\s|]{0,3}?(退休|离退休|老教师)/.test(text.slice(scope.figureEnd, scope.figureEnd + 6));
  return head || /退休|老教师/.test(lastPopulation(text, sentenceFrom(scope), scope.numeralStart) ?? '');
}

/**
 * A branch union (二级学院分工会) quoting the university's congress or union
 * (校教代会, 校工会): those figures belong to another body.
 */
export function isBranchUnionText(text: string): boolean {
  return /学院分工会|院分工会|系分工会/.test(text);
}
// 学校第九届教代会 names the parent's congress with its ordinal; 全校现有/共有 its headcount.
const PARENT_BODY = /校教代会|学校(?:第[一二三四五六七八九十\d]+届(?:第?[一二三四五六七八九十\d]+次)?)?教代会|校工会|学校工会|全校(?=现有|共有|共)/g;
/**
 * The parent body is the subject (据校工会统计，本次校教代会共收到…; 作为校教代会代表),
 * not a destination or agent marked by a preposition (向校教代会提交, 在校工会网站发布, 被校工会采用).
 */
export function quotesParentBody(text: string, scope: FigureScope): boolean {
  const prefix = text.slice(scope.clause.start, Math.min(scope.clause.end, scope.figureEnd + 8));
  PARENT_BODY.lastIndex = 0;
  for (let match = PARENT_BODY.exec(prefix); match; match = PARENT_BODY.exec(prefix)) {
    const before = prefix.slice(Math.max(0, match.index - 2), match.index);
    // 作为校教代会代表 (as the university's delegates) is not a preposition.
    if (before === '作为' || !/[向在给被到对为经]$/.test(before)) return true;
  }
  return false;
}

/**
 * Honours the union or school gives its own people or groups (校级, 评选出,
 * 为…颁发) are not honours received — unless a higher body is named.
 */
const GIVEN_BY_OWN_UNIT = /校级|园级|院级|评选出|评出|颁发|颁奖|(?:学校|校工会|工会|园里|学院|我校|本校)[^，。；]{0,12}(?:表彰|评选)/;
const HIGHER_BODY = /区|市|省|县|全国|国家|上级|教育局|总工会|教育工会/;
export function honourGivenByOwnUnit(text: string, scope: FigureScope): boolean {
  const prefix = text.slice(sentenceFrom(scope), scope.figureEnd + 12);
  const clause = text.slice(scope.clause.start, Math.max(scope.clause.end, scope.figureEnd));
  return GIVEN_BY_OWN_UNIT.test(prefix) && !HIGHER_BODY.test(clause);
}

/**
 * Stock or event: a headcount (现有教职工86人) is governed by no action verb;
 * a figure governed by one (参加/参检/报名/欢聚/分成/为N名…举行) counts the
 * people or groups of an event, not the school's stock.
 */
const EVENT_VERB = /参加|参与|参检|参赛|报名|出席|到会|应到|实到|欢聚|慰问|看望|探望|走访|评选|评出|评为|表彰|分成|邀请|组织|选派|推荐|选举|当选|(?<![数额共计总是])为$|^为|对$/;
/** An event verb right after the counted people: 40余位退休教师欢聚一堂, 教职工60人参加. */
const EVENT_VERB_AFTER = /^[^，。；、\d\s|]{0,6}?(?:参加|参与|出席|欢聚|到场|参检|报名|参赛)/;
export function governedByEventVerb(text: string, localStart: number, scope: FigureScope): boolean {
  if (EVENT_VERB.test(text.slice(Math.max(localStart, scope.clause.start), scope.numeralStart))) return true;
  return EVENT_VERB_AFTER.test(text.slice(scope.figureEnd, Math.min(scope.clause.end, scope.figureEnd + 12)));
}

/** Total markers: 共, 共计, 合计, 总计, 累计, 一共, 全年 … right before the figure or its clause's verb. */
export function markedAsTotal(text: string, scope: FigureScope): boolean {
  return /共|合计|总计|累计|总共|总数|全年/.test(text.slice(Math.max(scope.clause.start, scope.numeralStart - 8), scope.numeralStart));
}

/** A later mention that refers back to a figure already given (19份提案均已答复, 以上6次活动). */
export function backReference(text: string, scope: FigureScope): boolean {
  // A recap sentence (此次活动共走访…15人次，其中困难教职工3人次) restates the figures told before it.
  if (/^(?:此次|本次|这次)/.test(text.slice(scope.sentence.start, scope.sentence.start + 2))) return true;
  return /均|全部|都已|以上|上述|这些/.test(text.slice(scope.clause.start, scope.clause.end));
}

/**
 * The cost of one activity (用于活动的经费达1800元, 此次比赛经费…) is a cost
 * line, not the union's yearly expenditure.
 */
export function activityCost(text: string, scope: FigureScope): boolean {
  return /(?:用于|此次|本次|这次|该|每次)[^，。；]{0,8}(?:活动|比赛|聚餐|演出|培训)/.test(text.slice(sentenceFrom(scope), scope.numeralStart));
}

/**
 * A figure from the previous period (去年7月召开…教代会，提交提案16份) is not
 * this year's — unless the year is only compared with (比去年, 较上年) or this
 * year is named after it.
 */
export function previousPeriod(text: string, scope: FigureScope): boolean {
  const prefix = text.slice(sentenceFrom(scope), scope.numeralStart);
  const match = /(?<![比较于同])(?:去年|上年度|上一年度|上学年|前年)/.exec(prefix);
  return match !== null && !/今年|本年|本学年|年初至今|至今/.test(prefix.slice(match.index));
}

/** The people counted are named as staff in post (其中在职教职工88人次): not retirees. */
export function inPostStaff(text: string, scope: FigureScope): boolean {
  return /(?:在职|在岗|在编)(?:的)?(?:教职员工|教职工|教师|教工|职工|员工|老师)?$/.test(text.slice(Math.max(scope.clause.start, scope.numeralStart - 10), scope.numeralStart));
}

/**
 * 立案 counts proposals filed for handling — neither collected nor resolved:
 * the verb right before the figure (立案17份) or the head noun after it
 * (26件立案提案). 立案的17件提案 (attributive, with 的) names the proposals only.
 */
export function filedProposals(text: string, scope: FigureScope): boolean {
  return /立案(?:了|共|数为|数|总数为)?$/.test(text.slice(Math.max(scope.clause.start, scope.numeralStart - 5), scope.numeralStart)) || /^立案/.test(text.slice(scope.figureEnd, scope.figureEnd + 2));
}

/**
 * A plan written as a calendar (一月份：…；三月份：…；五月：…) needs no tense
 * marker: three or more month-headed lines, most of them without a perfective
 * 了/已, make the whole text a plan. A summary told month by month says 了.
 */
const MONTH_LINE = /^[ \t]*(?:[一二三四五六七八九十]{1,3}|\d{1,2})月份?[：:](.*)$/gm;
export function isCalendarPlan(text: string): boolean {
  let months = 0;
  let done = 0;
  MONTH_LINE.lastIndex = 0;
  for (let match = MONTH_LINE.exec(text); match; match = MONTH_LINE.exec(text)) {
    months += 1;
    if (/了|已/.test(match[1]!)) done += 1;
  }
  return months >= 3 && done * 2 < months;
}

/**
 * A document whose title names a plan (…年工作计划, 工作要点, 工作安排) is a plan throughout:
 * its body needs no tense words (二、开展师德主题活动4次). A title that also says 总结/回顾
 * (工作总结及明年计划) reports first.
 */
export function isPlanDocument(text: string): boolean {
  const title = /^\s*([^\n]{1,60})/.exec(text)?.[1] ?? '';
  return /(?:计划|要点|安排|打算|设想|思路)(?:[(（][^)）]*[)）])?\s*$/.test(title) && !/总结|小结|回顾|汇报|报告|述职/.test(title);
}

/**
 * A headcount is a present fact even in a plan or a budget: 学校现有教职工86人 in a plan,
 * 拟慰问在职教职工164人、退休教职工58人 in a budget (the staff exist now; only the visit is planned).
 */
export function headcountStatedAsFact(text: string, scope: FigureScope): boolean {
  return budgetStatement(text, scope) || /现有|共有|目前有|目前|现在/.test(text.slice(scope.clause.start, scope.numeralStart));
}
