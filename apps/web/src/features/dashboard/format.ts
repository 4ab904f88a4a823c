import { categoryLabels, type CategoryCode, type IndicatorValueType, type YearOverYear } from '@union/domain';
import type { LabelKey } from '../../i18n';
import { numberFormat } from '../../i18n/number-format';
import { formatNumber, unitSuffix } from '../../ui/format';
import { relativeChangeOf } from '../../ui/relative-change';

const locale: Record<LabelKey, string> = { zh: 'zh-CN', en: 'en-US' };

/** A 0–1 ratio as a percentage: 0.8801 → "88.0%". */
export function formatRatio(ratio: number | null | undefined, lang: LabelKey, digits = 1): string | null {
  if (ratio == null || !Number.isFinite(ratio)) return null;
  return numberFormat(locale[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}

/** A score with at most one decimal: 78.135 → "78.1". */
export function formatScore(score: number | null | undefined, lang: LabelKey): string | null {
  if (score == null || !Number.isFinite(score)) return null;
  return numberFormat(locale[lang], { maximumFractionDigits: 1 }).format(score);
}

export interface ShownFormat {
  valueType: 'integer' | 'money' | 'decimal' | 'percent';
  unit: string;
}

/**
 * An indicator value as the comparison shows it. Per-100-staff rates are
 * fractional, so they get one decimal and no unit suffix beyond the unit.
 */
export function formatShown(value: number | null | undefined, indicator: ShownFormat, perHundred: boolean, lang: LabelKey, withUnit = false): string | null {
  if (value == null || !Number.isFinite(value)) return null;
  const text =
    perHundred && indicator.valueType !== 'percent'
      ? numberFormat(locale[lang], { maximumFractionDigits: 1 }).format(value)
      : formatNumber(value, indicator.valueType, lang);
  return withUnit ? text + unitSuffix(indicator.unit, lang) : text;
}

const yoyWords: Record<LabelKey, { new: string; points: (n: string) => string; capped: (n: string) => string }> = {
  zh: { new: '新增', points: (n) => `${n} 个百分点`, capped: (n) => `${n}以上` },
  en: { new: 'new', points: (n) => `${n} pp`, capped: (n) => `over ${n}` },
};

/**
 * "▲ 25%" / "▼ 3 个百分点" / "▲ 新增" / "＝": the arrow and the change. A
 * percentage indicator moves in points (not % of %), a rise from 0 is 新增
 * (not ▲3,300), and a relative change beyond ±999% is capped.
 */
export function yoyShort(yoy: YearOverYear | null | undefined, lang: LabelKey, valueType: IndicatorValueType = 'decimal'): { arrow: string; text: string } | null {
  if (!yoy) return null;
  const arrow = yoy.direction === 'up' ? '▲' : yoy.direction === 'down' ? '▼' : '＝';
  if (yoy.direction === 'flat') return { arrow, text: '' };
  const change = relativeChangeOf(yoy, valueType);
  // No ratio and a fall cannot come from 0 (values are never negative): show the absolute change.
  if (change.kind === 'new' && yoy.change < 0) return { arrow, text: numberFormat(locale[lang], { maximumFractionDigits: 1 }).format(Math.abs(yoy.change)) };
  const words = yoyWords[lang];
  const number = (n: number) => numberFormat(locale[lang], { maximumFractionDigits: 1 }).format(Math.abs(n));
  switch (change.kind) {
    case 'same':
      return { arrow, text: '' };
    case 'new':
      return { arrow, text: words.new };
    case 'points':
      return { arrow, text: words.points(number(change.points)) };
    case 'percent':
      return { arrow, text: change.capped ? words.capped(`${number(change.percent)}%`) : `${number(change.percent)}%` };
    default:
      return { arrow, text: '' };
  }
}

/** A signed change: +3.2 / −1.5 / 0. */
export function formatSigned(value: number, lang: LabelKey): string {
  const abs = numberFormat(locale[lang], { maximumFractionDigits: 2 }).format(Math.abs(value));
  return value > 0 ? `+${abs}` : value < 0 ? `−${abs}` : abs;
}

/** "★★★★☆" for a star level 0–5. */
export function starText(stars: number | null | undefined): string {
  if (stars == null) return '';
  const n = Math.max(0, Math.min(5, Math.round(stars)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** A score category's name: a v2 rubric's own title (data, as entered) or the catalogue category in the UI language. */
export function scoreCategoryName(category: { code: string; titleZh?: string | null }, lang: LabelKey): string {
  if (category.titleZh) return category.titleZh;
  return Object.hasOwn(categoryLabels, category.code) ? categoryLabels[category.code as CategoryCode][lang] : category.code;
}
