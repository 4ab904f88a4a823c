// Precision / recall / F1 of the narrative extractor on a labelled corpus.
//   pnpm eval:extract [corpus-folder]
// The folder holds docNN.txt, labels.json ({"docNN": [{code, value, evidence, note?}]})
// and optionally catalogue.json (code, name, unit, type …); it defaults to
// ../shared/corpus next to the repository. Not part of the test suite.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCatalogue, extractSuggestions, type Indicator, type Suggestion } from '@union/domain';

interface Label {
  code: string;
  value: number;
  evidence?: string;
  note?: string;
}

interface CorpusIndicator {
  code: string;
  name?: string;
  name_en?: string;
  unit: string;
  type: string;
  category?: string;
  description?: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// `pnpm eval:extract -- dir` passes a literal "--"; a relative folder is relative to where pnpm was started.
const folderArgument = process.argv.slice(2).find((a) => a !== '--');
const folder = folderArgument ? resolve(process.env.INIT_CWD ?? process.cwd(), folderArgument) : join(repoRoot, '..', 'shared', 'corpus');

function loadCatalogue(): readonly Indicator[] {
  const path = join(folder, 'catalogue.json');
  if (!existsSync(path)) return defaultCatalogue;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as CorpusIndicator[];
  const known = new Map(defaultCatalogue.map((i) => [i.code, i]));
  return raw.map((item) => {
    const base = known.get(item.code);
    const valueType = (['integer', 'money', 'decimal', 'percent'].includes(item.type) ? item.type : 'integer') as Indicator['valueType'];
    return {
      code: item.code,
      category: base?.category ?? 'basics',
      nameZh: item.name ?? base?.nameZh ?? item.code,
      nameEn: item.name_en ?? base?.nameEn ?? item.code,
      unit: item.unit,
      valueType,
      descriptionZh: item.description ?? base?.descriptionZh ?? '',
    };
  });
}

const isPlanLabel = (label: Label) => /^plan\b/.test(label.note ?? '');
const sameValue = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

/** One-to-one matching of suggestions to labels on (code, value). */
function match(suggestions: readonly Suggestion[], labels: readonly Label[]) {
  const unused = [...labels];
  const falsePositives: Suggestion[] = [];
  let tp = 0;
  for (const suggestion of suggestions) {
    const at = unused.findIndex((l) => l.code === suggestion.indicatorCode && sameValue(l.value, suggestion.value));
    if (at >= 0) {
      tp += 1;
      unused.splice(at, 1);
    } else falsePositives.push(suggestion);
  }
  return { score: { tp, fp: falsePositives.length, fn: unused.length }, falsePositives, falseNegatives: unused };
}

function metrics({ tp, fp, fn }: Score) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const add = (a: Score, b: Score): Score => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const fmt = (n: number) => n.toFixed(3);
const pad = (s: string | number, n: number) => String(s).padStart(n);

function row(name: string, score: Score): string {
  const m = metrics(score);
  return `${name.padEnd(9)}${pad(score.tp, 5)}${pad(score.fp, 5)}${pad(score.fn, 5)}${pad(fmt(m.precision), 8)}${pad(fmt(m.recall), 8)}${pad(fmt(m.f1), 8)}`;
}

function clip(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function main(): void {
  if (!existsSync(join(folder, 'labels.json'))) {
    console.error(`no labels.json in ${folder}`);
    process.exit(2);
  }
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Record<string, Label[]>;
  const catalogue = loadCatalogue();
  const docs = readdirSync(folder)
    .filter((f) => /^doc\d+\.txt$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));

  let actualTotal: Score = { tp: 0, fp: 0, fn: 0 };
  let planTotal: Score = { tp: 0, fp: 0, fn: 0 };
  const diagnosis: string[] = [];
  const header = `${'doc'.padEnd(9)}${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}${pad('P', 8)}${pad('R', 8)}${pad('F1', 8)}`;
  const lines: string[] = [];
  for (const file of docs) {
    const doc = file.replace(/\.txt$/, '');
    const text = readFileSync(join(folder, file), 'utf8');
    const docLabels = labels[doc] ?? [];
    const { suggestions } = extractSuggestions(text, catalogue);
    const actual = match(
      suggestions.filter((s) => !s.isPlan),
      docLabels.filter((l) => !isPlanLabel(l)),
    );
    const plans = match(
      suggestions.filter((s) => s.isPlan),
      docLabels.filter(isPlanLabel),
    );
    actualTotal = add(actualTotal, actual.score);
    planTotal = add(planTotal, plans.score);
    lines.push(row(doc, actual.score) + (plans.score.tp + plans.score.fp + plans.score.fn > 0 ? `   plans tp/fp/fn ${plans.score.tp}/${plans.score.fp}/${plans.score.fn}` : ''));
    for (const s of [...actual.falsePositives, ...plans.falsePositives]) {
      diagnosis.push(`  FP ${doc} ${s.indicatorCode}=${s.value}${s.isPlan ? ' (plan)' : ''} conf ${s.confidence}  «${clip(text.slice(s.evidence.figure.start - 25, s.evidence.figure.end + 10))}»`);
    }
    for (const l of [...actual.falseNegatives, ...plans.falseNegatives]) {
      diagnosis.push(`  FN ${doc} ${l.code}=${l.value}${isPlanLabel(l) ? ' (plan)' : ''}  «${clip(l.evidence ?? '')}»`);
    }
  }

  console.log(`Extractor evaluation — corpus ${folder}`);
  console.log(`Catalogue: ${catalogue.length} indicators${existsSync(join(folder, 'catalogue.json')) ? ' (catalogue.json)' : ' (default)'}\n`);
  console.log('Actual figures (labels without "plan"; suggestions with isPlan excluded):');
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const line of lines) console.log(line);
  console.log('-'.repeat(header.length));
  console.log(row('overall', actualTotal));
  console.log('\nPlans (labels noted "plan" vs suggestions with isPlan):');
  console.log(header);
  console.log(row('plans', planTotal));
  console.log(row('all', add(actualTotal, planTotal)));
  console.log(`\nFalse positives / false negatives (${diagnosis.length}):`);
  for (const line of diagnosis) console.log(line);
}

main();
