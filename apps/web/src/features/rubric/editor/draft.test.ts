import { rubricV2Templates } from '@union/domain';
import { describe, expect, it } from 'vitest';
import { checkDraft, definitionPath, draftMaximum, errorKey, itemOfKind, newItem, toDefinition, toDraft } from './draft';

const kunshan = rubricV2Templates().find((t) => t.id === 'kunshan')!.rubric;

describe('v2 editor draft', () => {
  it('round-trips a rubric and sends items grouped by category', () => {
    const draft = toDraft(kunshan);
    expect(toDefinition(draft).value).toEqual(kunshan);
    // An item added to the first category is sent after that category's items, before the next category's.
    const added = newItem(draft, 'basics', 'manual', '新评分项');
    const sent = toDefinition({ ...draft, items: [...draft.items, added] });
    const basics = kunshan.items.filter((i) => i.category === 'basics').length;
    expect(sent.value.items[basics]!.id).toBe(added.id);
    expect(sent.itemKeys[basics]).toBe(added.key);
  });

  it('keeps the live maximum while a number is empty, and follows changes', () => {
    const draft = toDraft(kunshan);
    const leadership = draft.items.find((i) => i.id === 'leadership')!;
    const edited = { ...draft, items: draft.items.map((i) => (i.key === leadership.key ? { ...i, points: Number.NaN } : i)) };
    expect(draftMaximum(draft).base).toBe(100);
    expect(draftMaximum(edited).base).toBe(94);
    expect(draftMaximum(edited).categories[0]!.base).toBe(14);
  });

  it('puts the domain’s and the server’s errors beside their fields', () => {
    const draft = toDraft(kunshan);
    const sent = toDefinition(draft);
    expect(errorKey(definitionPath('definition.items.1.points'), sent)).toBe(`item:${sent.itemKeys[1]}:points`);
    expect(errorKey(['items', 3, 'rule', 'tiers', 0, 'points'], sent)).toBe(`item:${sent.itemKeys[3]}:rule.tiers.0.points`);
    expect(errorKey(['raters'], sent)).toBe('raters');
    expect(errorKey(['items'], sent)).toBe('total');
    const bad = { ...draft, items: draft.items.map((i, n) => (n === 1 ? { ...i, points: Number.NaN } : i)) };
    const { errors, value } = checkDraft(bad, '请填写数字');
    expect(value).toBeNull();
    expect(errors.byKey[`item:${draft.items[1]!.key}:points`]).toBe('请填写数字');
  });

  it('changes an item’s kind keeping its title, points and evidence', () => {
    const ledger = toDraft(kunshan).items.find((i) => i.id === 'ledger')!;
    const deduction = itemOfKind('deduction', ledger);
    expect(deduction).toMatchObject({ kind: 'deduction', key: ledger.key, titleZh: '台帐齐全归档', points: 5, basisZh: '各类台帐齐全，分类归档', verification: ['documents'], perOccurrence: 1, floor: 0 });
    expect(itemOfKind('veto', deduction)).toMatchObject({ kind: 'veto', effect: { kind: 'zero' }, verification: ['documents'] });
  });
});
