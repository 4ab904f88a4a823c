// Numbers as union summaries write them: 16, 1,200, １２, 14.2万, 3千, 十万,
// 一千二百多, 一万二 (= 12000), 十四点二万, 百分之十五, 50%, 二〇一二 …
// Rules follow the Python cn2an project (abbreviated tails, 零, 点, 百分之),
// written here because the npm parsers get these real cases wrong.

export interface ParsedNumber {
  value: number;
  /** 多/余/来/几/约/近/左右/上下/以上 … : the value is the stated base. */
  approx: boolean;
  /** 百分之十五, 15%, 15％ */
  percent: boolean;
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 洞: 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3, 叄: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
// 洞 and 幺 only make sense in spoken digit strings; keep them out of running-text scanning.
const SCAN_EXCLUDED_DIGITS = new Set(['洞', '幺']);

const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const POINT = new Set(['点', '點', '.']);

/** Characters that may belong to a numeral written in Chinese or mixed script. */
export const CHINESE_NUMERAL_CHARS = Object.keys(DIGITS)
  .filter((c) => !SCAN_EXCLUDED_DIGITS.has(c))
  .concat(Object.keys(SMALL_UNITS), Object.keys(BIG_UNITS))
  .join('');

export const APPROX_PREFIXES = ['大约', '大概', '将近', '接近', '近', '约', '逾', '超过', '多达'] as const;
export const APPROX_SUFFIXES = ['左右', '上下', '以上', '多', '余', '来', '几', '许'] as const;

/** Full-width digits and signs → ASCII (same length). */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９．％，]/g, (c) => {
    if (c === '．') return '.';
    if (c === '％') return '%';
    if (c === '，') return c;
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

type Token = { kind: 'num'; value: number; chinese: boolean; zero: boolean } | { kind: 'unit'; value: number; big: boolean };

function tokenize(body: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    const arabic = /^\d+(?:,\d{3})*(?:\.\d+)?/.exec(body.slice(i));
    if (arabic) {
      tokens.push({ kind: 'num', value: Number(arabic[0].replace(/,/g, '')), chinese: false, zero: false });
      i += arabic[0].length;
      continue;
    }
    if (c in DIGITS) {
      tokens.push({ kind: 'num', value: DIGITS[c]!, chinese: true, zero: DIGITS[c] === 0 });
      i += 1;
      continue;
    }
    if (c in SMALL_UNITS) {
      tokens.push({ kind: 'unit', value: SMALL_UNITS[c]!, big: false });
      i += 1;
      continue;
    }
    if (c in BIG_UNITS) {
      tokens.push({ kind: 'unit', value: BIG_UNITS[c]!, big: true });
      i += 1;
      continue;
    }
    return null;
  }
  return tokens;
}

/** An integer (or Arabic decimal) numeral without 点: 一千二百, 一万二, 14.2万, 二〇一二, 3千. */
function evaluate(tokens: readonly Token[]): number | null {
  if (tokens.length === 0) return null;
  // Digit strings read positionally: 二〇一二 → 2012 (years, codes).
  if (tokens.every((t) => t.kind === 'num' && t.chinese)) {
    if (tokens.length === 1) return tokens[0]!.value;
    return Number(tokens.map((t) => t.value).join(''));
  }
  let total = 0; // parts already closed by 亿
  let wanPart = 0; // parts closed by 万 within the current 亿 section
  let section = 0; // below 万
  let current: Token | null = null;
  let lastUnit = 0;
  let zeroSinceUnit = false;
  let previous: Token | null = null;
  for (const token of tokens) {
    if (token.kind === 'num') {
      if (previous?.kind === 'num') {
        // Two digits in a row are only allowed as 零X (一千零五).
        if (!(previous.kind === 'num' && previous.zero)) return null;
      }
      if (!token.chinese && previous?.kind === 'unit' && previous.value < 1e4) return null;
      if (token.zero) zeroSinceUnit = true;
      else current = token;
    } else if (!token.big) {
      if (lastUnit !== 0 && lastUnit <= token.value && current === null) return null; // 十百
      const multiplier = current?.value ?? (previous === null || previous.kind === 'unit' ? 1 : 0);
      if (previous?.kind === 'num' && previous.zero && current === null) return null; // 零十
      if (lastUnit !== 0 && token.value >= lastUnit && section > 0) return null; // 一百一百
      section += multiplier * token.value;
      current = null;
      lastUnit = token.value;
      zeroSinceUnit = false;
    } else {
      const part = section + (current?.value ?? 0);
      if (token.value === 1e8) {
        total = (total + wanPart + (part === 0 && wanPart === 0 ? 1 : part)) * 1e8;
        wanPart = 0;
      } else {
        if (part === 0 && wanPart === 0 && total === 0 && previous === null) wanPart = 1e4;
        else if (previous?.kind === 'unit' && previous.big && previous.value === 1e4) return null; // 万万
        else wanPart += (part === 0 ? 1 : part) * 1e4;
      }
      section = 0;
      current = null;
      lastUnit = token.value;
      zeroSinceUnit = false;
    }
    previous = token;
  }
  let tail = current?.value ?? 0;
  // Abbreviated tail: 一万二 → 12000, 一千二 → 1200, 三百五 → 350 (not after 零, not for 十).
  if (current && current.chinese && lastUnit >= 100 && !zeroSinceUnit && previous === current) {
    tail = current.value * (lastUnit / 10);
  }
  return total + wanPart + section + tail;
}

function stripApprox(text: string): { body: string; approx: boolean } {
  let body = text.trim();
  let approx = false;
  let changed = true;
  while (changed) {
    changed = false;
    for (const prefix of APPROX_PREFIXES) {
      if (body.startsWith(prefix) && body.length > prefix.length) {
        body = body.slice(prefix.length);
        approx = changed = true;
      }
    }
    for (const suffix of APPROX_SUFFIXES) {
      if (body.endsWith(suffix) && body.length > suffix.length) {
        body = body.slice(0, -suffix.length);
        approx = changed = true;
      }
    }
  }
  return { body, approx };
}

function parseBody(raw: string): number | null {
  let body = raw;
  // 10多万 / 1万余 → approx markers between the number and a big unit.
  body = body.replace(/([\d一二两三四五六七八九十百千])[多余来几]([万萬亿億千百])/g, '$1$2');
  const pointAt = [...body].findIndex((c, i) => POINT.has(c) && !(c === '.' && /\d/.test(body[i - 1] ?? '') && /\d/.test(body[i + 1] ?? '')));
  if (pointAt >= 0) {
    // 十四点二万: integer part, fractional digits, then trailing multipliers.
    const intPart = body.slice(0, pointAt);
    const rest = body.slice(pointAt + 1);
    const fracMatch = new RegExp(`^[${Object.keys(DIGITS).join('')}\\d]+`).exec(rest);
    if (!fracMatch) return null;
    const fracDigits = [...fracMatch[0]].map((c) => (/\d/.test(c) ? c : String(DIGITS[c]))).join('');
    const integer = intPart === '' ? 0 : parseBody(intPart);
    if (integer === null || !Number.isInteger(integer)) return null;
    let value = Number(`${integer}.${fracDigits}`);
    for (const unit of rest.slice(fracMatch[0].length)) {
      const multiplier = BIG_UNITS[unit] ?? SMALL_UNITS[unit];
      if (multiplier === undefined) return null;
      value *= multiplier;
    }
    return round(value);
  }
  const tokens = tokenize(body);
  if (!tokens) return null;
  const value = evaluate(tokens);
  return value === null ? null : round(value);
}

/** Avoids 14.2 × 10000 = 141999.99999999997. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Parses one numeral as written in a summary, e.g. `一千二百多` → 1200 (approx),
 * `14.2万` → 142000, `百分之十五` → 15 (percent). Returns null when the text is
 * not a single well-formed numeral.
 */
export function parseChineseNumber(input: string): ParsedNumber | null {
  let text = toHalfWidthDigits(input).replace(/\s+/g, '');
  let percent = false;
  const outer = stripApprox(text);
  text = outer.body;
  let approx = outer.approx;
  if (text.startsWith('百分之')) {
    percent = true;
    text = text.slice(3);
  } else if (/[%％]$/.test(text)) {
    percent = true;
    text = text.slice(0, -1);
  }
  const inner = stripApprox(text);
  text = inner.body;
  approx ||= inner.approx;
  if (text === '') return null;
  if (/[\d一二两三四五六七八九十百千][多余来几][万萬亿億千百]/.test(text)) approx = true;
  const value = parseBody(text);
  if (value === null || !Number.isFinite(value)) return null;
  return { value, approx, percent };
}

export interface NumeralMatch extends ParsedNumber {
  /** Offsets into the scanned text: the numeral itself, approx words included. */
  start: number;
  end: number;
  raw: string;
}

const NUMERAL_RUN = new RegExp(
  `(?:百分之)?(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}])(?:[\\d${CHINESE_NUMERAL_CHARS}]|,\\d{3}|[.点](?=[\\d${CHINESE_NUMERAL_CHARS}])|[多余来](?=[万千亿]))*`,
  'g',
);

/**
 * Finds numerals in running text. Only the numeral is returned (with its
 * approximation words); whether it counts anything is for the caller to decide
 * from the unit after it. Runs that do not parse (十一五 …) are skipped.
 */
export function findNumerals(text: string): NumeralMatch[] {
  const half = toHalfWidthDigits(text);
  const found: NumeralMatch[] = [];
  for (const match of half.matchAll(NUMERAL_RUN)) {
    let start = match.index;
    let raw = match[0];
    // A formal digit that ends a word (队伍4支, 陆续3次) is not part of the number.
    const arabicAt = raw.search(/\d/);
    if (arabicAt > 0 && /^[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+$/.test(raw.slice(0, arabicAt))) {
      start += arabicAt;
      raw = raw.slice(arabicAt);
    }
    // A single formal digit is a word (陆续, 队伍, 参加): formal numerals come in runs (壹仟贰佰).
    if (/^[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]$/.test(raw)) continue;
    // A lone unit character (万, 千, 百, 十 without a digit in front) is a word, not a number: 万达, 千方百计.
    if (!/[\d零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾]/.test(raw)) continue;
    if (/^[百佰千仟万萬亿億]/.test(raw) && !raw.startsWith('百分之')) continue;
    let end = start + raw.length;
    // Placeholders: 20xx年, 20xxxx位 — the digits are not a value.
    if (/^[xX×ｘ]/.test(half.slice(end, end + 1))) continue;
    if (/[xXｘ]$/.test(half.slice(Math.max(0, start - 1), start))) continue;
    let approx = false;
    for (const prefix of APPROX_PREFIXES) {
      if (half.slice(start - prefix.length, start) === prefix) {
        start -= prefix.length;
        approx = true;
        break;
      }
    }
    const suffix = /^(?:多|余|来)/.exec(half.slice(end));
    if (suffix) {
      end += suffix[0].length;
      approx = true;
      // 10多万元: the big unit comes after the approx word.
      const big = /^[万千亿]/.exec(half.slice(end));
      if (big) {
        raw = raw + suffix[0] + big[0];
        end += big[0].length;
      }
    }
    let percent = false;
    if (half[end] === '%') {
      end += 1;
      percent = true;
    }
    const parsed = parseChineseNumber(raw + (percent ? '%' : ''));
    if (!parsed) continue;
    found.push({ start, end, raw: text.slice(start, end), value: parsed.value, approx: approx || parsed.approx, percent: parsed.percent });
  }
  return found;
}
