import { describe, expect, it } from 'vitest';
import { findNumerals, parseChineseNumber } from './chinese-number';

type Row = [input: string, value: number | null, approx?: boolean, percent?: boolean];

const table: Row[] = [
  // Arabic, full-width, separators, decimals
  ['16', 16],
  ['0', 0],
  ['914', 914],
  ['1,200', 1200],
  ['12,345,678', 12345678],
  ['１２', 12],
  ['３２４５．６０', 3245.6],
  ['3245.60', 3245.6],
  // Chinese numerals
  ['一', 1],
  ['两', 2],
  ['十', 10],
  ['十四', 14],
  ['二十五', 25],
  ['一百零八', 108],
  ['一千零五', 1005],
  ['三百五十', 350],
  ['一千二百', 1200],
  ['十万', 100000],
  ['一万零二', 10002],
  ['三千五百万', 35000000],
  ['一亿二千万', 120000000],
  ['二〇一二', 2012],
  ['两万', 20000],
  ['壹仟贰佰', 1200],
  ['參拾', 30],
  ['兩萬', 20000],
  // Abbreviated tails (cn2an): the digit after the last unit is one unit lower
  ['一万二', 12000],
  ['一千二', 1200],
  ['三百五', 350],
  ['两万五', 25000],
  ['一亿二', 120000000],
  // Mixed script and multipliers (nzh reads 14.2万 as 0)
  ['14.2万', 142000],
  ['10.3万', 103000],
  ['3千', 3000],
  ['1万', 10000],
  ['1.5亿', 150000000],
  ['十四点二万', 142000],
  ['三点五', 3.5],
  ['零点五', 0.5],
  // Percentages (chinese-numbers-converter reads 百分之十五 as 115)
  ['百分之十五', 15, false, true],
  ['百分之五十左右', 50, true, true],
  ['50%', 50, false, true],
  ['５０％', 50, false, true],
  ['百分之十二点五', 12.5, false, true],
  // Approximations
  ['一千二百多', 1200, true],
  ['十多', 10, true],
  ['100余', 100, true],
  ['约300', 300, true],
  ['近百', 100, true],
  ['近200', 200, true],
  ['大约两千', 2000, true],
  ['50左右', 50, true],
  ['200上下', 200, true],
  ['10多万', 100000, true],
  ['1万余', 10000, true],
  ['30来', 30, true],
  // Not numerals
  ['', null],
  ['万', 10000],
  ['十一五', null],
  ['十百', null],
  ['一百一百', null],
  ['abc', null],
  ['零十', null],
];

describe('parseChineseNumber', () => {
  it.each(table)('%s → %s', (input, value, approx = false, percent = false) => {
    const parsed = parseChineseNumber(input);
    if (value === null) {
      expect(parsed).toBeNull();
      return;
    }
    expect(parsed).toEqual({ value, approx, percent });
  });

  it('has a table of at least 40 rows', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });
});

describe('findNumerals', () => {
  const values = (text: string) => findNumerals(text).map((n) => [n.raw, n.value, n.approx]);

  it('finds Arabic, Chinese and mixed numerals with their offsets', () => {
    const text = '慰问16人次，帮困金额14.2万元，使用资金一千二百多元。';
    const found = findNumerals(text);
    expect(found.map((n) => [n.raw, n.value, n.approx])).toEqual([
      ['16', 16, false],
      ['14.2万', 142000, false],
      ['一千二百多', 1200, true],
    ]);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('14.2万');
  });

  it('reads 10多万 and 50%左右-style figures', () => {
    expect(values('投入10多万元')).toEqual([['10多万', 100000, true]]);
    expect(findNumerals('其中有50%左右')[0]).toMatchObject({ value: 50, percent: true });
  });

  it('skips placeholders, lone unit characters and malformed runs', () => {
    expect(values('20xx年全校20xxxx位教职工')).toEqual([]);
    expect(values('千方百计，万达杯')).toEqual([]);
    expect(values('实现了“十一五”良好开局')).toEqual([]);
  });

  it('does not read a formal digit ending a word as part of the number', () => {
    expect(values('教工文体队伍4支，陆续3次')).toEqual([
      ['4', 4, false],
      ['3', 3, false],
    ]);
  });

  it('keeps the original characters in raw for full-width digits', () => {
    expect(findNumerals('共１２人')[0]).toMatchObject({ raw: '１２', value: 12, start: 1, end: 3 });
  });
});
