import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enteredPasswordSchema, newPasswordSchema, usernameSchema } from '../accounts/roles';
import { indicatorValuesSchema, narrativeSchema } from '../report/report';
import { idSchema, INT4_MAX, int4CountSchema, loneSurrogateMessage, nulCharacterMessage, safeRecord, safeText } from './safe-input';

const messagesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('safeText', () => {
  const text = safeText({ min: 1, max: 5 });

  it('refuses NUL characters and lone surrogates with a Chinese message', () => {
    expect(messagesOf(text, 'x\u0000y')).toEqual([nulCharacterMessage]);
    expect(messagesOf(text, '\uD800')).toEqual([loneSurrogateMessage]);
    expect(messagesOf(text, 'a\uDC00b')).toEqual([loneSurrogateMessage]);
    expect(nulCharacterMessage).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps surrogate pairs (emoji, rare characters outside the BMP)', () => {
    expect(text.parse('😀𠮷')).toBe('😀𠮷');
  });

  it('normalises to NFC, trims, then checks the length', () => {
    expect(text.parse('  e\u0301  ')).toBe('\u00e9');
    expect(messagesOf(text, '   ')).toEqual(['不能为空']);
    expect(messagesOf(text, '123456')).toEqual(['最多 5 个字']);
  });

  it('keeps passwords as typed but still refuses what PostgreSQL cannot store', () => {
    expect(enteredPasswordSchema('请输入密码').parse(' e\u0301 ')).toBe(' e\u0301 ');
    expect(newPasswordSchema.parse(' Secret123 ')).toBe(' Secret123 ');
    expect(messagesOf(enteredPasswordSchema('请输入密码'), 'pw\u0000')).toEqual([nulCharacterMessage]);
    expect(messagesOf(newPasswordSchema, 'Secret123\uD800')).toContain(loneSurrogateMessage);
  });

  it('is what usernames and narratives are made of', () => {
    expect(usernameSchema.parse(' Chair01 ')).toBe('chair01');
    expect(usernameSchema.safeParse('chair01\u0000').success).toBe(false);
    expect(narrativeSchema.safeParse({ achievements: 'a\u0000', shortcomings: '', plans: '' }).success).toBe(false);
    // Paragraph indentation stays.
    expect(narrativeSchema.parse({ achievements: '　　全年开展活动。', shortcomings: '', plans: '' }).achievements).toBe('　　全年开展活动。');
  });
});

describe('idSchema and int4CountSchema', () => {
  it('accept 1 … 2147483647 and refuse anything PostgreSQL int4 cannot hold', () => {
    expect(idSchema.parse(1)).toBe(1);
    expect(idSchema.parse(INT4_MAX)).toBe(INT4_MAX);
    for (const bad of [0, -1, 1.5, INT4_MAX + 1, 1e15, Number.NaN, '1']) {
      expect(messagesOf(idSchema, bad)).toEqual(['编号无效（应为 1 至 2147483647 的整数）']);
    }
    expect(int4CountSchema.parse(0)).toBe(0);
    expect(messagesOf(int4CountSchema, INT4_MAX + 1)).toEqual(['数值过大']);
  });
});

describe('safeRecord', () => {
  it('refuses __proto__ and constructor keys at their path instead of dropping them', () => {
    const parsed = indicatorValuesSchema.safeParse(JSON.parse('{"__proto__": 5, "sick_visits": 1}'));
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([[['__proto__'], '“__proto__”不是有效的项目']]);
    expect(indicatorValuesSchema.safeParse({ constructor: 1 }).error?.issues[0]?.path).toEqual(['constructor']);
    expect(safeRecord(z.string(), z.number()).parse({ a: 1 })).toEqual({ a: 1 });
    expect(indicatorValuesSchema.safeParse([1]).success).toBe(false);
  });
});
