import { describe, expect, it } from 'vitest';
import { daysUntilDeadline } from './deadline';

describe('daysUntilDeadline', () => {
  const at = (iso: string) => new Date(iso);
  it('counts whole days in China Standard Time', () => {
    expect(daysUntilDeadline('2026-03-31', at('2026-03-31T10:00:00+08:00'))).toBe(0);
    expect(daysUntilDeadline('2026-03-31', at('2026-03-30T23:00:00+08:00'))).toBe(1);
    expect(daysUntilDeadline('2026-03-31', at('2026-03-01T00:00:00+08:00'))).toBe(30);
  });
  it('is negative once the deadline day has ended', () => {
    expect(daysUntilDeadline('2026-03-31', at('2026-04-01T00:30:00+08:00'))).toBe(-1);
    expect(daysUntilDeadline('2026-03-31', at('2026-04-03T12:00:00+08:00'))).toBe(-3);
  });
});
