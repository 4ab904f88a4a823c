import { createHash } from 'node:crypto';
import type { Honour, IndicatorValues, Narrative } from '@union/domain';

// A printed code names one report's approved content: 12 Crockford base32
// characters (60 bits of SHA-256), far too many to guess another school's code,
// and read aloud or typed without I/L/O/U confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** What a paper copy certifies: which report, and its figures, narrative and honours. */
export interface CertifiedContent {
  reportId: number;
  schoolId: number;
  year: number;
  values: IndicatorValues;
  narrative: Narrative;
  honours: readonly Honour[];
}

/** One canonical text for the content: keys sorted, so the same content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(content: CertifiedContent): string {
  const { reportId, schoolId, year, values, narrative, honours } = content;
  const normalized = {
    reportId,
    schoolId,
    year,
    values,
    narrative,
    honours: honours.map((h) => ({ title: h.title, level: h.level, kind: h.kind, recipient: h.recipient ?? '' })),
  };
  return createHash('sha256').update(canonicalJson(normalized)).digest('hex');
}

/** The printed code: the hash's first 60 bits in base32. */
export function codeOfHash(hashHex: string): string {
  let bits = BigInt(`0x${hashHex.slice(0, 15)}`); // 15 hex digits = 60 bits
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = ALPHABET[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return code;
}

export const verificationCode = (content: CertifiedContent) => codeOfHash(contentHash(content));

/** 4-4-4 groups, as printed. */
export const formatCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

/**
 * A typed or scanned code back to its stored form, or null when it cannot be
 * one: spaces and dashes dropped, lower case and the look-alikes O/I/L read as 0/1.
 */
export function normalizeCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}
