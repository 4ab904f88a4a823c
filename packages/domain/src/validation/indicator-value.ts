import { z } from 'zod';
import { unitLabelsEn, type Indicator } from '../catalogue/indicator';
import { plausibleBoundsOf } from '../report/plausibility';
import { zodMessage as m } from '../i18n/locale';

function decimalPlaces(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = value.toString();
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  return text.split('.')[1]?.length ?? 0;
}

/**
 * Upper bounds by value type, far above any school's real figures (a school
 * has at most a few hundred staff; a district's whole union budget is well
 * below 10 亿元), so a mistyped or hostile 1e15 is refused. The catalogue's
 * own `max` narrows them further.
 */
export const indicatorValueLimits: Record<Indicator['valueType'], number> = {
  integer: 1_000_000,
  money: 1_000_000_000,
  decimal: 1_000_000,
  percent: 100,
};

/** The largest value any indicator may hold: a first, catalogue-free bound for values in requests. */
export const maxIndicatorValue = Math.max(...Object.values(indicatorValueLimits));

/**
 * The zod schema for one indicator's value, with messages that name the
 * indicator. Shared by the web form and the server so both reject the same
 * input. `null` means "not filled in".
 */
export function indicatorValueSchema(indicator: Indicator) {
  // Autosaves validate sixty values every few seconds per chair: build each schema once.
  const key = `${indicator.code}|${indicator.valueType}|${indicator.min}|${indicator.max}|${indicator.nameZh}|${indicator.nameEn}|${JSON.stringify(indicator.plausible ?? null)}`;
  let schema = schemaCache.get(key);
  if (!schema) schemaCache.set(key, (schema = buildIndicatorValueSchema(indicator)));
  return schema;
}

const schemaCache = new Map<string, ReturnType<typeof buildIndicatorValueSchema>>();

function buildIndicatorValueSchema(indicator: Indicator) {
  const zh = indicator.nameZh;
  const en = indicator.nameEn;
  let schema = z.number({ error: m(() => ({ zh: `${zh}必须是数字`, en: `${en} must be a number` })) }).finite({
    error: m(() => ({ zh: `${zh}必须是有限的数字`, en: `${en} must be a finite number` })),
  });
  const notNegative = m(() => ({ zh: `${zh}不能为负数`, en: `${en} cannot be negative` }));
  switch (indicator.valueType) {
    case 'integer':
      schema = schema.int({ error: m(() => ({ zh: `${zh}必须是整数`, en: `${en} must be a whole number` })) }).min(0, { error: notNegative });
      break;
    case 'money':
      schema = schema
        .min(0, { error: notNegative })
        .refine((v) => decimalPlaces(v) <= 2, { error: m(() => ({ zh: `${zh}最多保留两位小数（单位：元）`, en: `${en} takes at most two decimal places (yuan)` })) });
      break;
    case 'percent':
      schema = schema
        .min(0, { error: m(() => ({ zh: `${zh}不能小于 0%`, en: `${en} cannot be below 0%` })) })
        .max(100, { error: m(() => ({ zh: `${zh}不能大于 100%`, en: `${en} cannot be above 100%` })) });
      break;
    case 'decimal':
      schema = schema.min(0, { error: notNegative });
      break;
  }
  // The type's limit, or the indicator's plausible ceiling when lower (教代会召开次数 ≤ 12 次), so the message names the real bound.
  const typeLimit = Math.min(indicatorValueLimits[indicator.valueType], plausibleBoundsOf(indicator).max ?? Infinity);
  // Percentages already stop at 100; a tighter catalogue max is checked below.
  if (indicator.valueType !== 'percent' && !(indicator.max !== undefined && indicator.max <= typeLimit)) {
    const unit = indicator.unit;
    schema = schema.max(typeLimit, {
      error: m(() => ({
        zh: `${zh}不能大于 ${typeLimit.toLocaleString('zh-CN')} ${unit}，请检查是否多输了数字`,
        en: `${en} cannot be above ${typeLimit.toLocaleString('en')} ${unitLabelsEn[unit] ?? unit}; check for an extra digit`,
      })),
    });
  }
  const { min, max } = indicator;
  if (min !== undefined) schema = schema.min(min, { error: m(() => ({ zh: `${zh}不能小于 ${min}`, en: `${en} cannot be below ${min}` })) });
  if (max !== undefined) schema = schema.max(max, { error: m(() => ({ zh: `${zh}不能大于 ${max}`, en: `${en} cannot be above ${max}` })) });
  return schema.nullable();
}
