import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { extractSuggestions } from './extract-figures';
import { tableCells } from './table-cells';

const figures = (text: string) => extractSuggestions(text, defaultCatalogue).suggestions.map((s) => `${s.indicatorCode}=${s.value}`);

describe('tableCells', () => {
  it('takes the unit of a bare number from its column header', () => {
    const text = '慰问情况\n项目\t人次\t金额（元）\n住院慰问\t7\t2100';
    const cells = tableCells(text);
    expect([...cells.values()].map((c) => c.unit)).toEqual(['人次', '元']);
    expect(text.slice(cells.get(text.indexOf('2100'))!.header!.start, cells.get(text.indexOf('2100'))!.header!.end)).toBe('金额（元）');
  });

  it('takes 元 from a unit note above the table, and reads pipe and space-aligned rows', () => {
    expect([...tableCells('收支情况（单位：元）\n| 会费收入 | 12,300 |').values()].map((c) => c.unit)).toEqual(['元']);
    expect([...tableCells('收支情况（单位：元）\n会费收入    6,150.00').values()].map((c) => c.unit)).toEqual(['元']);
  });

  it('leaves numbers without a known unit, row numbers and prose alone', () => {
    expect(tableCells('序号\t活动\n1\t趣味运动会').size).toBe(0);
    expect(tableCells('项目\t数量\n茶话会\t3').size).toBe(0);
    expect(tableCells('全年慰问教职工20人次。').size).toBe(0);
    expect(tableCells('收支情况（单位：万元）\n会费收入    1.2').size).toBe(0);
  });
});

describe('extractSuggestions on tables', () => {
  it('reads each row with its label and column header', () => {
    expect(figures('全年慰问情况如下：\n项目\t人次\t金额（元）\n住院慰问\t7\t2100\n困难帮扶\t3\t4500')).toEqual([
      'sick_visits=7',
      'sick_visit_amount=2100',
      'hardship_aid_recipients=3',
      'hardship_aid_amount=4500',
    ]);
  });

  it('does not read the next row into a cell (探病… then 退休…)', () => {
    expect(figures('经费（单位：元）\n探病慰问支出    1,800.00\n退休职工慰问支出    3,200.00')).toEqual(['sick_visit_amount=1800']);
  });

  it('reads a finance sheet in 元 without taking income or balances for spending', () => {
    expect(figures('经费收支（单位：元）\n| 项目 | 金额 |\n| 上年结余 | 20,100 |\n| 会费收入 | 12,300 |\n| 行政补助 | 40,000 |\n| 本年支出 | 66,800 |')).toEqual(['union_dues_collected=12300', 'union_expenditure=66800']);
  });
});
