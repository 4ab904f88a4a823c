import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyZodMessages } from '../i18n/locale';
import { describeIssues } from './zod-messages';

describe('Chinese validation messages', () => {
  it('names the field in front of zod’s Chinese message', () => {
    applyZodMessages();
    const schema = z.object({ year: z.number().int(), honours: z.array(z.object({ title: z.string().min(1) })) });
    const result = schema.safeParse({ year: 'x', honours: [{ title: '' }] });
    expect(result.success).toBe(false);
    const labels: Record<string, string> = { year: '年度', 'honours.0.title': '第1项荣誉的名称' };
    const errors = describeIssues(result.error!.issues, (path) => labels[path.join('.')]);
    expect(errors.map((e) => e.path)).toEqual(['year', 'honours.0.title']);
    expect(errors[0]!.message.startsWith('年度：')).toBe(true);
    expect(errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(errors[1]!.message.startsWith('第1项荣誉的名称：')).toBe(true);
  });

  it('falls back to the dotted path when no label is known', () => {
    const result = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });
    const [error] = describeIssues(result.error!.issues);
    expect(error!.path).toBe('a.b');
    expect(error!.message.startsWith('a.b：')).toBe(true);
  });
});
