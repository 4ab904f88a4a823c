// Text tables printed by eval:extract.
import { errorClassDescriptions, errorClasses, type ErrorClass } from './error-classes';
import type { ClassifiedError, CorpusResult } from './evaluate';
import { addScores, emptyScore, metrics, type Score } from './score';

const fmt = (n: number) => n.toFixed(3);
const pad = (s: string | number, n: number) => String(s).padStart(n);

function scoreColumns(score: Score): string {
  const m = metrics(score);
  return `${pad(score.tp, 5)}${pad(score.fp, 5)}${pad(score.fn, 5)}${pad(fmt(m.precision), 8)}${pad(fmt(m.recall), 8)}${pad(fmt(m.f1), 8)}`;
}

const scoreHeader = `${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}${pad('P', 8)}${pad('R', 8)}${pad('F1', 8)}`;
const row = (name: string, score: Score) => `${name.padEnd(9)}${scoreColumns(score)}`;

function clip(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The per-document table of one folder (the format README describes). */
export function corpusTable(result: CorpusResult): string[] {
  const header = `${'doc'.padEnd(9)}${scoreHeader}`;
  const lines = [
    `Extractor evaluation — corpus ${result.folder}`,
    `Catalogue: ${result.catalogueSize} indicators${result.ownCatalogue ? ' (catalogue.json)' : ' (default)'}`,
    '',
    'Actual figures (labels without "plan"; suggestions with isPlan excluded):',
    header,
    '-'.repeat(header.length),
  ];
  for (const d of result.documents) {
    const planned = d.plans.tp + d.plans.fp + d.plans.fn > 0 ? `   plans tp/fp/fn ${d.plans.tp}/${d.plans.fp}/${d.plans.fn}` : '';
    lines.push(row(d.doc, d.actual) + planned);
  }
  lines.push('-'.repeat(header.length), row('overall', result.actual), '', 'Plans (labels noted "plan" vs suggestions with isPlan):', header);
  lines.push(row('plans', result.plans), row('all', addScores(result.actual, result.plans)), '');
  return lines;
}

/** One line per folder and overall, actual figures and plans side by side. */
export function summaryTable(results: readonly CorpusResult[], names: readonly string[]): string[] {
  const width = Math.max(8, ...names.map((n) => n.length)) + 2;
  const lines = [
    'Summary — actual figures | plans',
    `${'folder'.padEnd(width)}${pad('docs', 5)}${scoreHeader}  |${scoreHeader}`,
  ];
  let actual = emptyScore();
  let plans = emptyScore();
  let docs = 0;
  results.forEach((r, i) => {
    lines.push(`${names[i]!.padEnd(width)}${pad(r.documents.length, 5)}${scoreColumns(r.actual)}  |${scoreColumns(r.plans)}`);
    actual = addScores(actual, r.actual);
    plans = addScores(plans, r.plans);
    docs += r.documents.length;
  });
  lines.push(`${'overall'.padEnd(width)}${pad(docs, 5)}${scoreColumns(actual)}  |${scoreColumns(plans)}`, '');
  lines.push('Possible (「可能相关」, unticked, not counted above): right / wrong');
  results.forEach((r, i) => lines.push(`${names[i]!.padEnd(width)}${pad(r.possible.right, 5)} / ${r.possible.wrong}`));
  lines.push('');
  return lines;
}

/** Precision of all suggestions (tiers ignored) by confidence band: where to put the confident threshold. */
export function calibrationTable(results: readonly CorpusResult[]): string[] {
  const points = results.flatMap((r) => r.calibration);
  const lines = ['Calibration — suggestions by confidence (tiers ignored):', `${'confidence'.padEnd(12)}${pad('right', 7)}${pad('wrong', 7)}${pad('P', 8)}${pad('P at ≥', 9)}`];
  const bands = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0];
  let upper = Infinity;
  for (const low of bands) {
    const band = points.filter((p) => p.confidence >= low && p.confidence < upper);
    const above = points.filter((p) => p.confidence >= low);
    const right = band.filter((p) => p.correct).length;
    const precisionAbove = above.length ? above.filter((p) => p.correct).length / above.length : 1;
    lines.push(`${`≥ ${low.toFixed(2)}`.padEnd(12)}${pad(right, 7)}${pad(band.length - right, 7)}${pad(band.length ? fmt(right / band.length) : '-', 8)}${pad(fmt(precisionAbove), 9)}`);
    upper = low;
  }
  lines.push('');
  return lines;
}

const count = (errors: readonly ClassifiedError[], errorClass: ErrorClass, kind: 'FP' | 'FN') =>
  errors.filter((e) => e.errorClass === errorClass && e.kind === kind).length;

/** False positives / false negatives by error class, per folder and in all (plans included). */
export function errorClassTable(results: readonly CorpusResult[], names: readonly string[]): string[] {
  const all = results.flatMap((r) => r.errors);
  const columns = [...results.map((r, i) => ({ name: names[i]!, errors: r.errors })), ...(results.length > 1 ? [{ name: 'all', errors: all }] : [])];
  const widths = columns.map((c) => Math.max(c.name.length, 9) + 2);
  const cell = (errors: readonly ClassifiedError[], errorClass: ErrorClass | null, width: number) => {
    const fp = errorClass ? count(errors, errorClass, 'FP') : errors.filter((e) => e.kind === 'FP').length;
    const fn = errorClass ? count(errors, errorClass, 'FN') : errors.filter((e) => e.kind === 'FN').length;
    return pad(`${fp} / ${fn}`, width);
  };
  const lines = ['Errors by class (FP / FN, plans included):', `${'class'.padEnd(12)}${columns.map((c, i) => pad(c.name, widths[i]!)).join('')}`];
  for (const errorClass of errorClasses) {
    if (!all.some((e) => e.errorClass === errorClass)) continue;
    lines.push(`${errorClass.padEnd(12)}${columns.map((c, i) => cell(c.errors, errorClass, widths[i]!)).join('')}`);
  }
  lines.push(`${'total'.padEnd(12)}${columns.map((c, i) => cell(c.errors, null, widths[i]!)).join('')}`, '');
  for (const errorClass of errorClasses) if (all.some((e) => e.errorClass === errorClass)) lines.push(`  ${errorClass.padEnd(12)}${errorClassDescriptions[errorClass]}`);
  lines.push('');
  return lines;
}

/** Every error with its evidence, grouped by class: for a developer at the terminal. */
export function errorDetails(results: readonly CorpusResult[], names: readonly string[]): string[] {
  const lines: string[] = [];
  for (const errorClass of errorClasses) {
    const inClass = results.flatMap((r, i) => r.errors.filter((e) => e.errorClass === errorClass).map((e) => ({ ...e, folder: names[i]! })));
    if (inClass.length === 0) continue;
    lines.push(`${errorClass} (${inClass.length}):`);
    for (const e of inClass) {
      const confidence = e.confidence === undefined ? '' : ` conf ${e.confidence}`;
      lines.push(`  ${e.kind} ${e.folder}/${e.doc} ${e.code}=${e.value}${e.plan ? ' (plan)' : ''}${confidence} — ${e.reason}  «${clip(e.snippet)}»`);
    }
  }
  return lines;
}
