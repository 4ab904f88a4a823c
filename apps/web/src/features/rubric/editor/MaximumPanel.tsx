import type { RubricV2Maximum } from '@union/domain';
import { formatPoints } from '../messages';
import { useEditorCopy } from './messages';

/** The live maximum: base points against 满分, and the highest score with bonuses (or 上不封顶). */
export function MaximumPanel({ maximum, totalPoints }: { maximum: RubricV2Maximum; totalPoints: number }) {
  const { e } = useEditorCopy();
  const total = Number.isFinite(totalPoints) ? totalPoints : 0;
  const ok = Math.abs(maximum.base - total) < 1e-9;
  return (
    <div className={`rubric-total editor-max${ok ? '' : ' rubric-total--wrong'}`} aria-live="polite" data-testid="rubric-maximum">
      <strong data-testid="max-base">{e.maxBase(formatPoints(maximum.base))}</strong>
      <span data-testid="max-bonus">{e.maxWithBonus(maximum.withBonus === null ? null : formatPoints(maximum.withBonus))}</span>
      {!ok ? <span className="rubric-total__why">{e.maxWrong(formatPoints(maximum.base), formatPoints(total))}</span> : null}
    </div>
  );
}
