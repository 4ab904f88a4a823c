// Normalises a pasted summary for matching while remembering, for every
// character, where it came from: evidence offsets must point into the text the
// chair pasted (the UI highlights the chair's own words), not into ours.
//
// Steps: CRLF → LF, full-width digits → ASCII, traditional → simplified
// (opencc-js, the maintained JS port of OpenCC), scraping artefacts out
// (pinyin after a character `現(xiàn)`, `□`, stray backticks and dots), and
// lines broken in the middle of a sentence joined again.
import { Converter } from 'opencc-js/t2cn';

export interface NormalisedText {
  readonly original: string;
  readonly text: string;
  /** For each character of `text`: the original span [starts[i], ends[i]) it stands for. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** One rewriting pass: output characters with the span of the previous layer each comes from. */
class LayerBuilder {
  // Text in chunks and offsets in typed arrays: a pass over 200,000 characters
  // must not allocate an array entry per character.
  private readonly chunks: string[] = [];
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.from.length) return;
    const size = Math.max(this.from.length * 2, this.length + extra);
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    from.set(this.from.subarray(0, this.length));
    to.set(this.to.subarray(0, this.length));
    this.from = from;
    this.to = to;
  }

  /** Appends `text` (one entry per UTF-16 code unit, so indexes match string offsets), all from one span. */
  push(text: string, sourceStart: number, sourceEnd: number): void {
    this.reserve(text.length);
    for (let k = 0; k < text.length; k += 1) {
      this.from[this.length] = sourceStart;
      this.to[this.length] = sourceEnd;
      this.length += 1;
    }
    this.chunks.push(text);
  }

  /** Copies `text[from, to)` one-to-one, mapped to the previous layer from `sourceFrom` on. */
  copy(text: string, from: number, to: number, sourceFrom = from): void {
    if (to <= from) return;
    this.reserve(to - from);
    for (let i = from; i < to; i += 1) {
      this.from[this.length] = sourceFrom + i - from;
      this.to[this.length] = sourceFrom + i - from + 1;
      this.length += 1;
    }
    this.chunks.push(text.slice(from, to));
  }

  /** Composes this layer with the previous one. */
  build(previous: NormalisedText): NormalisedText {
    const starts = new Int32Array(this.length);
    const ends = new Int32Array(this.length);
    for (let i = 0; i < this.length; i += 1) {
      const s = this.from[i]!;
      const e = Math.max(s + 1, this.to[i]!);
      starts[i] = previous.starts[s] ?? previous.original.length;
      ends[i] = previous.ends[e - 1] ?? previous.original.length;
    }
    return { original: previous.original, text: this.chunks.join(''), starts, ends };
  }
}

function identity(original: string): NormalisedText {
  const starts = new Int32Array(original.length);
  const ends = new Int32Array(original.length);
  for (let i = 0; i < original.length; i += 1) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { original, text: original, starts, ends };
}

/**
 * Rewrites matches of `pattern` with `replace(match)`; everything else is
 * copied. A pass that changes nothing returns the layer as it is (most
 * summaries have no artefacts, so most passes cost one scan).
 */
function rewrite(layer: NormalisedText, pattern: RegExp, replace: (match: RegExpExecArray) => string): NormalisedText {
  const text = layer.text;
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const edits: { index: number; end: number; replacement: string }[] = [];
  for (let match = global.exec(text); match !== null; match = global.exec(text)) {
    if (match[0].length === 0) {
      global.lastIndex += 1;
      continue;
    }
    const replacement = replace(match);
    if (replacement !== match[0]) edits.push({ index: match.index, end: match.index + match[0].length, replacement });
  }
  if (edits.length === 0) return layer;

  const builder = new LayerBuilder();
  let last = 0;
  for (const { index, end, replacement } of edits) {
    builder.copy(text, last, index);
    if (replacement.length === end - index) {
      // Same length: keep a one-to-one mapping (better highlights).
      builder.copy(replacement, 0, replacement.length, index);
    } else if (replacement.length > 0) {
      builder.push(replacement, index, end);
    }
    last = end;
  }
  builder.copy(text, last, text.length);
  return builder.build(layer);
}

let toSimplified: ((text: string) => string) | undefined;

/** Traditional → simplified (OpenCC `t` → `cn`). */
export function traditionalToSimplified(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

function simplify(layer: NormalisedText): NormalisedText {
  const converted = traditionalToSimplified(layer.text);
  if (converted === layer.text) return layer;
  const builder = new LayerBuilder();
  if (converted.length === layer.text.length) {
    builder.copy(converted, 0, converted.length);
    return builder.build(layer);
  }
  // A phrase rule changed the length somewhere: convert line by line, and
  // character by character on the lines where the length changed.
  let offset = 0;
  for (const line of layer.text.split(/(?<=\n)/)) {
    const lineConverted = traditionalToSimplified(line);
    if (lineConverted.length === line.length) {
      builder.copy(lineConverted, 0, line.length, offset);
    } else {
      let i = 0;
      for (const c of line) {
        builder.push(traditionalToSimplified(c), offset + i, offset + i + c.length);
        i += c.length;
      }
    }
    offset += line.length;
  }
  return builder.build(layer);
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouüv][a-z]{0,3}|ng|n|m)$/;
const SENTENCE_END = /[。！？!?；;：:”」』）)]$/;
const LIST_START = /^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．)）]|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十]+[、，,是])/;

/** Joins a line broken in the middle of a sentence (scraped and copy-pasted texts). */
function joinBrokenLines(layer: NormalisedText): NormalisedText {
  return rewrite(layer, /\n[ \t\u3000]*(?:\n[ \t\u3000]*)*/g, (match) => {
    const text = layer.text;
    const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
    const previousLine = text.slice(lineStart, match.index).trim();
    const next = text.slice(match.index + match[0].length, match.index + match[0].length + 12);
    // A heading is short, or numbered and without a full stop inside.
    const headingLike = previousLine.length < 20 || (LIST_START.test(previousLine) && !/[。！？]/.test(previousLine) && previousLine.length < 40);
    // The first line is the title, however long (…学校工会2024年工作要点): never a broken sentence.
    const title = text.slice(0, lineStart).trim() === '';
    const broken =
      !title &&
      previousLine.length > 0 &&
      !SENTENCE_END.test(previousLine) &&
      (!headingLike || /[，,、]$/.test(previousLine)) &&
      new RegExp(`^[${CJK}]`).test(next) &&
      !LIST_START.test(next);
    return broken ? '' : match[0];
  });
}

/**
 * Normalises a summary for extraction. The result keeps, per character, the
 * span of `original` it came from; use `toOriginalSpan` to map offsets back.
 */
export function normaliseText(original: string): NormalisedText {
  let layer = identity(original);
  layer = rewrite(layer, /\r\n?/g, () => '\n');
  // Full-width digits and signs → ASCII; NBSP / full-width space → space.
  // A full-width space aligns table columns (会员费收入 + two U+3000 + 19,680) like two ASCII spaces do.
  layer = rewrite(layer, /[０-９．％\u00a0\u3000]/g, (m) => {
    const c = m[0];
    if (c === '．') return '.';
    if (c === '％') return '%';
    if (c === '\u00a0' || c === '\u3000') return ' ';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
  layer = simplify(layer);
  // Pinyin glosses after a character: 现(xiàn), 的(de).
  layer = rewrite(layer, new RegExp(`(?<=[${CJK}A-Za-z])[(（]([a-z${TONED}ü]{1,6})[)）]`, 'g'), (m) => {
    const syllable = m[1]!;
    const toned = new RegExp(`[${TONED}]`).test(syllable);
    return toned || PINYIN_SYLLABLE.test(syllable) ? '' : m[0];
  });
  // □ stands for a lost separator: after a list number it was 、, elsewhere a comma.
  layer = rewrite(layer, /□/g, (m) => {
    const before = layer.text.slice(Math.max(0, m.index - 4), m.index);
    return /(?:^|\n)\s*\d{1,2}$/.test(before) || /^\d{1,2}$/.test(before.trim()) ? '、' : '，';
  });
  // Stray backticks anywhere; stray dots and unpaired apostrophes between characters.
  layer = rewrite(layer, new RegExp(`\`|(?<=[${CJK}])[.'’](?=[${CJK}“])`, 'g'), (m) => {
    if (m[0] === '’') {
      const before = layer.text.slice(Math.max(0, m.index - 60), m.index);
      if (before.lastIndexOf('‘') > before.lastIndexOf('’')) return m[0];
    }
    return '';
  });
  layer = joinBrokenLines(layer);
  return layer;
}

/** Maps a span of the normalised text back to the original text. */
export function toOriginalSpan(normalised: NormalisedText, start: number, end: number): { start: number; end: number } {
  const length = normalised.text.length;
  const s = Math.min(Math.max(0, start), length);
  const e = Math.min(Math.max(s, end), length);
  if (length === 0) return { start: 0, end: 0 };
  const originalStart = s < length ? normalised.starts[s]! : normalised.original.length;
  const originalEnd = e > s ? normalised.ends[e - 1]! : originalStart;
  return { start: originalStart, end: Math.max(originalStart, originalEnd) };
}
