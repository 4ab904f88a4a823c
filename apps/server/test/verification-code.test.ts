import { describe, expect, it } from 'vitest';
import { codeOfHash, contentHash, formatCode, normalizeCode, verificationCode, type CertifiedContent } from '../src/documents/verification-code';

const base: CertifiedContent = {
  reportId: 7,
  schoolId: 3,
  year: 2025,
  values: { sick_visits: 12, hardship_aid_amount: 3500.5 },
  narrative: { achievements: '开展送温暖活动。', shortcomings: '', plans: '明年继续。' },
  honours: [{ title: '市模范职工之家', level: 'municipal', kind: 'collective', recipient: '' }],
};

describe('verification code', () => {
  it('is 12 characters of Crockford base32 and the same for the same content, whatever the key order', () => {
    const code = verificationCode(base);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const reordered: CertifiedContent = { ...base, values: { hardship_aid_amount: 3500.5, sick_visits: 12 }, narrative: { plans: '明年继续。', shortcomings: '', achievements: '开展送温暖活动。' } };
    expect(verificationCode(reordered)).toBe(code);
    expect(verificationCode(structuredClone(base))).toBe(code);
  });

  it('changes with any change of figures, narrative, honours or which report it is', () => {
    const code = verificationCode(base);
    const variants: CertifiedContent[] = [
      { ...base, values: { ...base.values, sick_visits: 13 } },
      { ...base, values: { ...base.values, hardship_aid_amount: 3500.51 } },
      { ...base, values: { sick_visits: 12 } },
      { ...base, narrative: { ...base.narrative, achievements: '开展送温暖活动' } },
      { ...base, honours: [] },
      { ...base, honours: [{ ...base.honours[0]!, level: 'provincial' }] },
      { ...base, honours: [{ ...base.honours[0]!, recipient: '张老师' }] },
      { ...base, reportId: 8 },
      { ...base, schoolId: 4 },
      { ...base, year: 2026 },
    ];
    const codes = variants.map(verificationCode);
    for (const other of codes) expect(other).not.toBe(code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('takes the first 60 bits of the hash', () => {
    expect(codeOfHash('0'.repeat(64))).toBe('000000000000');
    expect(codeOfHash('f'.repeat(64))).toBe('ZZZZZZZZZZZZ');
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads typed codes back: groups, spaces, lower case and look-alikes; refuses anything else', () => {
    const code = verificationCode(base);
    expect(normalizeCode(formatCode(code))).toBe(code);
    expect(normalizeCode(` ${formatCode(code).toLowerCase()} `)).toBe(code);
    expect(normalizeCode('OIL0-0000-0000')).toBe('011000000000');
    expect(formatCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
    for (const bad of ['', 'ABC', 'ABCDEFGHJKMNP', 'ABCD-EFGH-JKMU', '测试测试测试测试测试测试']) expect(normalizeCode(bad)).toBeNull();
  });
});
