// One test per rule added after the held-out check of issue 13 (sentences written for these tests).
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { extractSuggestions } from './extract-figures';

function figures(text: string): string[] {
  return extractSuggestions(text, defaultCatalogue).suggestions.map((s) => `${s.indicatorCode}=${s.value}${s.approx ? '~' : ''}${s.isPlan ? ' plan' : ''}`);
}

describe('held-out rules (issue 13)', () => {
  it('reads columns aligned with full-width spaces as a table', () => {
    expect(figures('经费收支（单位：元）\n会员费收入　　12,340\n本年支出合计　　98,760\n')).toEqual(['union_dues_collected=12340', 'union_expenditure=98760']);
  });

  it('treats a document titled as a plan as planned throughout, its present headcount as a fact', () => {
    expect(figures('滨海新区第三实验中学工会2025年度工作要点\n\n学校现有教职工72人。\n一、开展师德主题活动3次。\n')).toEqual(['staff_total=72', 'ethics_activities=3 plan']);
  });

  it('keeps headcounts inside a budget sentence actual', () => {
    const found = figures('明年春节慰问费用预算：拟慰问在职教职工90人、退休教职工30人，共需约4.8万元。');
    expect(found).toContain('retired_staff=30');
    expect(found).toContain('holiday_welfare_amount=48000~ plan');
  });

  it('names a total after a list cut by ； with the words of the list, and plans it with the list', () => {
    expect(figures('春节慰问费用预算：在职教职工90人，每人500元；退休教职工30人，每人300元；合计约5.4万元。')).toEqual(['staff_total=90', 'retired_staff=30', 'holiday_welfare_amount=54000~ plan']);
  });

  it('does not read 走访慰问 as home visits', () => {
    expect(figures('工会走访慰问教职工25人次。')).not.toContain('staff_home_visits=25');
  });

  it('reads a leading time frame (春节期间，) with the clause it opens', () => {
    expect(figures('春节期间，校领导和工会委员走访一线教职工30人次。')).toEqual(['holiday_visits=30']);
  });

  it('ends the counted noun at a verb after the figure (对困难教职工4人进行了慰问)', () => {
    expect(figures('春节前对困难教职工4人进行了慰问。')).toEqual(['hardship_aid_recipients=4']);
  });

  it('does not take attendance (实到) for the number of delegates', () => {
    expect(figures('本届教代会正式代表60人，今年的会议实到57人。')).toEqual(['congress_delegates=60']);
  });

  it('counts vehicles-type equipment written with 辆', () => {
    expect(figures('为教工活动室新购动感单车3辆。')).toEqual(['fitness_equipment_items=3']);
  });
});
