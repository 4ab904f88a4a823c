import type { Indicator } from '../catalogue/indicator';
import { indicatorValueSchema } from '../validation/indicator-value';
import type { FieldError } from '../validation/zod-messages';
import { localize } from '../i18n/locale';
import type { IndicatorValues, Narrative } from './report';

/**
 * Cross-field rules as data (DHIS2-style: left side, operator, right side),
 * so they can be listed, tested and later edited without code paths.
 * A rule applies only when both sides are filled in.
 */
export interface CrossFieldRule {
  left: string;
  operator: '<=';
  right: string;
}

export const crossFieldRules: readonly CrossFieldRule[] = [
  { left: 'union_members', operator: '<=', right: 'staff_total' },
  { left: 'female_staff', operator: '<=', right: 'staff_total' },
  { left: 'proposals_resolved', operator: '<=', right: 'proposals_collected' },
  { left: 'outstanding_proposals', operator: '<=', right: 'proposals_collected' },
  { left: 'outstanding_delegates', operator: '<=', right: 'congress_delegates' },
  { left: 'congress_delegates', operator: '<=', right: 'staff_total' },
  { left: 'female_checkup_participants', operator: '<=', right: 'female_staff' },
  { left: 'retiree_checkup_participants', operator: '<=', right: 'retired_staff' },
];

/** Indicators a report cannot be submitted without: the headcounts every comparison divides by. */
export const requiredForSubmit: readonly string[] = ['staff_total', 'union_members'];

/**
 * Hard rules for a draft: each value's type and range, and the cross-field
 * rules. Drafts may be incomplete; what is filled in must be valid.
 * Paths are `values.<code>` so the form can show each message beside its field.
 */
export function validateReportValues(values: IndicatorValues, catalogue: readonly Indicator[]): FieldError[] {
  const errors: FieldError[] = [];
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  for (const [code, value] of Object.entries(values)) {
    const indicator = byCode.get(code);
    if (!indicator) {
      errors.push(unknownIndicatorError('values', code));
      continue;
    }
    const result = indicatorValueSchema(indicator).safeParse(value);
    if (!result.success) errors.push({ path: `values.${code}`, message: result.error.issues[0]?.message ?? localize({ zh: `${indicator.nameZh}无效`, en: `${indicator.nameEn} is not valid` }) });
  }
  for (const rule of crossFieldRules) {
    const left = values[rule.left];
    const right = values[rule.right];
    const leftIndicator = byCode.get(rule.left);
    const rightIndicator = byCode.get(rule.right);
    if (left == null || right == null || !leftIndicator || !rightIndicator) continue;
    if (errors.some((e) => e.path === `values.${rule.left}` || e.path === `values.${rule.right}`)) continue;
    if (!(left <= right)) {
      errors.push({
        path: `values.${rule.left}`,
        message: localize({
          zh: `${leftIndicator.nameZh}（${left}）不能大于${rightIndicator.nameZh}（${right}）`,
          en: `${leftIndicator.nameEn} (${left}) cannot be more than ${rightIndicator.nameEn} (${right})`,
        }),
      });
    }
  }
  return errors;
}

/** An indicator code that is not in the year's catalogue, named at its path (`values.<code>`, `explanations.<code>`). */
export function unknownIndicatorError(field: string, code: string): FieldError {
  return { path: `${field}.${code}`, message: localize({ zh: `未知指标：${code}`, en: `Unknown indicator: ${code}` }) };
}

/** Explanations may only be given for indicators of the year's catalogue. */
export function validateExplanations(explanations: Readonly<Record<string, string>>, catalogue: readonly Indicator[]): FieldError[] {
  const known = new Set(catalogue.map((i) => i.code));
  return Object.keys(explanations).filter((code) => !known.has(code)).map((code) => unknownIndicatorError('explanations', code));
}

/** Everything a draft must pass, plus what only a submission needs. */
export function validateForSubmit(values: IndicatorValues, narrative: Narrative, catalogue: readonly Indicator[]): FieldError[] {
  const errors = validateReportValues(values, catalogue);
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  for (const code of requiredForSubmit) {
    if (values[code] == null && byCode.has(code)) {
      errors.push({ path: `values.${code}`, message: localize({ zh: `提交前请填写${byCode.get(code)!.nameZh}`, en: `Fill in ${byCode.get(code)!.nameEn} before submitting` }) });
    }
  }
  if (narrative.achievements.trim().length === 0) {
    errors.push({ path: 'narrative.achievements', message: localize({ zh: '提交前请填写“主要工作与成绩”', en: 'Fill in “Main work and achievements” before submitting' }) });
  }
  return errors;
}
