import { describe, expect, it } from 'vitest';
import { normaliseText, toOriginalSpan, traditionalToSimplified } from './normalise-text';

function mapped(original: string, needle: string): string {
  const normalised = normaliseText(original);
  const at = normalised.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = toOriginalSpan(normalised, at, at + needle.length);
  return original.slice(span.start, span.end);
}

describe('normaliseText', () => {
  it('converts traditional to simplified characters', () => {
    expect(traditionalToSimplified('小學工會工作總結')).toBe('小学工会工作总结');
    expect(normaliseText('慰問生病教職工16人次').text).toBe('慰问生病教职工16人次');
  });

  it('removes pinyin glosses after characters and maps offsets back', () => {
    const original = '教育發(fā)展，區(qū)評優(yōu)課3人次';
    const normalised = normaliseText(original);
    expect(normalised.text).toBe('教育发展，区评优课3人次');
    expect(mapped(original, '区评优课3人次')).toBe('區(qū)評優(yōu)課3人次');
  });

  it('keeps numbering in parentheses', () => {
    expect(normaliseText('(1)工会').text).toBe('(1)工会');
    expect(normaliseText('活动(xx)').text).toBe('活动(xx)');
  });

  it('turns □ into a separator and drops stray backticks and dots', () => {
    expect(normaliseText('2□20xx年获奖').text).toBe('2、20xx年获奖');
    expect(normaliseText('成绩□xxxx年3月').text).toBe('成绩，xxxx年3月');
    expect(normaliseText('群众的`纽带，教师们的.共同努力').text).toBe('群众的纽带，教师们的共同努力');
  });

  it('converts full-width digits one to one', () => {
    const original = '共有１２人，占５０％';
    expect(normaliseText(original).text).toBe('共有12人，占50%');
    expect(mapped(original, '12人')).toBe('１２人');
  });

  it('joins lines broken in the middle of a sentence but keeps headings', () => {
    const original = '一、关心教职工\n今年共有103位教工参加医疗互助，获得理赔的教工比去年多了不少，今年共\n\n有18位教工获得理赔。\n二、下一步';
    const normalised = normaliseText(original);
    expect(normalised.text).toBe('一、关心教职工\n今年共有103位教工参加医疗互助，获得理赔的教工比去年多了不少，今年共有18位教工获得理赔。\n二、下一步');
    expect(mapped(original, '今年共有18位')).toBe('今年共\n\n有18位');
  });

  it('normalises CRLF line ends', () => {
    expect(normaliseText('一、师德\r\n二、民主').text).toBe('一、师德\n二、民主');
  });

  it('maps every span of unchanged text to itself', () => {
    const original = '工会慰问困难教职工8人次。';
    const normalised = normaliseText(original);
    expect(normalised.text).toBe(original);
    expect(toOriginalSpan(normalised, 2, 8)).toEqual({ start: 2, end: 8 });
    expect(toOriginalSpan(normalised, 0, 0)).toEqual({ start: 0, end: 0 });
  });
});
