import { narrativeSections, type Honour, type Narrative } from './report';

/**
 * After approval a report is locked. The district admin may unlock the whole
 * report or one field (`values.<code>`, `narrative.<section>`, `honours`)
 * with a reason; the chair edits only that and resubmits, and each such edit
 * is kept as a diff (old → new) beside the report.
 */
export const reportFieldPathPattern = /^(values\.[a-z][a-z0-9_]*|narrative\.(achievements|shortcomings|plans)|honours)$/;

export interface ReportContent {
  values: Record<string, number | null>;
  narrative: Narrative;
  honours: Honour[];
}

/** One changed field: numbers for indicators, text for narrative, a one-line list for honours. */
export interface FieldEdit {
  fieldPath: string;
  from: number | string | null;
  to: number | string | null;
}

const honoursText = (list: Honour[]): string => list.map((h) => (h.recipient ? `${h.title}（${h.recipient}）` : h.title)).join('；');

/** Every field of a report's content, by field path. */
function fieldsOf(content: ReportContent): Map<string, number | string | null> {
  const fields = new Map<string, number | string | null>();
  for (const [code, value] of Object.entries(content.values)) fields.set(`values.${code}`, value ?? null);
  for (const section of narrativeSections) fields.set(`narrative.${section}`, content.narrative[section]);
  fields.set('honours', honoursText(content.honours));
  return fields;
}

/** The fields that differ between two versions of a report, in field-path order. */
export function diffReportContent(before: ReportContent, after: ReportContent): FieldEdit[] {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.flatMap((fieldPath) => {
    const from = a.get(fieldPath) ?? null;
    const to = b.get(fieldPath) ?? null;
    return from === to ? [] : [{ fieldPath, from, to }];
  });
}

/**
 * With one field unlocked, the fields an edit may not change but did (empty
 * when the edit is allowed). `unlockedField` null means the whole report is open.
 */
export function lockedFieldsChanged(stored: ReportContent, incoming: ReportContent, unlockedField: string | null): string[] {
  if (unlockedField === null) return [];
  return diffReportContent(stored, incoming)
    .map((edit) => edit.fieldPath)
    .filter((path) => path !== unlockedField);
}
