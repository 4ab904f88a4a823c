import { describe, expect, it } from 'vitest';
import { splitMatch } from './highlight';

describe('splitMatch', () => {
  it('cuts the sentence around the match', () => {
    expect(splitMatch('开展送温暖活动。', 2, 5)).toEqual({ before: '开展', match: '送温暖', after: '活动。' });
    expect(splitMatch('送温暖', 0, 3)).toEqual({ before: '', match: '送温暖', after: '' });
  });

  it('clips a match that runs past the sentence and ignores an empty or invalid one', () => {
    expect(splitMatch('开展送温暖', 2, 99)).toEqual({ before: '开展', match: '送温暖', after: '' });
    expect(splitMatch('开展', -1, 0)).toEqual({ before: '开展', match: '', after: '' });
    expect(splitMatch('开展', Number.NaN, 1)).toEqual({ before: '开展', match: '', after: '' });
  });
});
