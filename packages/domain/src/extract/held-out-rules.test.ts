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
});
