import { defaultCatalogue } from '@union/domain';
import { describe, expect, it } from 'vitest';
import { buildSaveContent, contentToDraft, diffContents, draftDiffersFrom, draftFieldErrors, emptyContent, mergeContents, type ReportContent } from './draft';

const catalogue = defaultCatalogue;
const saved: ReportContent = {
  values: { staff_total: 100, union_members: 90, hardship_aid_amount: 1200.5 },
  narrative: { achievements: '做了很多工作', shortcomings: '', plans: '' },
  honours: [{ title: '模范职工之家', level: 'municipal', kind: 'collective', recipient: '' }],
  explanations: {},
};

describe('draft ↔ stored content', () => {
  it('round-trips and compares text as numbers', () => {
    const draft = contentToDraft(saved);
    expect(draft.values.staff_total).toBe('100');
    expect(draftDiffersFrom(draft, saved, catalogue)).toBe(false);
    expect(draftDiffersFrom({ ...draft, values: { ...draft.values, hardship_aid_amount: '1,200.50' } }, saved, catalogue)).toBe(false);
    expect(draftDiffersFrom({ ...draft, values: { ...draft.values, staff_total: '101' } }, saved, catalogue)).toBe(true);
    expect(draftDiffersFrom({ ...draft, honours: [] }, saved, catalogue)).toBe(true);
  });

  it('gives the domain messages per field, plus "must be a number" for text', () => {
    const draft = contentToDraft(saved);
    draft.values.union_members = '120';
    draft.values.union_groups = '三个';
    const errors = draftFieldErrors(draft, catalogue);
    expect(errors['values.union_members']).toMatch(/工会会员.*不能大于教职工总数/);
    expect(errors['values.union_groups']).toMatch(/必须是数字/);
  });
});

describe('buildSaveContent', () => {
  it('sends parsed numbers and null for cleared values', () => {
    const draft = contentToDraft(saved);
    draft.values.staff_total = '１２０';
    draft.values.hardship_aid_amount = '';
    const { content, heldBack } = buildSaveContent(draft, saved, catalogue);
    expect(content.values.staff_total).toBe(120);
    expect(content.values.hardship_aid_amount).toBeNull();
    expect(heldBack).toEqual([]);
  });

  it('holds back invalid fields (and the other side of a broken rule) at their saved values', () => {
    const draft = contentToDraft(saved);
    draft.values.union_members = '150';
    draft.values.union_groups = 'abc';
    draft.values.female_staff = '40';
    draft.honours.push({ key: 'x', title: ' ', level: 'school', kind: 'individual', recipient: '' });
    const { content, heldBack } = buildSaveContent(draft, saved, catalogue);
    expect(content.values.union_members).toBe(90);
    expect(content.values.staff_total).toBe(100);
    expect(content.values.female_staff).toBe(40);
    expect('union_groups' in content.values).toBe(false);
    expect(content.honours).toHaveLength(1);
    expect(heldBack.sort()).toEqual(['honours', 'values.staff_total', 'values.union_groups', 'values.union_members']);
  });
});

describe('diff and merge of two versions', () => {
  const theirs: ReportContent = {
    ...saved,
    values: { ...saved.values, staff_total: 110, union_groups: 5 },
    narrative: { ...saved.narrative, plans: '明年计划' },
  };
  const mine: ReportContent = {
    ...saved,
    values: { ...saved.values, union_members: 95 },
    narrative: { ...saved.narrative, achievements: '做了很多工作，新增两项' },
  };

  it('lists every differing field in form order', () => {
    const diff = diffContents(mine, theirs, catalogue);
    expect(diff.map((d) => d.path)).toEqual(['values.staff_total', 'values.union_members', 'values.union_groups', 'narrative.achievements', 'narrative.plans']);
    expect(diff[0]).toEqual({ path: 'values.staff_total', mine: '100', theirs: '110' });
    expect(diffContents(mine, mine, catalogue)).toEqual([]);
    expect(diffContents(emptyContent(), { ...emptyContent(), values: { staff_total: null } }, catalogue)).toEqual([]);
  });

  it('merges field by field on top of the server copy', () => {
    const merged = mergeContents(mine, theirs, { 'values.union_members': 'mine', 'narrative.achievements': 'mine', 'values.staff_total': 'theirs', 'values.union_groups': 'mine' });
    expect(merged.values).toEqual({ staff_total: 110, union_members: 95, hardship_aid_amount: 1200.5, union_groups: null });
    expect(merged.narrative).toEqual({ achievements: '做了很多工作，新增两项', shortcomings: '', plans: '明年计划' });
  });
});
