import type { Kysely } from 'kysely';
import type { Database } from '@union/db';

/**
 * Loads kept for a while, by key and per database handle (tests and tools
 * open several databases in one process). A failed load, or one `keep`
 * rejects, is forgotten so the next call loads again.
 */
export class TimedCache<T> {
  private readonly byDb = new WeakMap<Kysely<Database>, Map<string, { at: number; value: Promise<T> }>>();

  constructor(
    private readonly ttlMs: number,
    private readonly keep: (value: T) => boolean = () => true,
  ) {}

  get(db: Kysely<Database>, key: string, load: () => Promise<T>): Promise<T> {
    let entries = this.byDb.get(db);
    if (!entries) this.byDb.set(db, (entries = new Map()));
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    const kept = entries;
    kept.set(key, { at: Date.now(), value });
    value.then(
      (loaded) => {
        if (!this.keep(loaded)) kept.delete(key);
      },
      () => kept.delete(key),
    );
    return value;
  }
}
