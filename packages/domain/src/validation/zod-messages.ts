import type { z } from 'zod';
import { labelled } from '../i18n/locale';

export interface FieldError {
  /** Dotted path of the field, e.g. `values.staff_total` or `honours.2.title`. */
  path: string;
  /** Message for the user, already naming the field. */
  message: string;
}

/** Human names for input fields (in the current locale), by dotted path or by last path segment. */
export type FieldLabeler = (path: readonly PropertyKey[]) => string | undefined;

/**
 * Turns zod issues into messages that name the field, so a chair sees
 * "教职工总数：数值不能小于 0" (or "Total staff: …") rather than "Too small" at `values.staff_total`.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], labelOf: FieldLabeler = () => undefined): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const label = labelOf(issue.path) ?? (path || undefined);
    return { path, message: label ? labelled(label, issue.message) : issue.message };
  });
}
