/**
 * Lenient reading of what a chair types into a number field: full-width digits
 * (１２３), full-width punctuation (．，), thousands separators (1,234 / 1，234),
 * spaces anywhere, a trailing unit sign (% ％ 元), a leading ＋. What is saved is
 * always a number or null; text that is not a number is reported, never guessed.
 */
export type ParsedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

const FULL_WIDTH_DIGIT = /[０-９]/g;

export function normaliseNumberText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，､、]/g, ',')
    .replace(/[－−—–]/g, '-')
    .replace(/＋/g, '+')
    .replace(/[\s\u3000]+/g, '');
}

export function parseLenientNumber(text: string | null | undefined): ParsedNumber {
  if (text === null || text === undefined) return { kind: 'empty' };
  let s = normaliseNumberText(text);
  if (s === '') return { kind: 'empty' };
  s = s.replace(/(%|％|元)$/u, '');
  if (s === '') return { kind: 'invalid' };
  s = s.replace(/^\+/, '');
  if (s.includes(',')) {
    // Only well-formed thousands groups: "1,234,567.5"; "1,5" is ambiguous and refused.
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return { kind: 'invalid' };
    s = s.replace(/,/g, '');
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { kind: 'invalid' };
  const value = Number(s);
  return Number.isFinite(value) ? { kind: 'number', value: Object.is(value, -0) ? 0 : value } : { kind: 'invalid' };
}

/** A stored number as the form shows it for editing: plain digits, no grouping. */
export function numberToText(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}
