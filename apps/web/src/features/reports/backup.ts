import type { FormDraft } from './draft';

/**
 * A copy of the unsaved form in localStorage, per school and year, written on
 * every edit and removed once the server has it: a crash, a closed tab or an
 * expired session never loses what was typed.
 */
export interface DraftBackup {
  draft: FormDraft;
  /** The server version the edits were based on. */
  baseVersion: number;
  savedAt: number;
}

export const backupKey = (schoolId: number, year: number) => `union.reportDraft.${schoolId}.${year}`;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const storage = (): StorageLike | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

export function writeBackup(schoolId: number, year: number, backup: DraftBackup, store: StorageLike | undefined = storage()): void {
  try {
    store?.setItem(backupKey(schoolId, year), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server copy and the page itself remain.
  }
}

export function readBackup(schoolId: number, year: number, store: StorageLike | undefined = storage()): DraftBackup | null {
  try {
    const text = store?.getItem(backupKey(schoolId, year));
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<DraftBackup>;
    const d = parsed.draft;
    if (!d || typeof d !== 'object' || typeof d.values !== 'object' || typeof d.narrative !== 'object' || !Array.isArray(d.honours)) return null;
    return { draft: { values: d.values, narrative: d.narrative, honours: d.honours, explanations: d.explanations ?? {} }, baseVersion: Number(parsed.baseVersion) || 0, savedAt: Number(parsed.savedAt) || 0 };
  } catch {
    return null;
  }
}

export function clearBackup(schoolId: number, year: number, store: StorageLike | undefined = storage()): void {
  try {
    store?.removeItem(backupKey(schoolId, year));
  } catch {
    // ignore
  }
}
