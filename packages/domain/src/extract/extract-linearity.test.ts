import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { extractSuggestions } from './extract-figures';
import type { ExtractionMeter } from './extract-figures';
import { RUN_ON_SENTENCE_CHARS, splitSentences } from './segment';

// The extractor must cost in proportion to the text: a chair may paste
// 200,000 characters, and it once filtered every figure once per figure
// (200k characters: 3.8 s). Work is counted, not timed, so these tests hold on
// a busy machine; timings are in `pnpm bench`.

const DENSE =
  '全年慰问生病住院教职工16人次，支出慰问金1.2万元，组织11个团队374位休养员疗休养，召开两次全校教职工大会及教职工代表大会，帮扶困难教职工5人次，发放帮扶金十万元。';
const PARAGRAPH = '一年来，校工会团结带领全校128名教职工，较好地完成了各项工作。全年共探望生病住院教职工14人次，支出慰问金4200元；春节前走访慰问困难教职工6户，发放帮扶金1.8万元。';

function work(text: string): ExtractionMeter & { suggestions: number } {
  const meter: ExtractionMeter = { regions: 0, charsSearched: 0 };
  const { suggestions } = extractSuggestions(text, defaultCatalogue, { meter });
  return { ...meter, suggestions: suggestions.length };
}

describe('extractSuggestions: work grows linearly with the text', () => {
  it.each([
    ['figure-dense paragraphs', (n: number) => `${DENSE}\n`.repeat(n)],
    ['one paragraph of many sentences', (n: number) => PARAGRAPH.repeat(n)],
    ['a run-on line of commas and figures', (n: number) => '组织教职工参加健康体检120人，'.repeat(n)],
    ['one clause of many figures', (n: number) => '慰问生病教职工16人次、'.repeat(n)],
  ])('%s', (_name, make) => {
    // Large enough that even the small text holds several run-on sentences.
    const small = work(make(300));
    const large = work(make(2400));
    expect(small.suggestions).toBeGreaterThan(0);
    // 8× the text: 8× the work, with room for edge effects (the first run-on sentences of
    // the small text are shorter); quadratic work would be ~64×.
    expect(large.regions / small.regions).toBeLessThan(12);
    expect(large.charsSearched / small.charsSearched).toBeLessThan(12);
  });

  it('finds each repeated paragraph\'s counts once per copy (an amount repeated word for word is one amount)', () => {
    const once = extractSuggestions(`${DENSE}\n`, defaultCatalogue).suggestions;
    const many = extractSuggestions(`${DENSE}\n`.repeat(300), defaultCatalogue).suggestions;
    const isMoney = (s: { unit: string }) => s.unit === '元';
    expect(many.filter((s) => !isMoney(s))).toHaveLength(300 * once.filter((s) => !isMoney(s)).length);
    expect(many.filter(isMoney)).toHaveLength(once.filter(isMoney).length);
  });

  it('cuts a run-on line into sentences at a clause mark, and leaves real sentences whole', () => {
    const runOn = '组织教职工参加健康体检120人，'.repeat(2000);
    const sentences = splitSentences(runOn);
    expect(sentences.length).toBeGreaterThan(40);
    for (const s of sentences) expect(s.end - s.start).toBeLessThanOrEqual(RUN_ON_SENTENCE_CHARS + 20);
    expect(sentences.map((s) => runOn.slice(s.start, s.end)).join('')).toBe(runOn);
    const noMarks = '工'.repeat(5000);
    for (const s of splitSentences(noMarks)) expect(s.end - s.start).toBeLessThanOrEqual(2 * RUN_ON_SENTENCE_CHARS);
    expect(splitSentences(PARAGRAPH).length).toBe(3);
  });
});
