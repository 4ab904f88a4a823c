import { z } from 'zod';
import type { Indicator } from '../catalogue/indicator';
import { plausibleBoundsOf } from '../report/plausibility';

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
  const key = `${indicator.code}|${indicator.valueType}|${indicator.min}|${indicator.max}|${indicator.nameZh}|${JSON.stringify(indicator.plausible ?? null)}`;
  let schema = schemaCache.get(key);
  if (!schema) schemaCache.set(key, (schema = buildIndicatorValueSchema(indicator)));
  return schema;
}

const schemaCache = new Map<string, ReturnType<typeof buildIndicatorValueSchema>>();

function buildIndicatorValueSchema(indicator: Indicator) {
  const name = indicator.nameZh;
  let schema = z.number({ error: `${name}必须是数字` }).finite({ error: `${name}必须是有限的数字` });
  switch (indicator.valueType) {
    case 'integer':
      schema = schema.int({ error: `${name}必须是整数` }).min(0, { error: `${name}不能为负数` });
      break;
    case 'money':
      schema = schema
        .min(0, { error: `${name}不能为负数` })
        .refine((v) => decimalPlaces(v) <= 2, { error: `${name}最多保留两位小数（单位：元）` });
      break;
    case 'percent':
      schema = schema.min(0, { error: `${name}不能小于 0%` }).max(100, { error: `${name}不能大于 100%` });
      break;
    case 'decimal':
      schema = schema.min(0, { error: `${name}不能为负数` });
      break;
  }
  // The type's limit, or the indicator's plausible ceiling when lower (教代会召开次数 ≤ 12 次), so the message names the real bound.
  const typeLimit = Math.min(indicatorValueLimits[indicator.valueType], plausibleBoundsOf(indicator).max ?? Infinity);
  // Percentages already stop at 100; a tighter catalogue max is checked below.
  if (indicator.valueType !== 'percent' && !(indicator.max !== undefined && indicator.max <= typeLimit)) {
    const unit = ` ${indicator.unit}`;
    schema = schema.max(typeLimit, { error: `${name}不能大于 ${typeLimit.toLocaleString('zh-CN')}${unit}，请检查是否多输了数字` });
  }
  if (indicator.min !== undefined) {
    schema = schema.min(indicator.min, { error: `${name}不能小于 ${indicator.min}` });
  }
  if (indicator.max !== undefined) {
    schema = schema.max(indicator.max, { error: `${name}不能大于 ${indicator.max}` });
  }
  return schema.nullable();
}
