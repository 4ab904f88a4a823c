// Precision / recall / F1 of the narrative extractor on labelled corpora, and its errors by class.
//   pnpm eval:extract [--details] [--calibrate] [corpus-folder …]
// Precision and recall count the 'confident' suggestions (the ones pre-filled); --calibrate
// prints precision by confidence band over all suggestions, to place the threshold.
// Each folder holds docNN.txt, labels.json ({"docNN": [{code, value, evidence, note?}]})
// and optionally catalogue.json (code, name, unit, type …); without a folder it reads
// ../shared/corpus next to the repository. Not part of the test suite.
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from './eval/corpus';
import { evaluateCorpus, type CorpusResult } from './eval/evaluate';
import { calibrationTable, corpusTable, errorClassTable, errorDetails, summaryTable } from './eval/report';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// `pnpm eval:extract -- dir` passes a literal "--"; a relative folder is relative to where pnpm was started.
const args = process.argv.slice(2).filter((a) => a !== '--');
const details = args.includes('--details');
const calibrate = args.includes('--calibrate');
const unknownFlags = args.filter((a) => a.startsWith('--') && a !== '--details' && a !== '--calibrate');
const folderArguments = args.filter((a) => !a.startsWith('--'));
const folders = folderArguments.length > 0 ? folderArguments.map((f) => resolve(process.env.INIT_CWD ?? process.cwd(), f)) : [join(repoRoot, '..', 'shared', 'corpus')];

/** Short folder names for the tables: the last path part, or the whole path when two share it. */
function displayNames(paths: readonly string[]): string[] {
  const short = paths.map((p) => basename(p));
  return short.map((name, i) => (short.indexOf(name) === short.lastIndexOf(name) ? name : paths[i]!));
}

function main(): void {
  if (unknownFlags.length > 0) {
    console.error(`unknown option ${unknownFlags.join(' ')} (usage: pnpm eval:extract [--details] [--calibrate] [folder …])`);
    process.exit(2);
  }
  const results: CorpusResult[] = [];
  for (const folder of folders) {
    const corpus = loadCorpus(folder);
    if (!corpus) {
      console.error(`no labels.json in ${folder}`);
      process.exit(2);
    }
    results.push(evaluateCorpus(corpus));
  }
  const names = displayNames(folders);
  const lines = results.flatMap(corpusTable);
  lines.push(...summaryTable(results, names), ...errorClassTable(results, names));
  if (calibrate) lines.push(...calibrationTable(results));
  if (details) lines.push(...errorDetails(results, names));
  else lines.push('(--details lists every false positive and false negative with its evidence)');
  console.log(lines.join('\n'));
}

main();
