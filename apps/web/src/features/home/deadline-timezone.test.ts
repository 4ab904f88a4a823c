// A reader far west of China: the demo deadline's midnight in China time is
// still 2027-01-14 there. The deadline must show as the 15th all the same.
process.env.TZ = 'America/Los_Angeles';

import { describe, expect, it } from 'vitest';
import { daysUntilDeadline } from './deadline';
import { formatDeadline } from '../../ui/format';

describe('deadlines in a browser west of China (America/Los_Angeles)', () => {
  it('runs in that time zone (where formatting the deadline as an instant gives the 14th)', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Los_Angeles');
    expect(new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date('2027-01-15T00:00:00+08:00'))).toBe('2027年1月14日');
  });

  it('shows the deadline as its calendar day in China', () => {
    expect(formatDeadline('2027-01-15')).toBe('2027年1月15日');
    expect(formatDeadline('2027-01-15', 'en')).toBe('Jan 15, 2027');
    expect(formatDeadline('2026-12-31')).toBe('2026年12月31日');
    expect(formatDeadline('not a day')).toBe('not a day');
  });

  it('counts days left to the end of the deadline day in China time', () => {
    // 2027-01-14 09:00 in Los Angeles is 2027-01-15 01:00 in China: the deadline day itself.
    expect(daysUntilDeadline('2027-01-15', new Date('2027-01-14T09:00:00-08:00'))).toBe(0);
    expect(daysUntilDeadline('2027-01-15', new Date('2027-01-14T07:00:00-08:00'))).toBe(1);
    expect(daysUntilDeadline('2027-01-15', new Date('2027-01-15T09:00:00-08:00'))).toBe(-1);
  });
});
