import type { Indicator } from './indicator';

/**
 * What kind of quantity an indicator is decides what maths makes sense on it.
 * Counts (integer: 人, 次, 人次, 份…) and money are *amounts*: they add up
 * across schools (a merged school's earlier years are its predecessors' sum)
 * and grow with a school's size (so "per 100 staff" compares like with like).
 * Percentages and decimals (scores such as 校务公开考核得分, shares) are
 * already relative: adding or scaling them gives nonsense (a 71.4 % share
 * "per 100 staff" read 48.9).
 */
export function isAmountIndicator(indicator: Pick<Indicator, 'valueType'>): boolean {
  return indicator.valueType === 'integer' || indicator.valueType === 'money';
}

/**
 * Whether "per 100 staff" applies: amounts only, and never the staff total
 * itself (it would be 100 every year). One rule for the comparison, the
 * trends (server) and the web's per-100 switch.
 */
export function scalesPerHundredStaff(indicator: Pick<Indicator, 'code' | 'valueType'>): boolean {
  return isAmountIndicator(indicator) && indicator.code !== 'staff_total';
}
