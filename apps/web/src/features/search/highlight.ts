/** The sentence cut around the match [start, end), clipped to the sentence; null match when the range is empty or invalid. */
export function splitMatch(sentence: string, start: number, end: number): { before: string; match: string; after: string } {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return { before: sentence, match: '', after: '' };
  const s = Math.max(0, Math.min(sentence.length, Math.trunc(start)));
  const e = Math.max(s, Math.min(sentence.length, Math.trunc(end)));
  if (e <= s) return { before: sentence, match: '', after: '' };
  return { before: sentence.slice(0, s), match: sentence.slice(s, e), after: sentence.slice(e) };
}
