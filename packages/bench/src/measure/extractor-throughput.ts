import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoDistrict } from '@union/db/seed';
import { defaultCatalogue, extractSuggestions } from '@union/domain';

/**
 * The texts to run the extractor over: the labelled real summaries in
 * `corpusDir` when that folder exists (beside the repository on the team's
 * machines), else the demo district's generated 工会工作总结.
 */
function summaryTexts(corpusDir: string): { texts: string[]; source: string } {
  if (existsSync(corpusDir)) {
    const texts = readdirSync(corpusDir)
      .filter((f) => /^doc\d+\.txt$/.test(f))
      .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
    if (texts.length) return { texts, source: corpusDir };
  }
  // One document per school (its years' summaries together): a real 总结 runs to several KB, and
  // per-call setup would otherwise dominate the figure.
  const bySchool = new Map<string, string[]>();
  for (const r of generateDemoDistrict().reports) {
    bySchool.set(r.schoolCode, [...(bySchool.get(r.schoolCode) ?? []), r.narrative.achievements, r.narrative.shortcomings, r.narrative.plans]);
  }
  return { texts: [...bySchool.values()].map((parts) => parts.join('\n')), source: 'demo district summaries, one document per school' };
}

/** MB/s of the extractor on one core over the summaries, repeated for `seconds`. */
export function extractorThroughput(corpusDir: string, seconds = 5): { source: string; corpusBytes: number; rounds: number; mbPerSecond: number } {
  const { texts, source } = summaryTexts(corpusDir);
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  for (const t of texts) extractSuggestions(t, defaultCatalogue);
  const started = performance.now();
  let rounds = 0;
  while (performance.now() - started < seconds * 1000) {
    for (const t of texts) extractSuggestions(t, defaultCatalogue);
    rounds += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { source, corpusBytes: bytes, rounds, mbPerSecond: Math.round(((bytes * rounds) / elapsed / 1e6) * 100) / 100 };
}

export interface LongTextTiming {
  kind: 'summaries' | 'figure-dense';
  chars: number;
  ms: number;
  suggestions: number;
}

const DENSE_SENTENCE = '全年慰问生病住院教职工16人次，支出慰问金1.2万元，组织11个团队374位休养员疗休养，召开两次全校教职工大会及教职工代表大会，帮扶困难教职工5人次，发放帮扶金十万元。';

/**
 * One long paste (up to the 200,000-character limit): the summaries repeated,
 * and a text made only of figures. The extractor is linear, so ms should
 * grow with the length (it was quadratic: 200k characters took 3.8 s).
 */
export function extractorOnLongText(corpusDir: string, lengths: readonly number[] = [25_000, 100_000, 200_000]): LongTextTiming[] {
  const { texts } = summaryTexts(corpusDir);
  const summaries = texts.join('\n');
  const repeatTo = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
  extractSuggestions(repeatTo(summaries, 5000), defaultCatalogue);
  const timings: LongTextTiming[] = [];
  for (const [kind, unit] of [['summaries', `${summaries}\n`], ['figure-dense', `${DENSE_SENTENCE}\n`]] as const) {
    for (const chars of lengths) {
      const text = repeatTo(unit, chars);
      const started = performance.now();
      const { suggestions } = extractSuggestions(text, defaultCatalogue);
      timings.push({ kind, chars, ms: Math.round(performance.now() - started), suggestions: suggestions.length });
    }
  }
  return timings;
}
