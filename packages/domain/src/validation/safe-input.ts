import { z } from 'zod';
import { localize, textOf, zodMessage, type Localized, type MessageText } from '../i18n/locale';

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

export const nulCharacterText: Localized = {
  zh: '含有无法保存的空字符（\\u0000），请删除后重试',
  en: 'contains an empty character (\\u0000) that cannot be saved; delete it and try again',
};
export const loneSurrogateText: Localized = {
  zh: '含有不完整的字符（可能是复制时截断的表情或生僻字），请删除后重试',
  en: 'contains an incomplete character (perhaps an emoji or rare character cut off when copying); delete it and try again',
};
/** The Chinese texts (the default locale). */
export const nulCharacterMessage = nulCharacterText.zh;
export const loneSurrogateMessage = loneSurrogateText.zh;

export interface SafeTextOptions {
  /** Fewest characters after trimming; 1 makes the field required. */
  min?: number;
  max?: number;
  /** Plain Chinese, or `{ zh, en }` to follow the caller's locale. */
  minMessage?: MessageText;
  maxMessage?: MessageText;
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
    .string({ error: zodMessage(() => ({ zh: '必须是文字', en: 'must be text' })) })
    .refine((s) => !hasNul(s), { error: zodMessage(() => nulCharacterText), abort: true })
    .refine((s) => !LONE_SURROGATE.test(s), { error: zodMessage(() => loneSurrogateText), abort: true });
  if (!options.asTyped) schema = schema.normalize('NFC');
  if (!options.asTyped && options.trim !== false) schema = schema.trim();
  if (options.min !== undefined) {
    const { min, minMessage } = options;
    schema = schema.min(min, {
      error: () => (minMessage !== undefined ? textOf(minMessage) : localize(min === 1 ? { zh: '不能为空', en: 'cannot be empty' } : { zh: `至少 ${min} 个字`, en: `at least ${min} characters` })),
    });
  }
  const { max, maxMessage } = options;
  if (max !== undefined) {
    schema = schema.max(max, { error: () => (maxMessage !== undefined ? textOf(maxMessage) : localize({ zh: `最多 ${max} 个字`, en: `at most ${max} characters` })) });
  }
  return schema;
}

const invalidId = zodMessage(() => ({ zh: '编号无效（应为 1 至 2147483647 的整数）', en: 'invalid id (a whole number from 1 to 2147483647)' }));

/** The one id schema: a positive int4, as every `id integer` column holds. */
export const idSchema = z
  .number({ error: invalidId })
  .int({ error: invalidId })
  .min(1, { error: invalidId })
  .max(INT4_MAX, { error: invalidId });

/** A non-negative whole number that fits an int4 column (versions, counts). */
export const int4CountSchema = z
  .number({ error: zodMessage(() => ({ zh: '必须是数字', en: 'must be a number' })) })
  .int({ error: zodMessage(() => ({ zh: '必须是整数', en: 'must be a whole number' })) })
  .min(0, { error: zodMessage(() => ({ zh: '不能为负数', en: 'cannot be negative' })) })
  .max(INT4_MAX, { error: zodMessage(() => ({ zh: '数值过大', en: 'too large' })) });

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
    .custom<z.input<typeof record>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { error: zodMessage(() => ({ zh: '格式无效', en: 'invalid format' })) })
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (reservedRecordKeys.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: localize({ zh: `“${key}”不是有效的项目`, en: `“${key}” is not a valid item` }) });
      }
    })
    .pipe(record);
}
