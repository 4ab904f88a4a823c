import { describe, expect, it } from 'vitest';
import { autosaveReducer, hasUnsavedChanges, initialAutosave, maySave, retryDelayMs, type AutosaveEvent, type AutosaveState } from './autosave';

const run = (events: AutosaveEvent[], from: AutosaveState = initialAutosave) => events.reduce(autosaveReducer, from);

describe('autosave state machine', () => {
  it('edit → saving → saved', () => {
    const s = run([{ type: 'edit' }, { type: 'edit' }]);
    expect(s.status).toBe('dirty');
    expect(maySave(s)).toBe(true);
    const saving = run([{ type: 'start', seq: 2 }], s);
    expect(saving.status).toBe('saving');
    expect(maySave(saving)).toBe(false);
    const done = run([{ type: 'success', seq: 2, at: 1000 }], saving);
    expect(done.status).toBe('saved');
    expect(done.lastSavedAt).toBe(1000);
    expect(hasUnsavedChanges(done)).toBe(false);
  });

  it('an edit during a save keeps the form dirty afterwards', () => {
    const s = run([{ type: 'edit' }, { type: 'start', seq: 1 }, { type: 'edit' }, { type: 'success', seq: 1, at: 5 }]);
    expect(s.status).toBe('dirty');
    expect(maySave(s)).toBe(true);
  });

  it('a failure retries with growing delays and keeps the edits', () => {
    const s = run([{ type: 'edit' }, { type: 'start', seq: 1 }, { type: 'failure', message: 'offline' }]);
    expect(s.status).toBe('retrying');
    expect(hasUnsavedChanges(s)).toBe(true);
    expect(maySave(s)).toBe(true);
    const again = run([{ type: 'start', seq: 1 }, { type: 'failure', message: 'offline' }], s);
    expect(again.failures).toBe(2);
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 30000]);
    expect(run([{ type: 'start', seq: 1 }, { type: 'success', seq: 1, at: 9 }], again).failures).toBe(0);
  });

  it('a conflict stops autosave until resolved', () => {
    const s = run([{ type: 'edit' }, { type: 'start', seq: 1 }, { type: 'conflict', message: 'stale' }, { type: 'edit' }]);
    expect(s.status).toBe('conflict');
    expect(maySave(s)).toBe(false);
    expect(run([{ type: 'start', seq: 2 }], s).status).toBe('conflict');
    const resolved = run([{ type: 'resolved' }], s);
    expect(resolved.status).toBe('dirty');
    expect(maySave(resolved)).toBe(true);
  });

  it('reset marks everything as saved', () => {
    const s = run([{ type: 'edit' }, { type: 'reset', at: 7 }]);
    expect(s.status).toBe('saved');
    expect(hasUnsavedChanges(s)).toBe(false);
  });
});
