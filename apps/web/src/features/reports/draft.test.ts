import { defaultCatalogue } from '@union/domain';
import { describe, expect, it } from 'vitest';
import { buildSaveContent, contentToDraft, diffContents, draftDiffersFrom, draftFieldErrors, emptyContent, mergeContents, type ReportContent } from './draft';

const catalogue = defaultCatalogue;
const saved: ReportContent = {
  values: { staff_total: 100, union_members: 90, hardship_aid_amount: 1200.5 },
  narrative: { achievements: '做了很多工作', shortcomings: '', plans: '' },
  honours: [{ title: '模范职工之家', level: 'municipal', kind: 'collective', recipient: '' }],
  explanations: {},
  sources: {},
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

  it('holds back invalid fields at their saved values and saves their valid neighbours', () => {
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
    expect(heldBack.sort()).toEqual(['honours', 'values.union_groups', 'values.union_members']);
  });

  it('saves a valid value whose neighbour breaks a rule with it, and holds back only the one the rule names', () => {
    const draft = contentToDraft(saved);
    draft.values.proposals_collected = '10';
    draft.values.proposals_resolved = '12';
    const { content, heldBack } = buildSaveContent(draft, saved, catalogue);
    expect(content.values.proposals_collected).toBe(10);
    expect('proposals_resolved' in content.values).toBe(false);
    expect(heldBack).toEqual(['values.proposals_resolved']);
  });

  it('holds back the neighbour too when its new value conflicts with the held field’s saved value', () => {
    const before: ReportContent = { ...saved, values: { ...saved.values, proposals_collected: 10, proposals_resolved: 8 } };
    const draft = contentToDraft(before);
    draft.values.proposals_collected = '6';
    draft.values.proposals_resolved = '7';
    const { content, heldBack } = buildSaveContent(draft, before, catalogue);
    expect(content.values).toMatchObject({ proposals_collected: 10, proposals_resolved: 8 });
    expect(heldBack.sort()).toEqual(['values.proposals_collected', 'values.proposals_resolved']);
  });

  it('refuses an implausible value (per-staff bound) like any invalid one', () => {
    const draft = contentToDraft(saved);
    draft.values.health_checkup_participants = '150';
    draft.values.sick_visits = '12';
    const { content, heldBack } = buildSaveContent(draft, saved, catalogue);
    expect(heldBack).toEqual(['values.health_checkup_participants']);
    expect(content.values.sick_visits).toBe(12);
    expect(draftFieldErrors(draft, catalogue)['values.health_checkup_participants']).toBe('组织体检人数（150）不能大于教职工总数（100）');
  });
});

describe('sources of imported values', () => {
  const source = { value: 12, document: '总结.docx', excerpts: [{ sentence: '探望病患12人次。', figureStart: 4, figureEnd: 8 }] };

  it('sends a source only with the value it came with', () => {
    const draft = { ...contentToDraft(saved), sources: { sick_visits: source } };
    draft.values.sick_visits = '12';
    expect(buildSaveContent(draft, saved, catalogue).content.sources).toEqual({ sick_visits: source });
    draft.values.sick_visits = '13';
    expect(buildSaveContent(draft, saved, catalogue).content.sources).toEqual({});
  });

  it('counts a new or dropped source as a change to save', () => {
    const draft = contentToDraft({ ...saved, values: { ...saved.values, sick_visits: 12 } });
    const stored = { ...saved, values: { ...saved.values, sick_visits: 12 } };
    expect(draftDiffersFrom(draft, stored, catalogue)).toBe(false);
    expect(draftDiffersFrom({ ...draft, sources: { sick_visits: source } }, stored, catalogue)).toBe(true);
    expect(draftDiffersFrom(draft, { ...stored, sources: { sick_visits: { ...source, acceptedAt: '2026-12-01T00:00:00Z' } } }, catalogue)).toBe(true);
    // Who accepted it and when are the server's: they never make a difference.
    expect(draftDiffersFrom({ ...draft, sources: { sick_visits: source } }, { ...stored, sources: { sick_visits: { ...source, acceptedBy: '王主席', acceptedAt: '2026-12-01T00:00:00Z' } } }, catalogue)).toBe(false);
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
