import { describe, expect, it } from 'vitest';
import { splitNarrativeSections } from './sections';

const filler = '工会坚持以教职工为本，积极开展各项活动，较好地完成了全年工作任务。'.repeat(3);

describe('splitNarrativeSections', () => {
  it('splits on numbered headings', () => {
    const text = `一、主要工作\n${filler}\n二、存在的不足\n活动覆盖面还不够广。\n三、下一步工作打算\n继续加强教工之家建设。`;
    const sections = splitNarrativeSections(text);
    expect(sections.achievements).toBe(`一、主要工作\n${filler}`);
    expect(sections.shortcomings).toBe('二、存在的不足\n活动覆盖面还不够广。');
    expect(sections.plans).toBe('三、下一步工作打算\n继续加强教工之家建设。');
    expect(sections.spans.map((s) => s.section)).toEqual(['achievements', 'shortcomings', 'plans']);
    expect(sections.spans[0]!.start).toBe(0);
    expect(sections.spans.at(-1)!.end).toBe(text.length);
  });

  it('recognises cue sentences without headings', () => {
    const text = `${filler}但工作中也存在一些不足：青年教师参与面不广。今后，我们将再接再厉，把工会建成教职工温馨的家。`;
    const sections = splitNarrativeSections(text);
    expect(sections.achievements).toBe(filler);
    expect(sections.shortcomings).toBe('但工作中也存在一些不足：青年教师参与面不广。');
    expect(sections.plans).toBe('今后，我们将再接再厉，把工会建成教职工温馨的家。');
  });

  it('does not open the plans part at a look-ahead sentence inside a report paragraph', () => {
    const text = `${filler}${filler}\n全年组织文体活动6次。明年工会将再组织2次登山。暑期组织疗休养1批。`;
    expect(splitNarrativeSections(text).plans).toBe('');
  });

  it('handles other common wordings: 问题与不足, 明年工作打算, 努力方向', () => {
    expect(splitNarrativeSections(`${filler}\n问题与不足\n宣传不够。\n明年工作打算\n办好女工沙龙。`).plans).toBe('明年工作打算\n办好女工沙龙。');
    expect(splitNarrativeSections(`${filler}\n（三）不足之处\n宣传不够。\n（四）努力方向\n办好女工沙龙。`).shortcomings).toBe('（三）不足之处\n宣传不够。');
  });

  it('keeps everything in achievements when there is no cue', () => {
    const sections = splitNarrativeSections(filler);
    expect(sections).toMatchObject({ achievements: filler, shortcomings: '', plans: '' });
    expect(sections.spans).toEqual([{ section: 'achievements', start: 0, end: filler.length }]);
  });

  it('does not switch on a passing mention early in the text', () => {
    const text = `今后我们要继续努力。各会员逐条对照提出存在问题并进行自评打分。${filler}${filler}`;
    expect(splitNarrativeSections(text).achievements).toBe(text);
  });

  it('returns texts from the original (traditional) characters', () => {
    const text = `${filler}\n四、存在的問題和不足\n工會活動形式單一。`;
    expect(splitNarrativeSections(text).shortcomings).toBe('四、存在的問題和不足\n工會活動形式單一。');
  });
});
