import { describe, expect, it } from 'vitest';
import { describeAuditDetails } from './audit-details';

describe('audit details', () => {
  it('names the keys and the indicators, and shows changes as old → new instead of raw JSON', () => {
    const lines = describeAuditDetails({ year: 2026, source: 'excel_import', changes: [{ code: 'sick_visits', from: 204, to: null }] }, 'zh', '—');
    expect(lines).toEqual([
      { key: 'year', label: '年度', text: '2026' },
      { key: 'source', label: '来源', text: 'Excel 导入' },
      { key: 'changes', label: '修改', changes: [{ field: '探望慰问病患人次', from: '204', to: '—' }] },
    ]);
  });

  it('reads field paths, booleans and unknown keys in English too', () => {
    const lines = describeAuditDetails({ field: 'narrative.plans', passwordChanged: true, custom: 'x' }, 'en', '—');
    expect(lines.map((l) => [l.label, l.text])).toEqual([
      ['Field', 'Plans for next year'],
      ['Password changed', 'yes'],
      ['custom', 'x'],
    ]);
  });
});
