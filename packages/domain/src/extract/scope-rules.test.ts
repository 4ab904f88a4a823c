import { describe, expect, it } from 'vitest';
import { partsOfTotals, type GroupedFigure } from './figure-groups';
import {
  activityCost,
  backReference,
  budgetStatement,
  countsNonStaff,
  filedProposals,
  governedByEventVerb,
  honourGivenByOwnUnit,
  inPostStaff,
  isBranchUnionText,
  isCalendarPlan,
  markedAsTotal,
  perCapita,
  plannedByTense,
  previousPeriod,
  quotesParentBody,
  remainder,
  servesRetirees,
  subCountMarker,
  type FigureScope,
} from './scope-rules';
import { splitSentences } from './segment';

/** The scope of the figure that starts at `figure` (first occurrence) in a one-paragraph text. */
function scopeAt(text: string, figure: string, unit: string): FigureScope {
  const numeralStart = text.indexOf(figure);
  if (numeralStart < 0) throw new Error(`${figure} not in ${text}`);
  const figureEnd = numeralStart + figure.length + unit.length;
  const sentence = splitSentences(text).find((s) => numeralStart >= s.start && numeralStart < s.end)!;
  const clause = sentence.clauses.find((c) => numeralStart >= c.start && numeralStart < c.end)!;
  return { numeralStart, figureEnd, clause, sentence };
}

function previousClause(text: string, scope: FigureScope) {
  const sentence = splitSentences(text).find((s) => s.start === scope.sentence.start)!;
  const index = sentence.clauses.findIndex((c) => c.start === scope.clause.start);
  return sentence.clauses[index - 1];
}

describe('plannedByTense', () => {
  it('puts a figure after 拟/明年/力争 in the future', () => {
    const text = '明年工会拟组织教职工登山活动2次。';
    expect(plannedByTense(text, scopeAt(text, '2', '次'))).toBe(true);
  });
  it('keeps a figure done after a plan word when a perfective marker follows it (争取…给予了)', () => {
    const text = '工会争取上级帮扶资金，对3名困难教师给予了补助，共计6000元。';
    expect(plannedByTense(text, scopeAt(text, '6000', '元'))).toBe(false);
  });
  it('does not read 按计划 as a plan', () => {
    const text = '按计划组织教职工体检90人。';
    expect(plannedByTense(text, scopeAt(text, '90', '人'))).toBe(false);
  });
});

describe('budgetStatement', () => {
  it('finds a budget sentence but not a budget rule', () => {
    const budget = '端午慰问预算为：每人100元，共需经费8000元。';
    expect(budgetStatement(budget, scopeAt(budget, '8000', '元'))).toBe(true);
    const rule = '工会执行经费预算制度，全年支出3万元。';
    expect(budgetStatement(rule, scopeAt(rule, '3万', '元'))).toBe(false);
  });
});

describe('perCapita', () => {
  it('drops per-person amounts and standards', () => {
    for (const [text, figure, unit] of [
      ['为退休教师每人发放慰问金300元。', '300', '元'],
      ['疗休养人均800元。', '800', '元'],
      ['伙食补助标准为50元。', '50', '元'],
      ['住宿费按260元/人结算。', '260', '元'],
    ] as const) expect(perCapita(text, scopeAt(text, figure, unit)), text).toBe(true);
    const total = '发放慰问金共计9000元。';
    expect(perCapita(total, scopeAt(total, '9000', '元'))).toBe(false);
  });
});

describe('remainder', () => {
  it('recognises what is left over (剩余/其余)', () => {
    const text = '收到提案12件，办结9件，剩余3件转入下学期。';
    expect(remainder(text, scopeAt(text, '3', '件'))).toBe(true);
    expect(remainder(text, scopeAt(text, '9', '件'))).toBe(false);
    const other = '其中已办结10份，另有2份正在协调。';
    expect(remainder(other, scopeAt(other, '2', '份'))).toBe(true);
  });
});

describe('subCountMarker', () => {
  it('opens a sub-count after 其中 in the clause or after 其中：', () => {
    const text = '全年举办讲座5场，其中：心理讲座3场，急救讲座2场。';
    const scope = scopeAt(text, '3', '场');
    expect(subCountMarker(text, scope, previousClause(text, scope))).toBeGreaterThan(0);
    const plain = '全年举办讲座5场，观看人数300人。';
    const own = scopeAt(plain, '300', '人');
    expect(subCountMarker(plain, own, previousClause(plain, own))).toBe(-1);
  });
});

describe('countsNonStaff', () => {
  it('tells students, parents, families and retired cadres from staff', () => {
    const trip = '参加教职工40人、家属12人。';
    expect(countsNonStaff(trip, scopeAt(trip, '12', '人'))).toBe(true);
    expect(countsNonStaff(trip, scopeAt(trip, '40', '人'))).toBe(false);
    const guests = '社区的30余名离休干部应邀参加。';
    expect(countsNonStaff(guests, scopeAt(guests, '30', '余名'))).toBe(true);
    const lecture = '为学生家长举办讲座2场。';
    expect(countsNonStaff(lecture, scopeAt(lecture, '2', '场'))).toBe(true);
  });
});

describe('quotesParentBody', () => {
  const report = '学院分工会工作总结\n本次校教代会共收到提案150件。学院向校教代会提交提案4件。';
  it('only applies to a college branch union', () => {
    expect(isBranchUnionText(report)).toBe(true);
    expect(isBranchUnionText('校工会全年召开教代会1次。')).toBe(false);
  });
  it('drops the parent body as subject but not as a destination', () => {
    expect(quotesParentBody(report, scopeAt(report, '150', '件'))).toBe(true);
    expect(quotesParentBody(report, scopeAt(report, '4', '件'))).toBe(false);
    const delegates = '学院分工会工作总结\n学院有5人作为校教代会代表参会。';
    expect(quotesParentBody(delegates, scopeAt(delegates, '5', '人'))).toBe(true);
  });
});

describe('honourGivenByOwnUnit', () => {
  it('drops honours the school gives, keeps honours from a higher body', () => {
    const given = '学校表彰了一批先进，9名教师被评为校级优秀教师。';
    expect(honourGivenByOwnUnit(given, scopeAt(given, '9', '名'))).toBe(true);
    const received = '我校4名教师受到市教育局表彰。';
    expect(honourGivenByOwnUnit(received, scopeAt(received, '4', '名'))).toBe(false);
  });
});

describe('governedByEventVerb', () => {
  it('tells a stock headcount from an event count', () => {
    const stock = '学校现有教职工75人。';
    const s = scopeAt(stock, '75', '人');
    expect(governedByEventVerb(stock, s.clause.start, s)).toBe(false);
    const event = '报名参加教职工60人。';
    const e = scopeAt(event, '60', '人');
    expect(governedByEventVerb(event, e.clause.start, e)).toBe(true);
    const groups = '老师们分成4个小组讨论。';
    const g = scopeAt(groups, '4', '个');
    expect(governedByEventVerb(groups, g.clause.start, g)).toBe(true);
  });
});

describe('markedAsTotal and backReference', () => {
  it('finds total markers and back references', () => {
    const text = '共有9人获奖。以上9人均获证书。';
    expect(markedAsTotal(text, scopeAt(text, '9', '人'))).toBe(true);
    const later = scopeAt(text, '以上9', '人');
    expect(backReference(text, { ...later, numeralStart: later.numeralStart + 2 })).toBe(true);
  });
});

describe('partsOfTotals', () => {
  const figure = (value: number, markedTotal = false, extra: Partial<GroupedFigure> = {}): GroupedFigure => ({ value, money: false, sentenceIndex: 0, markedTotal, remainder: false, ...extra });
  it('drops parts after a total (6 → 3 + 2 + 1)', () => {
    expect([...partsOfTotals([figure(6), figure(3), figure(2), figure(1)])]).toEqual([[1, 0], [2, 0], [3, 0]]);
  });
  it('drops parts before a marked total (4 + 5, 共9)', () => {
    expect([...partsOfTotals([figure(4), figure(5), figure(9, true)])].sort()).toEqual([[0, 2], [1, 2]]);
  });
  it('keeps figures that do not sum, single sub-counts and "Y of X" with a remainder', () => {
    expect(partsOfTotals([figure(86), figure(61)]).size).toBe(0);
    expect(partsOfTotals([figure(5), figure(3), figure(4)]).size).toBe(0);
    expect(partsOfTotals([figure(12), figure(10), figure(2, false, { remainder: true })]).size).toBe(0);
    expect(partsOfTotals([figure(6), figure(3, false, { sentenceIndex: 1 }), figure(3, false, { sentenceIndex: 1 })]).size).toBe(0);
  });
});

describe('servesRetirees and inPostStaff', () => {
  it('finds retirees as the last population before the figure, even with a name and 老师 after it', () => {
    const text = '看望住院的退休教师——李老师，送去慰问金200元。';
    expect(servesRetirees(text, scopeAt(text, '200', '元'))).toBe(true);
    const staff = '看望住院教职工6人次。';
    expect(servesRetirees(staff, scopeAt(staff, '6', '人次'))).toBe(false);
  });
  it('recognises staff named as in post', () => {
    const text = '慰问了在职和退休教职工，其中在职教职工40人次。';
    expect(inPostStaff(text, scopeAt(text, '40', '人次'))).toBe(true);
  });
});

describe('activityCost', () => {
  it('tells the cost of one activity from the yearly expenditure', () => {
    const one = '组织女教职工踏青（用于活动的经费达900多元）。';
    expect(activityCost(one, scopeAt(one, '900', '多元'))).toBe(true);
    const year = '全年工会经费支出8.6万元。';
    expect(activityCost(year, scopeAt(year, '8.6万', '元'))).toBe(false);
  });
});

describe('previousPeriod', () => {
  it('drops figures of the previous period but not comparisons with it', () => {
    const last = '去年10月召开教代会，代表提交提案14份。';
    expect(previousPeriod(last, scopeAt(last, '14', '份'))).toBe(true);
    const compared = '比去年增加了，全年慰问教职工30人次。';
    expect(previousPeriod(compared, scopeAt(compared, '30', '人次'))).toBe(false);
    const since = '去年9月至今年6月，共组织活动5次。';
    expect(previousPeriod(since, scopeAt(since, '5', '次'))).toBe(false);
  });
});

describe('filedProposals', () => {
  it('reads 立案 before the figure or as its head noun as a filed count, not 立案的… as a modifier', () => {
    const filed = '收到提案30件，立案21件。';
    expect(filedProposals(filed, scopeAt(filed, '21', '件'))).toBe(true);
    const head = '上次会议的21件立案提案中已有18件办结。';
    expect(filedProposals(head, scopeAt(head, '21', '件'))).toBe(true);
    const modifier = '对上次立案的21件提案，学校已全部落实。';
    expect(filedProposals(modifier, scopeAt(modifier, '21', '件'))).toBe(false);
  });
});

describe('isCalendarPlan', () => {
  it('reads a month-by-month list without 了 as a plan, a month-by-month report as done', () => {
    expect(isCalendarPlan('工会工作安排\n二月份：召开教代会。\n三月份：组织三八活动2次。\n五月份：举办运动会。')).toBe(true);
    expect(isCalendarPlan('二月：召开了教代会。\n三月：组织了三八活动2次。\n五月：举办了运动会。')).toBe(false);
    expect(isCalendarPlan('三月份：组织活动。')).toBe(false);
  });
});
