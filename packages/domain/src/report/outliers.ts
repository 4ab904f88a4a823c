import { unitLabelsEn, type Indicator } from '../catalogue/indicator';
import { localize, type Localized } from '../i18n/locale';
import { modifiedZScore, robustReference, type RobustReference } from '../compare/robust-statistics';

/**
 * Outlier warnings with robust statistics. Union counts are skewed and
 * zero-heavy, so a mean ± k·SD rule flags half the district; the modified
 * z-score (Iglewicz & Hoaglin) on median and MAD does not. A warning asks
 * for an explanation; it never blocks saving or submitting.
 */
export const MODIFIED_Z_THRESHOLD = 3.5;
/** Fewer reference values than this say too little to judge. */
export const MIN_REFERENCE_VALUES = 3;

export type OutlierBasis = 'own_history' | 'peer_schools';

export interface OutlierWarning {
  code: string;
  basis: OutlierBasis;
  value: number;
  /** The reference median (per 100 staff for peer comparison). */
  median: number;
  score: number;
  /** The warning in Chinese (for documents and the audit trail). */
  messageZh: string;
  /** The same warning in the caller's locale. */
  message: string;
}

export interface OutlierContext {
  /** The same school's values in earlier years (or their summary, computed once for many checks). */
  ownHistory: readonly number[] | RobustReference;
  /** Peer schools' values this year (same type and size band), each per 100 staff (or their summary). */
  peerValuesPer100Staff: readonly number[] | RobustReference;
  /** This school's staff count, to put its value on the peers' scale. */
  staffCount: number | null;
}

/**
 * Small absolute differences are never worth a warning: from 1 to 4 visits is
 * a big z-score on a tiny spread, but not a data-entry problem.
 */
function meaningfulDifference(value: number, reference: number): boolean {
  return Math.abs(value - reference) >= Math.max(3, 0.5 * Math.abs(reference));
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Both fields of a warning's text: Chinese always, and the caller's locale. */
const warningText = (text: Localized) => ({ messageZh: text.zh, message: localize(text) });

const summarise = (reference: readonly number[] | RobustReference): RobustReference => ('median' in reference ? reference : robustReference(reference));

export function outlierWarning(indicator: Indicator, value: number, context: OutlierContext): OutlierWarning | null {
  // Percentages have hard bounds instead; headcounts are checked against the school's own past only
  // (per 100 staff is meaningless for them, and a jump from 21 to 80 staff is a typo worth asking about).
  if (indicator.valueType === 'percent') return null;
  const comparesWithPeers = indicator.category !== 'basics';
  const own = summarise(context.ownHistory);
  if (own.n >= MIN_REFERENCE_VALUES) {
    const m = own.median;
    const score = modifiedZScore(value, own);
    if (Math.abs(score) > MODIFIED_Z_THRESHOLD && meaningfulDifference(value, m)) {
      return {
        code: indicator.code,
        basis: 'own_history',
        value,
        median: m,
        score,
        ...warningText({
          zh: `${indicator.nameZh}（${formatNumber(value)}${indicator.unit}）与本校往年（中位数 ${formatNumber(m)}${indicator.unit}）差异较大，请核实或说明原因`,
          en: `${indicator.nameEn} (${formatNumber(value)} ${unitLabelsEn[indicator.unit] ?? indicator.unit}) differs a lot from this school's earlier years (median ${formatNumber(m)} ${unitLabelsEn[indicator.unit] ?? indicator.unit}); please check it or explain why`,
        }),
      };
    }
  }
  const peers = comparesWithPeers ? summarise(context.peerValuesPer100Staff) : null;
  if (peers && context.staffCount && context.staffCount > 0 && peers.n >= MIN_REFERENCE_VALUES) {
    const rate = (value / context.staffCount) * 100;
    const m = peers.median;
    const score = modifiedZScore(rate, peers);
    if (Math.abs(score) > MODIFIED_Z_THRESHOLD && meaningfulDifference(value, (m * context.staffCount) / 100)) {
      return {
        code: indicator.code,
        basis: 'peer_schools',
        value,
        median: m,
        score,
        ...warningText({
          zh: `${indicator.nameZh}按每百名教职工计为 ${formatNumber(rate)}，同类学校中位数为 ${formatNumber(m)}，差异较大，请核实或说明原因`,
          en: `${indicator.nameEn} is ${formatNumber(rate)} per 100 staff against a median of ${formatNumber(m)} at similar schools; please check it or explain why`,
        }),
      };
    }
  }
  return null;
}
