import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogue, extractSuggestions } from '@union/domain';

/** MB/s of the extractor on one core over the corpus texts, repeated for `seconds`. */
export function extractorThroughput(corpusDir: string, seconds = 5): { corpusBytes: number; rounds: number; mbPerSecond: number } {
  const texts = readdirSync(corpusDir)
    .filter((f) => /^doc\d+\.txt$/.test(f))
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  for (const t of texts) extractSuggestions(t, defaultCatalogue);
  const started = performance.now();
  let rounds = 0;
  while (performance.now() - started < seconds * 1000) {
    for (const t of texts) extractSuggestions(t, defaultCatalogue);
    rounds += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { corpusBytes: bytes, rounds, mbPerSecond: Math.round(((bytes * rounds) / elapsed / 1e6) * 100) / 100 };
}
