import {
  boundPartners,
  localize,
  narrativeSections,
  sameSource,
  sourcesForValues,
  validateReportValues,
  type Honour,
  type HonourKind,
  type HonourLevel,
  type Indicator,
  type IndicatorValues,
  type Narrative,
  type ValueSourceInput,
} from '@union/domain';
import { numberToText, parseLenientNumber } from './numberInput';

/** One honours row as edited (the key keeps React rows stable while adding and removing). */
export interface HonourRow {
  key: string;
  title: string;
  level: HonourLevel;
  kind: HonourKind;
  recipient: string;
}

/**
 * The chair's form as typed: values stay text (so "1,200" is kept as typed
 * until saved), everything else as the API has it.
 */
export interface FormDraft {
  values: Record<string, string>;
  narrative: Narrative;
  honours: HonourRow[];
  explanations: Record<string, string>;
  /** Where imported values came from; a field's source goes when the chair types in it. Absent in older local backups. */
  sources?: Record<string, DraftSource>;
}

/** An imported value's source; who accepted it and when are known once the server has it. */
export type DraftSource = ValueSourceInput & { acceptedBy?: string | null; acceptedAt?: string };

/** What the server stores (the `reports.save` payload without ids and version). */
export interface ReportContent {
  values: IndicatorValues;
  narrative: Narrative;
  honours: Honour[];
  explanations: Record<string, string>;
  sources: Record<string, DraftSource>;
}

export const emptyNarrative = (): Narrative => ({ achievements: '', shortcomings: '', plans: '' });
export const emptyContent = (): ReportContent => ({ values: {}, narrative: emptyNarrative(), honours: [], explanations: {}, sources: {} });

let rowCounter = 0;
export const newHonourKey = () => `h${Date.now().toString(36)}${(rowCounter++).toString(36)}`;

export function contentToDraft(content: ReportContent): FormDraft {
  const values: Record<string, string> = {};
  for (const [code, value] of Object.entries(content.values)) if (value !== null && value !== undefined) values[code] = numberToText(value);
  return {
    values,
    narrative: { ...emptyNarrative(), ...content.narrative },
    honours: content.honours.map((h) => ({ key: newHonourKey(), title: h.title, level: h.level, kind: h.kind, recipient: h.recipient ?? '' })),
    explanations: { ...content.explanations },
    sources: { ...content.sources },
  };
}

/** Every value as a number or null; `invalid` lists codes whose text is not a number. */
export function parseDraftValues(draft: FormDraft, catalogue: readonly Indicator[]): { values: IndicatorValues; invalid: string[] } {
  const values: IndicatorValues = {};
  const invalid: string[] = [];
  for (const indicator of catalogue) {
    const parsed = parseLenientNumber(draft.values[indicator.code]);
    if (parsed.kind === 'number') values[indicator.code] = parsed.value;
    else if (parsed.kind === 'invalid') invalid.push(indicator.code);
  }
  return { values, invalid };
}

/** Field messages for the form: unparsable text first, then the domain's own rules (the server's messages). */
export function draftFieldErrors(draft: FormDraft, catalogue: readonly Indicator[]): Record<string, string> {
  const { values, invalid } = parseDraftValues(draft, catalogue);
  const errors: Record<string, string> = {};
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  for (const code of invalid) {
    const indicator = byCode.get(code);
    errors[`values.${code}`] = localize({ zh: `${indicator?.nameZh ?? code}必须是数字`, en: `${indicator?.nameEn ?? code} must be a number` });
  }
  for (const e of validateReportValues(values, catalogue)) errors[e.path] ??= e.message;
  return errors;
}

const cleanHonour = (h: HonourRow): Honour => ({ title: h.title.trim(), level: h.level, kind: h.kind, recipient: h.recipient.trim() });

/**
 * What an autosave sends. A field whose text is not a valid value is held
 * back: the server's copy of it is sent instead (the typed text stays in the
 * form and in the local backup), so one bad cell never blocks saving the rest.
 * A rule between two fields (办结 ≤ 征集, headcount ≤ staff) holds back only
 * the field it names; its valid neighbour is saved, unless the neighbour's new
 * value conflicts with the held field's saved one — then both wait.
 * Honours without a title are held back the same way.
 */
export function buildSaveContent(
  draft: FormDraft,
  saved: ReportContent,
  catalogue: readonly Indicator[],
): { content: ReportContent; heldBack: string[] } {
  const { values, invalid } = parseDraftValues(draft, catalogue);
  const heldBack = new Set<string>(invalid.map((c) => `values.${c}`));
  const restore = (code: string) => {
    const old = saved.values[code];
    if (old === null || old === undefined) delete values[code];
    else values[code] = old;
  };
  for (const code of invalid) restore(code);
  const restored = new Set(invalid);
  for (let round = 0; round < 8; round++) {
    const errors = validateReportValues(values, catalogue);
    if (errors.length === 0) break;
    for (const e of errors) {
      const code = e.path.replace(/^values\./, '');
      if (!restored.has(code)) {
        heldBack.add(e.path);
        restore(code);
        restored.add(code);
        continue;
      }
      // Its saved value breaks the rule against a neighbour's new value: put the changed neighbours back too.
      for (const partner of boundPartners(code, catalogue)) {
        if (restored.has(partner) || valueOf(values[partner]) === valueOf(saved.values[partner])) continue;
        heldBack.add(`values.${partner}`);
        restore(partner);
        restored.add(partner);
      }
    }
  }
  if (validateReportValues(values, catalogue).length) {
    // Still inconsistent (the saved copy itself breaks a rule): send the saved values unchanged.
    for (const key of Object.keys(values)) delete values[key];
    Object.assign(values, saved.values);
  }
  // The server stores only filled values; send null for cleared ones so it knows.
  for (const code of Object.keys(saved.values)) if (!(code in values)) values[code] = null;
  const honours = draft.honours.filter((h) => h.title.trim().length > 0).map(cleanHonour);
  if (honours.length !== draft.honours.length) heldBack.add('honours');
  const explanations: Record<string, string> = {};
  for (const [code, text] of Object.entries(draft.explanations)) if (text.trim()) explanations[code] = text.trim().slice(0, 500);
  // A held-back field keeps its saved source (if the saved value still has one).
  const sources: Record<string, DraftSource> = {};
  for (const [code, source] of Object.entries({ ...draft.sources })) if (!heldBack.has(`values.${code}`)) sources[code] = source;
  for (const code of restored) if (saved.sources[code]) sources[code] = saved.sources[code];
  return { content: { values, narrative: { ...draft.narrative }, honours, explanations, sources: sourcesForValues(sources, values) }, heldBack: [...heldBack] };
}

/** The sources as `reports.save` takes them (who/when are the server's to set). */
export function sourcesForSave(sources: Readonly<Record<string, DraftSource>>): Record<string, ValueSourceInput> {
  return Object.fromEntries(Object.entries(sources).map(([code, s]) => [code, { value: s.value, document: s.document, excerpts: s.excerpts }]));
}

const valueOf = (v: number | null | undefined) => (v === undefined ? null : v);

/** Whether two stored contents are the same (a cleared value equals a missing one). */
export function sameContent(a: ReportContent, b: ReportContent): boolean {
  const codes = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
  for (const code of codes) if (valueOf(a.values[code]) !== valueOf(b.values[code])) return false;
  for (const s of narrativeSections) if ((a.narrative[s] ?? '') !== (b.narrative[s] ?? '')) return false;
  if (JSON.stringify(a.honours.map(normaliseHonour)) !== JSON.stringify(b.honours.map(normaliseHonour))) return false;
  const exp = new Set([...Object.keys(a.explanations), ...Object.keys(b.explanations)]);
  for (const code of exp) if ((a.explanations[code] ?? '').trim() !== (b.explanations[code] ?? '').trim()) return false;
  const sourced = new Set([...Object.keys(a.sources), ...Object.keys(b.sources)]);
  for (const code of sourced) {
    const x = a.sources[code];
    const y = b.sources[code];
    if (!x || !y || !sameSource(x, y)) return false;
  }
  return true;
}

const normaliseHonour = (h: Honour) => ({ title: h.title.trim(), level: h.level, kind: h.kind, recipient: (h.recipient ?? '').trim() });

/** Whether the form as typed differs from a stored copy (text compared as the numbers it means). */
export function draftDiffersFrom(draft: FormDraft, content: ReportContent, catalogue: readonly Indicator[]): boolean {
  const { values, invalid } = parseDraftValues(draft, catalogue);
  if (invalid.length) return true;
  if (draft.honours.some((h) => !h.title.trim())) return true;
  return !sameContent(
    { values, narrative: draft.narrative, honours: draft.honours.map(cleanHonour), explanations: draft.explanations, sources: sourcesForValues({ ...draft.sources }, values) },
    content,
  );
}

/** One field that differs between the chair's copy and the server's. */
export interface FieldDifference {
  /** `values.<code>`, `narrative.<section>`, `honours` or `explanations.<code>`. */
  path: string;
  mine: string;
  theirs: string;
}

const honoursText = (honours: readonly Honour[]) => honours.map((h) => [h.title, h.level, h.kind, h.recipient ?? ''].join('|')).join('\n');

/**
 * Field-by-field differences between the chair's unsaved copy and the copy
 * now on the server, in form order (catalogue, narrative, honours, explanations).
 */
export function diffContents(mine: ReportContent, theirs: ReportContent, catalogue: readonly Indicator[]): FieldDifference[] {
  const out: FieldDifference[] = [];
  const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  for (const indicator of catalogue) {
    const a = valueOf(mine.values[indicator.code]);
    const b = valueOf(theirs.values[indicator.code]);
    if (a !== b) out.push({ path: `values.${indicator.code}`, mine: text(a), theirs: text(b) });
  }
  for (const s of narrativeSections) {
    if ((mine.narrative[s] ?? '') !== (theirs.narrative[s] ?? '')) out.push({ path: `narrative.${s}`, mine: mine.narrative[s] ?? '', theirs: theirs.narrative[s] ?? '' });
  }
  const hm = honoursText(mine.honours.map(normaliseHonour));
  const ht = honoursText(theirs.honours.map(normaliseHonour));
  if (hm !== ht) out.push({ path: 'honours', mine: hm, theirs: ht });
  for (const indicator of catalogue) {
    const a = (mine.explanations[indicator.code] ?? '').trim();
    const b = (theirs.explanations[indicator.code] ?? '').trim();
    if (a !== b) out.push({ path: `explanations.${indicator.code}`, mine: a, theirs: b });
  }
  return out;
}

export type MergeChoice = 'mine' | 'theirs';

/** The server's copy with the chair's version of every field they chose to keep. */
export function mergeContents(mine: ReportContent, theirs: ReportContent, choices: Record<string, MergeChoice>): ReportContent {
  const merged: ReportContent = {
    values: { ...theirs.values },
    narrative: { ...theirs.narrative },
    honours: [...theirs.honours],
    explanations: { ...theirs.explanations },
    sources: { ...theirs.sources },
  };
  for (const [path, choice] of Object.entries(choices)) {
    if (choice !== 'mine') continue;
    const [kind, key] = path.split('.', 2) as [string, string | undefined];
    if (kind === 'values' && key) {
      const v = valueOf(mine.values[key]);
      merged.values[key] = v;
      if (mine.sources[key]) merged.sources[key] = mine.sources[key];
      else delete merged.sources[key];
    } else if (kind === 'narrative' && key) {
      merged.narrative[key as keyof Narrative] = mine.narrative[key as keyof Narrative];
    } else if (kind === 'honours') {
      merged.honours = [...mine.honours];
    } else if (kind === 'explanations' && key) {
      if (mine.explanations[key]) merged.explanations[key] = mine.explanations[key]!;
      else delete merged.explanations[key];
    }
  }
  return merged;
}

/** The content a `reports.get` answer holds (empty when the school has not started). */
export function contentOfReport(
  report: { values: IndicatorValues; narrative: Narrative; honours: Honour[]; explanations: Record<string, string>; sources?: Record<string, DraftSource> } | null,
): ReportContent {
  if (!report) return emptyContent();
  return {
    values: { ...report.values },
    narrative: { ...emptyNarrative(), ...report.narrative },
    honours: report.honours.map(normaliseHonour),
    explanations: { ...report.explanations },
    sources: { ...report.sources },
  };
}
