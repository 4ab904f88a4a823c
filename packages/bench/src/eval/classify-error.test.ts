// Each error class pinned with a made-up sentence (not from any corpus).
import type { Suggestion } from '@union/domain';
import { describe, expect, it } from 'vitest';
import { classifyFalseNegative, classifyFalsePositive, sentenceAround, type ClassifierDocument } from './classify-error';
import type { Label } from './score';

const units = new Map([
  ['congress_delegates', '人'],
  ['staff_total', '人'],
  ['sick_visits', '人次'],
  ['holiday_visits', '人次'],
  ['retiree_visits', '人次'],
  ['congress_sessions', '次'],
  ['culture_sports_events', '次'],
  ['health_lectures', '场'],
  ['proposals_collected', '份'],
  ['sick_visit_amount', '元'],
  ['hardship_aid_amount', '元'],
  ['holiday_welfare_amount', '元'],
  ['union_dues_collected', '元'],
  ['staff_individual_awards', '人次'],
  ['health_checkup_participants', '人'],
]);

/** A suggestion for the `nth` occurrence of `figure` in `text` (the figure with its measure word). */
function suggest(text: string, figure: string, code: string, value: number, options: { isPlan?: boolean; nth?: number } = {}): Suggestion {
  let start = -1;
  for (let i = 0; i <= (options.nth ?? 0); i += 1) start = text.indexOf(figure, start + 1);
  if (start < 0) throw new Error(`figure ${figure} not in text`);
  const sentence = sentenceAround(text, start);
  return {
    indicatorCode: code,
    value,
    unit: units.get(code) ?? '人',
    approx: false,
    tier: 'confident',
    isPlan: options.isPlan ?? false,
    confidence: 0.9,
    evidence: { start: sentence.start, end: sentence.end, sentence: text.slice(sentence.start, sentence.end), figure: { start, end: start + figure.length } },
  };
}

const doc = (text: string, labels: Label[], suggestions: Suggestion[]): ClassifierDocument => ({ text, labels, suggestions, units });

describe('classifying false positives', () => {
  it('plan: a figure suggested as done where the label says plan', () => {
    const text = '明年拟组织教职工体检，预计参检85人。';
    const wrong = suggest(text, '85人', 'health_checkup_participants', 85);
    const result = classifyFalsePositive(doc(text, [{ code: 'health_checkup_participants', value: 85, evidence: '预计参检85人', note: 'plan' }], [wrong]), wrong);
    expect(result.errorClass).toBe('plan');
  });

  it('plan: an unlabelled done figure after a plan marker', () => {
    const text = '下学期工会将组织文体活动3次。';
    const wrong = suggest(text, '3次', 'culture_sports_events', 3);
    expect(classifyFalsePositive(doc(text, [], [wrong]), wrong).errorClass).toBe('plan');
  });

  it('population: a sub-count of people after 其中', () => {
    const text = '本届教代会有正式代表70人，其中女代表35人。';
    const right = suggest(text, '70人', 'congress_delegates', 70);
    const wrong = suggest(text, '35人', 'congress_delegates', 35);
    const labels = [{ code: 'congress_delegates', value: 70, evidence: '正式代表70人' }];
    expect(classifyFalsePositive(doc(text, labels, [right, wrong]), wrong)).toEqual({ errorClass: 'population', reason: 'sub-count (其中)' });
  });

  it('population: people who are not staff (家长, 学生)', () => {
    const text = '工会还为家长举办了讲座2场。';
    const wrong = suggest(text, '2场', 'health_lectures', 2);
    expect(classifyFalsePositive(doc(text, [], [wrong]), wrong)).toEqual({ errorClass: 'population', reason: 'counts 家长' });
  });

  it('population: retirees counted for a staff indicator, serving staff for a retiree indicator', () => {
    const text = '走访退休教师看病12人次，走访在职教师40人次。';
    const sick = suggest(text, '12人次', 'sick_visits', 12);
    const retiree = suggest(text, '40人次', 'retiree_visits', 40);
    const d = doc(text, [], [sick, retiree]);
    expect(classifyFalsePositive(d, sick).errorClass).toBe('population');
    expect(classifyFalsePositive(d, retiree).errorClass).toBe('population');
  });

  it('indicator: the labelled value under another code', () => {
    const text = '春节前慰问教职工58人次。';
    const wrong = suggest(text, '58人次', 'sick_visits', 58);
    const labels = [{ code: 'holiday_visits', value: 58, evidence: '慰问教职工58人次' }];
    expect(classifyFalsePositive(doc(text, labels, [wrong]), wrong)).toEqual({ errorClass: 'indicator', reason: 'labelled holiday_visits' });
  });

  it('unit: a figure a power of ten off the label (万 dropped)', () => {
    const text = '全年收缴会费3.6万元。';
    const wrong = suggest(text, '3.6万元', 'union_dues_collected', 3.6);
    const labels = [{ code: 'union_dues_collected', value: 36000, evidence: '收缴会费3.6万元' }];
    expect(classifyFalsePositive(doc(text, labels, [wrong]), wrong).errorClass).toBe('unit');
  });

  it('unit: a money figure for a headcount indicator', () => {
    const text = '看望生病住院的老师，花费800元。';
    const wrong = suggest(text, '800元', 'sick_visits', 800);
    expect(classifyFalsePositive(doc(text, [], [wrong]), wrong).errorClass).toBe('unit');
  });

  it('ordinal: 届 and 第 next to the numeral, and 二次 before a meeting', () => {
    const text = '召开五届二次教代会。学校召开第三次会员大会。本年召开二次教代会。';
    const a = suggest(text, '二次', 'congress_sessions', 2);
    const b = suggest(text, '三次', 'congress_sessions', 3);
    const c = suggest(text, '二次', 'congress_sessions', 2, { nth: 1 });
    const d = doc(text, [], [a, b, c]);
    expect(classifyFalsePositive(d, a).errorClass).toBe('ordinal');
    expect(classifyFalsePositive(d, b).errorClass).toBe('ordinal');
    expect(classifyFalsePositive(d, c).errorClass).toBe('ordinal');
  });

  it('per-capita: 每人 and 人均 before the figure, and cost lines', () => {
    const text = '为生病教师发放慰问金每人600元。外出学习的交通费补助300元。';
    const perHead = suggest(text, '600元', 'sick_visit_amount', 600);
    const cost = suggest(text, '300元', 'hardship_aid_amount', 300);
    const d = doc(text, [], [perHead, cost]);
    expect(classifyFalsePositive(d, perHead).errorClass).toBe('per-capita');
    expect(classifyFalsePositive(d, cost).errorClass).toBe('per-capita');
  });

  it('duplicate: parts that add up to the total written beside them', () => {
    const text = '全年举办讲座5场，心理讲座3场、养生讲座2场。';
    const total = suggest(text, '5场', 'health_lectures', 5);
    const part = suggest(text, '3场', 'health_lectures', 3);
    const other = suggest(text, '2场', 'health_lectures', 2);
    const labels = [{ code: 'health_lectures', value: 5, evidence: '举办讲座5场' }];
    expect(classifyFalsePositive(doc(text, labels, [total, part, other]), part)).toEqual({ errorClass: 'duplicate', reason: 'one of the parts of the total 5' });
  });

  it('duplicate: the same figure mentioned twice', () => {
    const text = '共收到提案18份。这18份提案都已答复。';
    const first = suggest(text, '18份', 'proposals_collected', 18);
    const second = suggest(text, '18份', 'proposals_collected', 18, { nth: 1 });
    const labels = [{ code: 'proposals_collected', value: 18, evidence: '收到提案18份' }];
    expect(classifyFalsePositive(doc(text, labels, [first, second]), second).errorClass).toBe('duplicate');
  });

  it('duplicate: a part of events or money after 其中 (not a population)', () => {
    const text = '全年组织活动9次，其中登山2次。';
    const wrong = suggest(text, '2次', 'culture_sports_events', 2);
    expect(classifyFalsePositive(doc(text, [], [wrong]), wrong).errorClass).toBe('duplicate');
  });

  it('confusable: another line of the same passage under the labelled code', () => {
    const text = '共收到提案30份，立案22份。';
    const wrong = suggest(text, '22份', 'proposals_collected', 22);
    const labels = [{ code: 'proposals_collected', value: 30, evidence: '收到提案30份' }];
    expect(classifyFalsePositive(doc(text, labels, [wrong]), wrong).errorClass).toBe('confusable');
  });

  it('other: an unlabelled figure with no recognised reason', () => {
    const text = '老师们分成4个小组讨论。';
    const wrong = suggest(text, '4个', 'union_groups', 4);
    expect(classifyFalsePositive(doc(text, [], [wrong]), wrong).errorClass).toBe('other');
  });

  it('reads traditional characters: 每人 written 每人, 學生 as 学生', () => {
    const text = '為學生舉辦講座3場。';
    const wrong = suggest(text, '3場', 'health_lectures', 3);
    expect(classifyFalsePositive(doc(text, [], [wrong]), wrong)).toEqual({ errorClass: 'population', reason: 'counts 学生' });
  });
});

describe('classifying false negatives', () => {
  it('plan: the figure was suggested with the opposite plan flag', () => {
    const text = '暑期组织疗休养2批。';
    const s = suggest(text, '2批', 'rest_trip_groups', 2, { isPlan: true });
    expect(classifyFalseNegative(doc(text, [], [s]), { code: 'rest_trip_groups', value: 2, evidence: '疗休养2批' }).errorClass).toBe('plan');
  });

  it('indicator: the value was suggested under another code at the evidence', () => {
    const text = '参检教职工90人。';
    const s = suggest(text, '90人', 'staff_total', 90);
    const label = { code: 'health_checkup_participants', value: 90, evidence: '参检教职工90人' };
    expect(classifyFalseNegative(doc(text, [label], [s]), label)).toEqual({ errorClass: 'indicator', reason: 'suggested as staff_total' });
  });

  it('unit: the figure was suggested a power of ten off', () => {
    const text = '发放节日福利2.5万元。';
    const s = suggest(text, '2.5万元', 'holiday_welfare_amount', 2.5);
    const label = { code: 'holiday_welfare_amount', value: 25000, evidence: '节日福利2.5万元' };
    expect(classifyFalseNegative(doc(text, [label], [s]), label).errorClass).toBe('unit');
  });

  it('duplicate: the parts were suggested instead of the total', () => {
    const text = '一等奖3人、二等奖4人，共7人获奖。';
    const a = suggest(text, '3人', 'staff_individual_awards', 3);
    const b = suggest(text, '4人', 'staff_individual_awards', 4);
    const label = { code: 'staff_individual_awards', value: 7, evidence: '共7人获奖' };
    expect(classifyFalseNegative(doc(text, [label], [a, b]), label).errorClass).toBe('duplicate');
  });

  it('confusable: another figure of the passage was taken for the code', () => {
    const text = '年初结余1200元，全年支出8600元。';
    const s = suggest(text, '1200元', 'union_expenditure', 1200);
    const label = { code: 'union_expenditure', value: 8600, evidence: '全年支出8600元' };
    expect(classifyFalseNegative(doc(text, [label], [s]), label).errorClass).toBe('confusable');
  });

  it('not-parsed: a table row or a number broken by a space', () => {
    const text = '项目\t金额\n会费收入\t4,800\n共慰问1 2人次。';
    const row = { code: 'union_dues_collected', value: 4800, evidence: '会费收入\t4,800' };
    const broken = { code: 'sick_visits', value: 12, evidence: '共慰问1 2人次' };
    expect(classifyFalseNegative(doc(text, [row, broken], []), row).errorClass).toBe('not-parsed');
    expect(classifyFalseNegative(doc(text, [row, broken], []), broken).errorClass).toBe('not-parsed');
  });

  it('missing cue: nothing was suggested near the evidence', () => {
    const text = '工会小报全年编印8期。';
    const label = { code: 'publicity_issues', value: 8, evidence: '编印8期' };
    expect(classifyFalseNegative(doc(text, [label], []), label)).toEqual({ errorClass: 'missing-cue', reason: 'no suggestion near the evidence' });
  });
});
