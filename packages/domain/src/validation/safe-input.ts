import { z } from 'zod';

/**
 * The building blocks every procedure input is made of. PostgreSQL refuses a
 * NUL character in text and numbers beyond int4 in integer columns with errors
 * that would surface as a crash; these schemas turn them into a Chinese 400
 * before any query runs.
 */

/** The largest value of a PostgreSQL `integer` (int4) column. */
export const INT4_MAX = 2_147_483_647;

const hasNul = (s: string) => s.includes('\u0000');
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const nulCharacterMessage = '含有无法保存的空字符（\\u0000），请删除后重试';
export const loneSurrogateMessage = '含有不完整的字符（可能是复制时截断的表情或生僻字），请删除后重试';

export interface SafeTextOptions {
  /** Fewest characters after trimming; 1 makes the field required. */
  min?: number;
  max?: number;
  minMessage?: string;
  maxMessage?: string;
  /**
   * Keep the text exactly as typed (no Unicode normalisation, no trimming):
   * for passwords and file contents, where every code unit counts.
   */
  asTyped?: boolean;
  /** Trim surrounding white space (default true). */
  trim?: boolean;
}

/**
 * The one text schema: refuses NUL and lone surrogates, NFC-normalises and
 * trims (unless `asTyped`), then checks the length, all with Chinese messages.
 * It stays a `ZodString`, so callers can chain `.optional()`, `.default()`,
 * `.regex()` or `.transform()`.
 */
export function safeText(options: SafeTextOptions = {}) {
  let schema = z
    .string({ error: '必须是文字' })
    .refine((s) => !hasNul(s), { error: nulCharacterMessage, abort: true })
    .refine((s) => !LONE_SURROGATE.test(s), { error: loneSurrogateMessage, abort: true });
  if (!options.asTyped) schema = schema.normalize('NFC');
  if (!options.asTyped && options.trim !== false) schema = schema.trim();
  if (options.min !== undefined) {
    schema = schema.min(options.min, { error: options.minMessage ?? (options.min === 1 ? '不能为空' : `至少 ${options.min} 个字`) });
  }
  if (options.max !== undefined) schema = schema.max(options.max, { error: options.maxMessage ?? `最多 ${options.max} 个字` });
  return schema;
}

const invalidId = '编号无效（应为 1 至 2147483647 的整数）';

/** The one id schema: a positive int4, as every `id integer` column holds. */
export const idSchema = z
  .number({ error: invalidId })
  .int({ error: invalidId })
  .min(1, { error: invalidId })
  .max(INT4_MAX, { error: invalidId });

/** A non-negative whole number that fits an int4 column (versions, counts). */
export const int4CountSchema = z
  .number({ error: '必须是数字' })
  .int({ error: '必须是整数' })
  .min(0, { error: '不能为负数' })
  .max(INT4_MAX, { error: '数值过大' });

/** Record keys that would reach Object.prototype; zod drops them silently, so they are refused up front. */
export const reservedRecordKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A record (e.g. indicator values keyed by code) that refuses reserved keys
 * such as `__proto__` with a Chinese message at that key's path, instead of
 * silently dropping them. JSON.parse creates `__proto__` as an own property,
 * so the key reaches this check.
 */
export function safeRecord<K extends z.ZodType<string, string>, V extends z.ZodType>(keySchema: K, valueSchema: V) {
  const record = z.record(keySchema, valueSchema);
  return z
    .custom<z.input<typeof record>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { error: '格式无效' })
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (reservedRecordKeys.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `“${key}”不是有效的项目` });
      }
    })
    .pipe(record);
}
