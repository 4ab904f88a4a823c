import { unitLabelsEn, type IndicatorValueType } from '@union/domain';
import type { LabelKey } from '../i18n';
import { numberFormat } from '../i18n/number-format';

export interface ValueFormat {
  valueType: IndicatorValueType;
  /** The catalogue's Chinese unit (人, 元, %, 分 …). */
  unit: string;
}

const numberLocale: Record<LabelKey, string> = { zh: 'zh-CN', en: 'en-US' };

/**
 * The number alone, with thousands separators. Money keeps two decimals when
 * it has cents (1,234.50) and none when it is whole (12,000); other values show
 * at most two decimals.
 */
export function formatNumber(value: number, valueType: IndicatorValueType, lang: LabelKey = 'zh'): string {
  const hasFraction = !Number.isInteger(value);
  const options: Intl.NumberFormatOptions =
    valueType === 'money'
      ? { minimumFractionDigits: hasFraction ? 2 : 0, maximumFractionDigits: 2 }
      : valueType === 'integer'
        ? { maximumFractionDigits: 0 }
        : { maximumFractionDigits: 2 };
  return numberFormat(numberLocale[lang], { useGrouping: true, ...options }).format(value);
}

/** The unit as shown after a number: Chinese units sit right after it, English ones after a space. */
export function unitSuffix(unit: string, lang: LabelKey = 'zh'): string {
  if (unit === '%') return '%';
  if (lang === 'en') return ` ${unitLabelsEn[unit] ?? unit}`;
  return ` ${unit}`;
}

/**
 * A value with its unit: "12,500 元", "35.5%", "128 人". Returns null for a
 * value that is not filled in, so the caller shows its own "未填" text.
 */
export function formatIndicatorValue(value: number | null | undefined, format: ValueFormat, lang: LabelKey = 'zh'): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return formatNumber(value, format.valueType, lang) + unitSuffix(format.unit, lang);
}

export type Change = { direction: 'up' | 'down' | 'same'; delta: number };

/** How this year's value compares with last year's; null when either is missing. */
export function compareWithPrevious(current: number | null | undefined, previous: number | null | undefined): Change | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  // Round away floating-point noise (0.1 + 0.2) at the catalogue's two-decimal precision.
  const delta = Math.round((current - previous) * 100) / 100;
  if (delta === 0) return { direction: 'same', delta: 0 };
  return { direction: delta > 0 ? 'up' : 'down', delta: Math.abs(delta) };
}

/** A calendar date from an ISO timestamp, in the reader's language ("2025年3月4日" / "Mar 4, 2025"). */
export function formatDate(value: string | Date | null | undefined, lang: LabelKey = 'zh'): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(numberLocale[lang], { year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric' }).format(date);
}

/** The time zone deadlines are set in: a district's deadline is a calendar day in China. */
export const DEADLINE_TIME_ZONE = 'Asia/Shanghai';

/**
 * A deadline ('YYYY-MM-DD', a calendar day in China time) in the reader's
 * language, as that same day in any browser time zone: 2027-01-15 stays
 * 2027年1月15日 for a reader in Los Angeles, where that midnight is still the 14th.
 */
export function formatDeadline(deadline: string, lang: LabelKey = 'zh'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return deadline;
  const day = new Date(`${deadline}T12:00:00+08:00`);
  if (Number.isNaN(day.getTime())) return deadline;
  return new Intl.DateTimeFormat(numberLocale[lang], { year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric', timeZone: DEADLINE_TIME_ZONE }).format(day);
}

/** Splits a narrative into paragraphs at blank lines; single line breaks stay inside a paragraph. */
export function narrativeParagraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim().length > 0);
}
