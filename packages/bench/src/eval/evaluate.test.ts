import { defaultCatalogue } from '@union/domain';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from './evaluate';

describe('evaluateCorpus', () => {
  // Made-up: one figure the extractor is sure of, one it marks 'possible' (the reading borrows its cue).
  const text = '全年慰问生病住院教职工12人次。教师节前，工会走访了教职工，共18人次。';
  const result = evaluateCorpus({
    folder: 'made-up',
    catalogue: defaultCatalogue,
    ownCatalogue: false,
    documents: [{ name: 'doc01', text, labels: [{ code: 'sick_visits', value: 12 }, { code: 'holiday_visits', value: 18 }] }],
  });

  it('scores only confident suggestions and counts the possible ones apart', () => {
    expect(result.actual).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(result.possible).toEqual({ right: 1, wrong: 0 });
  });

  it('records every suggestion for calibration, tiers ignored', () => {
    expect(result.calibration.map((p) => p.correct)).toEqual([true, true]);
  });
});
