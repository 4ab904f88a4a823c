import { useId } from 'react';
import type { RaterItemInput, RubricV2Item } from '@union/domain';
import { useInspectionCopy } from './messages';

/** A number field's text as the rater column's value: empty = not scored. */
const numberOf = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};

/** Drops empty fields, so an untouched item stays unscored. */
function tidy(value: RaterItemInput): RaterItemInput {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && v !== false)) as RaterItemInput;
}

/**
 * The inputs one rater gives one item, by its kind: points (manual), times
 * (deduction), the 不得分 condition, tiers or a count (bonus), the veto; and a
 * note when `withNote`. Phone-first: large number fields, 44 px tap targets.
 */
export function ScoreInputs({
  item,
  value,
  onChange,
  disabled,
  withNote,
}: {
  item: RubricV2Item;
  value: RaterItemInput | undefined;
  onChange: (next: RaterItemInput) => void;
  disabled: boolean;
  withNote: boolean;
}) {
  const c = useInspectionCopy();
  const id = useId();
  const v = value ?? {};
  const set = (patch: Partial<RaterItemInput>) => onChange(tidy({ ...v, ...patch }));
  const forfeitZh = item.kind === 'manual' || item.kind === 'deduction' ? item.forfeitZh : '';

  return (
    <div className="score-inputs">
      {item.kind === 'manual' ? (
        <div className="field score-inputs__number">
          <label htmlFor={`${id}-earned`}>
            {c.earned}（0–{item.points}）
          </label>
          <input
            id={`${id}-earned`}
            type="number"
            inputMode="decimal"
            min={0}
            max={item.points}
            step={0.5}
            disabled={disabled || v.forfeited === true}
            value={v.earned ?? ''}
            onChange={(e) => set({ earned: numberOf(e.target.value) })}
          />
        </div>
      ) : null}
      {item.kind === 'deduction' ? (
        <div className="field score-inputs__number">
          <label htmlFor={`${id}-times`}>{c.occurrences(item.occurrenceZh)}</label>
          <input
            id={`${id}-times`}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            disabled={disabled || v.forfeited === true}
            value={v.occurrences ?? ''}
            onChange={(e) => set({ occurrences: numberOf(e.target.value) })}
          />
        </div>
      ) : null}
      {item.kind === 'bonus' && item.rule.basis === 'count' ? (
        <div className="field score-inputs__number">
          <label htmlFor={`${id}-count`}>{c.count}</label>
          <input id={`${id}-count`} type="number" inputMode="numeric" min={0} step={1} disabled={disabled} value={v.count ?? ''} onChange={(e) => set({ count: numberOf(e.target.value) })} />
        </div>
      ) : null}
      {item.kind === 'bonus' && item.rule.basis === 'level'
        ? item.rule.tiers.map((tier, i) => (
            <div className="field score-inputs__number" key={tier.labelZh}>
              <label htmlFor={`${id}-tier${i}`}>
                <span data-user-content>{tier.labelZh}</span>
              </label>
              <input
                id={`${id}-tier${i}`}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                disabled={disabled}
                value={v.tierCounts?.[i] ?? ''}
                onChange={(e) => {
                  const counts = item.rule.tiers.map((_, j) => (j === i ? (numberOf(e.target.value) ?? 0) : (v.tierCounts?.[j] ?? 0)));
                  set({ tierCounts: counts.some((n) => n > 0) ? counts : undefined });
                }}
              />
            </div>
          ))
        : null}
      {forfeitZh ? (
        <label className="score-inputs__check">
          <input type="checkbox" disabled={disabled} checked={v.forfeited === true} onChange={(e) => set({ forfeited: e.target.checked || undefined })} />
          <span>
            {c.forfeited('')}
            <span data-user-content>{forfeitZh}</span>
          </span>
        </label>
      ) : null}
      {item.kind === 'veto' ? (
        <label className="score-inputs__check">
          <input type="checkbox" disabled={disabled} checked={v.triggered === true} onChange={(e) => set({ triggered: e.target.checked || undefined })} />
          <span>
            {c.triggered}{c.colon}<span data-user-content>{item.conditionZh}</span>
          </span>
        </label>
      ) : null}
      {withNote ? (
        <div className="field score-inputs__note">
          <label htmlFor={`${id}-note`}>{c.note}</label>
          <textarea id={`${id}-note`} rows={2} maxLength={200} disabled={disabled} placeholder={c.notePlaceholder} value={v.noteZh ?? ''} onChange={(e) => set({ noteZh: e.target.value || undefined })} />
        </div>
      ) : null}
    </div>
  );
}
