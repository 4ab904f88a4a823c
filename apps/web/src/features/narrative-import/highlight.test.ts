import { describe, expect, it } from 'vitest';
import { segmentText, sentenceKey } from './highlight';

const r = (start: number, end: number, key = `${start}-${end}`) => ({ start, end, key });
const view = (text: string, runs: ReturnType<typeof segmentText>) =>
  runs.map((run) => `${text.slice(run.start, run.end)}[${run.sentences.join(',')}|${run.figures.join(',')}]`);

describe('segmentText', () => {
  const text = '甲乙丙。慰问12人次。体检86人。结尾';

  it('returns the whole text as one plain run without ranges, and nothing for empty text', () => {
    expect(segmentText(text.length, [])).toEqual([{ start: 0, end: text.length, sentences: [], figures: [] }]);
    expect(segmentText(0, [r(0, 3)])).toEqual([]);
  });

  it('marks a sentence and emphasises the figure inside it, covering the text without gaps', () => {
    const runs = segmentText(text.length, [r(4, 11, 's1')], [r(6, 10, 'f1')]);
    expect(view(text, runs)).toEqual(['甲乙丙。[|]', '慰问[s1|]', '12人次[s1|f1]', '。[s1|]', '体检86人。结尾[|]']);
    expect(runs[0]!.start).toBe(0);
    expect(runs.at(-1)!.end).toBe(text.length);
    runs.slice(1).forEach((run, i) => expect(run.start).toBe(runs[i]!.end));
  });

  it('keeps adjacent sentences as separate runs', () => {
    const runs = segmentText(text.length, [r(4, 11, 'a'), r(11, 17, 'b')]);
    expect(view(text, runs)).toEqual(['甲乙丙。[|]', '慰问12人次。[a|]', '体检86人。[b|]', '结尾[|]']);
  });

  it('merges identical ranges (two suggestions from one sentence) into one key', () => {
    const runs = segmentText(text.length, [r(4, 11, 'a'), r(4, 11, 'a')], [r(6, 8, '0'), r(6, 8, '1')]);
    expect(view(text, runs)).toEqual(['甲乙丙。[|]', '慰问[a|]', '12[a|0,1]', '人次。[a|]', '体检86人。结尾[|]']);
  });

  it('splits overlapping ranges into runs covered by each', () => {
    const runs = segmentText(10, [r(0, 6, 'a'), r(4, 10, 'b')]);
    expect(runs.map((x) => [x.start, x.end, x.sentences])).toEqual([
      [0, 4, ['a']],
      [4, 6, ['a', 'b']],
      [6, 10, ['b']],
    ]);
  });

  it('clips ranges outside the text and ignores empty ones', () => {
    const runs = segmentText(5, [r(-3, 2, 'a'), r(4, 40, 'b'), r(3, 3, 'empty')]);
    expect(runs.map((x) => [x.start, x.end, x.sentences])).toEqual([
      [0, 2, ['a']],
      [2, 4, []],
      [4, 5, ['b']],
    ]);
  });

  it('keys a sentence by its offsets', () => {
    expect(sentenceKey({ start: 4, end: 11 })).toBe('4-11');
  });
});
