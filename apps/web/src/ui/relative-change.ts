import type { IndicatorValueType } from '@union/domain';

/** Relative changes above this read as noise (a typo or a tiny base), so they are capped. */
export const MAX_SHOWN_PERCENT = 999;

/**
 * How this year's value compares with last year's, for the review table's
 * "变化率" column and the dashboards' ▲▼ badges. A relative change is only meaningful on a real base:
 * from 0 it is 「新增」, a percentage indicator moves in 个百分点 (35% → 40% is
 * +5 个百分点, not +14.3%), and a relative change beyond ±999% is capped.
 */
export type RelativeChange =
  | { kind: 'none' }
  | { kind: 'same' }
  /** Last year 0, this year more: there is no percentage. */
  | { kind: 'new' }
  | { kind: 'points'; points: number }
  | { kind: 'percent'; percent: number; capped: boolean };

export function relativeChange(current: number | null | undefined, previous: number | null | undefined, valueType: IndicatorValueType): RelativeChange {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous)) return { kind: 'none' };
  if (Math.abs(current - previous) < 1e-9) return { kind: 'same' };
  if (valueType === 'percent') return { kind: 'points', points: Math.round((current - previous) * 10) / 10 };
  if (previous === 0) return { kind: 'new' };
  const percent = Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
  if (Math.abs(percent) > MAX_SHOWN_PERCENT) return { kind: 'percent', percent: Math.sign(percent) * MAX_SHOWN_PERCENT, capped: true };
  return { kind: 'percent', percent, capped: false };
}

const signed = (n: number) => `${n > 0 ? '+' : '−'}${Math.abs(n)}`;

export interface RelativeChangeWords {
  same: string;
  new: string;
  points: (signed: string) => string;
  capped: (signed: string) => string;
}

/** "+12.5%", "−40%", "+999%以上", "新增", "+5 个百分点", "0%"; null when there is nothing to compare. */
export function formatRelativeChange(change: RelativeChange, words: RelativeChangeWords): string | null {
  switch (change.kind) {
    case 'none':
      return null;
    case 'same':
      return words.same;
    case 'new':
      return words.new;
    case 'points':
      return words.points(signed(change.points));
    case 'percent':
      return change.capped ? words.capped(`${signed(change.percent)}%`) : `${signed(change.percent)}%`;
  }
}

/** Whether the change is big enough to stand out in the table. */
export const isBigChange = (change: RelativeChange) => change.kind === 'new' || (change.kind === 'percent' && Math.abs(change.percent) >= 50) || (change.kind === 'points' && Math.abs(change.points) >= 20);

/**
 * The same reading from a year-over-year record (change and ratio, as the
 * dashboards get them from the server): the ratio is null when last year was 0.
 */
export function relativeChangeOf(yoy: { change: number; changeRatio: number | null }, valueType: IndicatorValueType): RelativeChange {
  if (Math.abs(yoy.change) < 1e-9) return { kind: 'same' };
  if (valueType === 'percent') return { kind: 'points', points: Math.round(yoy.change * 10) / 10 };
  if (yoy.changeRatio == null) return { kind: 'new' };
  const percent = Math.round(yoy.changeRatio * 1000) / 10;
  if (Math.abs(percent) > MAX_SHOWN_PERCENT) return { kind: 'percent', percent: Math.sign(percent) * MAX_SHOWN_PERCENT, capped: true };
  return { kind: 'percent', percent, capped: false };
}
