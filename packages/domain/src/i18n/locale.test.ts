import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { outlierWarning } from '../report/outliers';
import { validateForSubmit, validateReportValues } from '../report/validation-rules';
import { defaultRubric } from '../rubric/default-rubric';
import { findGaps } from '../rubric/scoring';
import { describeIssues } from '../validation/zod-messages';
import { safeText } from '../validation/safe-input';
import { applyZodMessages, parseLocale, setLocaleSource, type Locale } from './locale';

const HAN = /[\u4e00-\u9fff]/;
let locale: Locale = 'zh-CN';
setLocaleSource(() => locale);
applyZodMessages();
afterEach(() => {
  locale = 'zh-CN';
});

describe('messages follow the installed locale', () => {
  it('reads a locale header leniently, Chinese by default', () => {
    expect(parseLocale('en')).toBe('en');
    expect(parseLocale('en-GB')).toBe('en');
    expect(parseLocale('zh-CN')).toBe('zh-CN');
    expect(parseLocale(undefined)).toBe('zh-CN');
    expect(parseLocale('fr')).toBe('zh-CN');
  });

  it('field, cross-field and submit errors are English in English and Chinese by default', () => {
    const values = { staff_total: -1, union_members: 30, female_staff: 1.5, proposals_collected: 3, proposals_resolved: 5 };
    const narrative = { achievements: '', shortcomings: '', plans: '' };
    const zh = validateForSubmit(values, narrative, defaultCatalogue);
    expect(zh.every((e) => HAN.test(e.message))).toBe(true);
    locale = 'en';
    const en = validateForSubmit(values, narrative, defaultCatalogue);
    expect(en.map((e) => e.path)).toEqual(zh.map((e) => e.path));
    for (const e of en) expect(e.message).not.toMatch(HAN);
    expect(en.find((e) => e.path === 'values.staff_total')!.message).toBe('Total staff cannot be negative');
    expect(validateReportValues({ proposals_collected: 3, proposals_resolved: 5 }, defaultCatalogue)[0]!.message).toBe(
      'Proposals resolved (5) cannot be more than Proposals collected (3)',
    );
  });

  it('zod’s own messages and safeText’s follow the locale', () => {
    const schema = z.object({ n: z.number().positive(), name: safeText({ min: 1 }) });
    locale = 'en';
    const issues = schema.safeParse({ n: 0, name: '' }).error!.issues;
    const [n, name] = describeIssues(issues, (p) => ({ n: 'School', name: 'Name' })[String(p[0])]);
    expect(n!.message).toMatch(/^School: Too small/);
    expect(name!.message).toBe('Name: cannot be empty');
    locale = 'zh-CN';
    expect(describeIssues(schema.safeParse({ n: 0, name: '' }).error!.issues)[0]!.message).toMatch(HAN);
  });

  it('outlier warnings and 查漏补缺 advice come in the locale, Chinese kept for documents', () => {
    const sick = defaultCatalogue.find((i) => i.code === 'sick_visits')!;
    locale = 'en';
    const warning = outlierWarning(sick, 90, { ownHistory: [10, 11, 12, 10], peerValuesPer100Staff: [], staffCount: 80 })!;
    expect(warning.message).not.toMatch(HAN);
    expect(warning.message).toContain('Sickness/childbirth visits (90 person-times)');
    expect(warning.messageZh).toMatch(HAN);
    const gaps = findGaps(defaultRubric, { values: { staff_total: 50 }, honours: [], narrative: { achievements: '', shortcomings: '', plans: '' }, staffCount: 50 }, defaultCatalogue);
    expect(gaps.length).toBeGreaterThan(3);
    for (const gap of gaps) {
      expect(gap.advice).not.toMatch(HAN);
      expect(gap.adviceZh).toMatch(HAN);
    }
    expect(gaps.some((g) => g.keywords?.length)).toBe(true);
  });

  it('every default indicator has English help', () => {
    for (const indicator of defaultCatalogue) expect(indicator.descriptionEn, indicator.code).toMatch(/^[^\u4e00-\u9fff]{10,}$/);
  });
});
