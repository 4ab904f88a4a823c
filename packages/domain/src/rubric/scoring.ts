import { unitLabelsEn, type Indicator } from '../catalogue/indicator';
import { localize, type Localized } from '../i18n/locale';
import { honourLevelLabels, type Honour, type IndicatorValues, type Narrative } from '../report/report';
import { honourLevelRank, starsFor, type Rubric, type RubricItem } from './rubric';

export interface ScoringInput {
  values: IndicatorValues;
  honours: readonly Honour[];
  narrative: Narrative;
  /** Headcount for per-100-staff rates: the report's staff_total, else the school's. */
  staffCount: number | null;
}

export interface ItemScore {
  itemId: string;
  points: number;
  earned: number;
  /** How far along the item is, 0–1. */
  progress: number;
  /** The measured quantity (value, rate, share, count) or null when it cannot be measured. */
  measured: number | null;
}

export interface ReportScore {
  total: number;
  stars: number;
  items: ItemScore[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function countMentions(narrative: Narrative, keywords: readonly string[]): number {
  const text = `${narrative.achievements}\n${narrative.shortcomings}`;
  let count = 0;
  for (const keyword of keywords) count += text.split(keyword).length - 1;
  return count;
}

/** The measured quantity of an item; null when the data it needs is missing. */
export function measureItem(item: Pick<RubricItem, 'method'>, input: ScoringInput): number | null {
  const m = item.method;
  switch (m.kind) {
    case 'reach_target':
    case 'linear_to_target':
      return input.values[m.indicator] ?? null;
    case 'rate_per_100_staff': {
      const value = input.values[m.indicator];
      if (value == null || !input.staffCount) return null;
      return (value / input.staffCount) * 100;
    }
    case 'ratio_to_target': {
      const num = input.values[m.numerator];
      const den = input.values[m.denominator];
      if (num == null || den == null || den === 0) return null;
      return num / den;
    }
    case 'honours':
      return input.honours.filter((h) => honourLevelRank[h.level] >= honourLevelRank[m.minLevel]).length;
    case 'narrative_evidence':
      return countMentions(input.narrative, m.keywords);
  }
}

export function scoreItem(item: Pick<RubricItem, 'id' | 'points' | 'method'>, input: ScoringInput): ItemScore {
  const measured = measureItem(item, input);
  let progress = 0;
  if (measured !== null) {
    const target = item.method.target;
    progress = item.method.kind === 'reach_target' ? (measured >= target ? 1 : 0) : Math.min(1, Math.max(0, measured / target));
  }
  return { itemId: item.id, points: item.points, earned: round2(item.points * progress), progress, measured };
}

/** The automatic score of one report against a rubric. */
export function scoreReport(rubric: Rubric, input: ScoringInput): ReportScore {
  const items = rubric.items.map((item) => scoreItem(item, input));
  const total = round2(items.reduce((s, i) => s + i.earned, 0));
  return { total, stars: starsFor(rubric, total), items };
}

export interface Gap {
  itemId: string;
  /** The rubric item's title: the district's own data, in Chinese. */
  titleZh: string;
  lost: number;
  /** What it would take to earn the lost points, in the chair's words (Chinese, for documents). */
  adviceZh: string;
  /** The same advice in the caller's locale. */
  advice: string;
  /** For narrative evidence: the rubric's keywords (data), which the English advice refers to. */
  keywords?: string[];
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * 查漏补缺: the items where a school lost points, largest loss first, each with
 * what it would take to earn them ("教代会召开次数再增加 2 次可得 +3 分").
 */
export function findGaps(rubric: Rubric, input: ScoringInput, catalogue: readonly Indicator[]): Gap[] {
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const zh = (code: string) => byCode.get(code)?.nameZh ?? code;
  const en = (code: string) => byCode.get(code)?.nameEn ?? code;
  const unitZh = (code: string) => byCode.get(code)?.unit ?? '';
  const unitEn = (code: string) => unitLabelsEn[unitZh(code)] ?? unitZh(code);
  const gaps: Gap[] = [];
  for (const item of rubric.items) {
    const score = scoreItem(item, input);
    const lost = round2(item.points - score.earned);
    if (lost <= 0) continue;
    const m = item.method;
    const gainZh = `可得 +${fmt(lost)} 分`;
    const gainEn = ` would earn +${fmt(lost)} points`;
    let advice: Localized;
    if (score.measured === null) {
      if (m.kind === 'honours' || m.kind === 'narrative_evidence') advice = { zh: `补充相关材料${gainZh}`, en: `Adding the supporting material${gainEn}` };
      else {
        const [namesZh, namesEn] = m.kind === 'ratio_to_target' ? [`${zh(m.numerator)}和${zh(m.denominator)}`, `${en(m.numerator)} and ${en(m.denominator)}`] : [zh(m.indicator), en(m.indicator)];
        advice = { zh: `尚未填报${namesZh}，如实填报并达到目标${gainZh}`, en: `${namesEn} not filled in yet: reporting it and reaching the target${gainEn}` };
      }
    } else {
      switch (m.kind) {
        case 'reach_target':
        case 'linear_to_target': {
          const more = fmt(Math.ceil(Math.max(0, m.target - score.measured) * 100) / 100);
          advice = { zh: `${zh(m.indicator)}再增加 ${more} ${unitZh(m.indicator)}${gainZh}`, en: `${more} more ${unitEn(m.indicator)} of ${en(m.indicator)}${gainEn}` };
          break;
        }
        case 'rate_per_100_staff': {
          const needed = Math.ceil((m.target * (input.staffCount ?? 0)) / 100 - (input.values[m.indicator] ?? 0));
          advice = {
            zh: `${zh(m.indicator)}再增加 ${needed} ${unitZh(m.indicator)}（每百名教职工达到 ${fmt(m.target)}）${gainZh}`,
            en: `${needed} more ${unitEn(m.indicator)} of ${en(m.indicator)} (${fmt(m.target)} per 100 staff)${gainEn}`,
          };
          break;
        }
        case 'ratio_to_target': {
          const den = input.values[m.denominator] ?? 0;
          const needed = Math.ceil(m.target * den - (input.values[m.numerator] ?? 0));
          advice = {
            zh: `${zh(m.numerator)}再增加 ${needed} ${unitZh(m.numerator)}（达到${zh(m.denominator)}的 ${fmt(m.target * 100)}%）${gainZh}`,
            en: `${needed} more ${unitEn(m.numerator)} of ${en(m.numerator)} (${fmt(m.target * 100)}% of ${en(m.denominator)})${gainEn}`,
          };
          break;
        }
        case 'honours': {
          const n = Math.ceil(m.target - score.measured);
          advice = { zh: `再获得 ${n} 项${honourLevelLabels[m.minLevel].zh}及以上荣誉${gainZh}`, en: `${n} more honours at ${honourLevelLabels[m.minLevel].en.toLowerCase()} level or above${gainEn}` };
          break;
        }
        case 'narrative_evidence': {
          const n = Math.ceil(m.target - score.measured);
          advice = {
            zh: `在总结中补充“${m.keywords.join('”“')}”方面的工作 ${n} 处${gainZh}`,
            en: `Describing work on the keywords below ${n} more times in the summary${gainEn}`,
          };
          break;
        }
      }
    }
    gaps.push({
      itemId: item.id,
      titleZh: item.titleZh,
      lost,
      adviceZh: advice.zh,
      advice: localize(advice),
      ...(m.kind === 'narrative_evidence' ? { keywords: [...m.keywords] } : {}),
    });
  }
  return gaps.sort((a, b) => b.lost - a.lost);
}
