import raw from '../catalogue/default-catalogue.json' with { type: 'json' };
import { unitLabelsEn, type Indicator, type PlausibleBounds } from '../catalogue/indicator';
import { localize, type Localized } from '../i18n/locale';
import type { FieldError } from '../validation/zod-messages';
import type { IndicatorValues } from './report';

/** The headcount per-staff bounds are multiples of. */
export const STAFF_CODE = 'staff_total';

/**
 * Defaults by unit for a school's yearly figure, when the catalogue says
 * nothing for the indicator: headcounts at most the staff, person-times ten
 * visits per staff member, events at most a few a week, money at most 5 万元
 * per staff member. Far above real reports (the demo district's largest
 * ratios are below a third of these), yet they stop a typed 1 000 000 000 000.
 */
const unitDefaults: Record<string, PlausibleBounds> = {
  人: { max: 10_000, perStaff: 1 },
  人次: { max: 100_000, perStaff: 10 },
  次: { max: 500 },
  场: { max: 500 },
  份: { max: 5_000, perStaff: 5 },
  项: { max: 1_000 },
  个: { max: 1_000 },
  支: { max: 200 },
  对: { max: 5_000, perStaff: 1 },
  元: { max: 100_000_000, perStaff: 50_000 },
};

// Indicators read from the database carry no bounds: the default catalogue's, by stable code.
const catalogueBounds = new Map<string, PlausibleBounds>(
  (raw as { code: string; plausible?: PlausibleBounds }[]).flatMap((i) => (i.plausible ? [[i.code, i.plausible] as const] : [])),
);

/** The bounds that apply to an indicator: its own, else the default catalogue's, else the unit's, merged in that order. */
export function plausibleBoundsOf(indicator: Indicator): PlausibleBounds {
  const own = indicator.plausible ?? catalogueBounds.get(indicator.code) ?? {};
  const bounds: PlausibleBounds = { ...(unitDefaults[indicator.unit] ?? {}), ...own };
  // The staff count is what the per-staff bounds divide by.
  if (indicator.code === STAFF_CODE) delete bounds.perStaff;
  return bounds;
}

/** A cross-field rule read from the catalogue: `left` may not exceed `right`. */
export interface CrossFieldRule {
  left: string;
  operator: '<=';
  right: string;
}

/** The catalogue's cross-field rules (each indicator's `notAbove`), in catalogue order. */
export function crossFieldRulesOf(catalogue: readonly Indicator[]): CrossFieldRule[] {
  return catalogue.flatMap((i) => (plausibleBoundsOf(i).notAbove ?? []).map((right) => ({ left: i.code, operator: '<=' as const, right })));
}

/** The other fields an indicator's bounds compare it with (staff total, its `notAbove` ones). */
export function boundPartners(code: string, catalogue: readonly Indicator[]): string[] {
  const indicator = catalogue.find((i) => i.code === code);
  if (!indicator) return [];
  const bounds = plausibleBoundsOf(indicator);
  const partners = new Set(bounds.notAbove ?? []);
  if (bounds.perStaff !== undefined) partners.add(STAFF_CODE);
  // And the fields bounded by this one (staff total bounds every headcount).
  for (const other of catalogue) {
    const b = plausibleBoundsOf(other);
    if (b.notAbove?.includes(code) || (code === STAFF_CODE && b.perStaff !== undefined)) partners.add(other.code);
  }
  partners.delete(code);
  return [...partners];
}

const numberIn = (locale: 'zh-CN' | 'en') => (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
const zhNumber = numberIn('zh-CN');
const enNumber = numberIn('en');

/**
 * Hard plausibility rules for filled-in values whose type and range already
 * passed: absolute and per-staff ceilings, then the cross-field rules. One
 * message per field, naming the field and the bound (in the caller's locale);
 * a rule applies only when every value it needs is filled in.
 */
export function plausibilityErrors(values: IndicatorValues, catalogue: readonly Indicator[], skip: ReadonlySet<string> = new Set()): FieldError[] {
  const errors: FieldError[] = [];
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const staff = skip.has(STAFF_CODE) ? null : values[STAFF_CODE];
  const staffIndicator = byCode.get(STAFF_CODE);
  const staffZh = staffIndicator?.nameZh ?? '教职工总数';
  const staffEn = staffIndicator?.nameEn ?? 'Staff total';
  for (const indicator of catalogue) {
    const value = values[indicator.code];
    if (value == null || skip.has(indicator.code)) continue;
    const bounds = plausibleBoundsOf(indicator);
    const { nameZh: zh, nameEn: en } = indicator;
    const unitZh = indicator.unit === '%' ? '%' : ` ${indicator.unit}`;
    const unitEn = indicator.unit === '%' ? '%' : ` ${unitLabelsEn[indicator.unit] ?? indicator.unit}`;
    const [vz, ve] = [zhNumber(value), enNumber(value)];
    let message: Localized | null = null;
    if (bounds.max !== undefined && value > bounds.max) {
      message = {
        zh: `${zh}（${vz}）不能大于 ${zhNumber(bounds.max)}${unitZh}，请检查是否多输了数字`,
        en: `${en} (${ve}) cannot be above ${enNumber(bounds.max)}${unitEn}; check for an extra digit`,
      };
    } else if (bounds.perStaff !== undefined && staff != null && staff > 0 && value > bounds.perStaff * staff) {
      const limit = Math.floor(bounds.perStaff * staff * 100) / 100;
      message =
        bounds.perStaff === 1
          ? { zh: `${zh}（${vz}）不能大于${staffZh}（${zhNumber(staff)}）`, en: `${en} (${ve}) cannot be more than ${staffEn} (${enNumber(staff)})` }
          : {
              zh: `${zh}（${vz}）不能大于${staffZh}的 ${zhNumber(bounds.perStaff)} 倍（${zhNumber(limit)}${unitZh}），请核实`,
              en: `${en} (${ve}) cannot be more than ${enNumber(bounds.perStaff)} times ${staffEn} (${enNumber(limit)}${unitEn}); please check`,
            };
    } else {
      for (const right of bounds.notAbove ?? []) {
        const other = values[right];
        const rightIndicator = byCode.get(right);
        if (other == null || !rightIndicator || skip.has(right)) continue;
        if (value > other) {
          message = { zh: `${zh}（${vz}）不能大于${rightIndicator.nameZh}（${zhNumber(other)}）`, en: `${en} (${ve}) cannot be more than ${rightIndicator.nameEn} (${enNumber(other)})` };
          break;
        }
      }
    }
    if (message) errors.push({ path: `values.${indicator.code}`, message: localize(message) });
  }
  return errors;
}
