import type { Indicator } from '../catalogue/indicator';
import { indicatorValueSchema } from '../validation/indicator-value';
import type { FieldError } from '../validation/zod-messages';
import { plausibilityErrors } from './plausibility';
import { localize } from '../i18n/locale';
import type { IndicatorValues, Narrative } from './report';

/** Indicators a report cannot be submitted without: the headcounts every comparison divides by. */
export const requiredForSubmit: readonly string[] = ['staff_total', 'union_members'];

/**
 * Hard rules for a draft: each value's type and range, its plausibility
 * bounds and the catalogue's cross-field rules. Drafts may be incomplete; what is filled in must be valid.
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
  // Plausibility (per-staff ceilings, cross-field rules from the catalogue) only for values whose type and range passed.
  const failed = new Set(errors.map((e) => e.path.replace(/^values\./, '')));
  errors.push(...plausibilityErrors(values, catalogue, failed));
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
