import { describe, expect, it } from 'vitest';
import { backupKey, clearBackup, readBackup, writeBackup } from './backup';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

describe('local draft backup', () => {
  const draft = { values: { staff_total: '１２' }, narrative: { achievements: 'a', shortcomings: '', plans: '' }, honours: [], explanations: {} };

  it('is kept per school and year and survives a round trip', () => {
    const store = memoryStorage();
    writeBackup(3, 2026, { draft, baseVersion: 4, savedAt: 1000 }, store);
    expect(store.data.has(backupKey(3, 2026))).toBe(true);
    expect(readBackup(3, 2026, store)).toEqual({ draft, baseVersion: 4, savedAt: 1000 });
    expect(readBackup(3, 2025, store)).toBeNull();
    clearBackup(3, 2026, store);
    expect(readBackup(3, 2026, store)).toBeNull();
  });

  it('ignores broken or foreign content', () => {
    const store = memoryStorage();
    store.setItem(backupKey(1, 2026), '{not json');
    expect(readBackup(1, 2026, store)).toBeNull();
    store.setItem(backupKey(1, 2026), JSON.stringify({ draft: { values: 3 } }));
    expect(readBackup(1, 2026, store)).toBeNull();
  });

  it('never throws when storage is unavailable', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => writeBackup(1, 2026, { draft, baseVersion: 0, savedAt: 0 }, broken)).not.toThrow();
    expect(readBackup(1, 2026, broken)).toBeNull();
    expect(() => clearBackup(1, 2026, broken)).not.toThrow();
  });
});
