// Figures read together: a total and its parts, and a figure mentioned twice.
// Summaries write a total then its partition (活动6次，其中球类3次、棋类1次…),
// or the parts then the total (一等奖3人、二等奖4人，共7人获奖); only the
// total is this year's value. Runs are looked for inside one sentence and
// capped in length, so the pass is linear in the number of figures.

export interface GroupedFigure {
  value: number;
  money: boolean;
  sentenceIndex: number;
  /** Written with a total marker (共, 合计, 累计 …). */
  markedTotal: boolean;
  /** 剩余/其余: a remainder, which makes the run "Y of X", not a partition. */
  remainder: boolean;
  /** 结余/余额: a balance, never a part (收入 = 支出 + 结余 is a ledger, not a partition). */
  balance?: boolean;
}

const MAX_PARTS = 12;

function sameRun(a: GroupedFigure, b: GroupedFigure): boolean {
  return a.sentenceIndex === b.sentenceIndex && a.money === b.money;
}

/** Marks `figures[from..to]` (inclusive) as parts if they sum to `total` and none is a remainder. */
function markIfSum(figures: readonly GroupedFigure[], totalIndex: number, from: number, step: 1 | -1, parts: Map<number, number>): void {
  const total = figures[totalIndex]!;
  let sum = 0;
  const run: number[] = [];
  for (let j = from; j >= 0 && j < figures.length && run.length < MAX_PARTS; j += step) {
    const part = figures[j]!;
    if (!sameRun(part, total) || part.remainder || part.balance || part.value > total.value) return;
    sum += part.value;
    run.push(j);
    // Money may carry cents; counts are whole.
    if (Math.abs(sum - total.value) < 0.005) {
      if (run.length >= 2) for (const index of run) if (!parts.has(index)) parts.set(index, totalIndex);
      return;
    }
    if (sum > total.value) return;
  }
}

/**
 * Figures that are parts of an adjacent total in their sentence, mapped to the
 * total's index: a run right after any figure that sums to it, or a run right
 * before a figure marked as a total (共/合计) that sums to it.
 */
export function partsOfTotals(figures: readonly GroupedFigure[]): Map<number, number> {
  const parts = new Map<number, number>();
  for (let i = 0; i < figures.length; i += 1) {
    const figure = figures[i]!;
    if (figure.value <= 0 || figure.remainder) continue;
    markIfSum(figures, i, i + 1, 1, parts);
    if (figure.markedTotal) markIfSum(figures, i, i - 1, -1, parts);
  }
  return parts;
}
