import { useId } from 'react';
import type { RouterOutputs } from '../../app/trpc';
import { useImportCopy } from './messages';
import { confidenceLevel, hasConflict, parseValueInput, type ItemState } from './review';

/** One suggested figure: tick to accept, edit the value, see its sentence, or exclude it. */
export function SuggestionItem({
  index,
  suggestion,
  item,
  text,
  name,
  current,
  active,
  showInvalid,
  format,
  unit,
  onChange,
  onShow,
}: {
  index: number;
  suggestion: RouterOutputs['narratives']['extract']['suggestions'][number];
  item: ItemState;
  text: string;
  name: string;
  current: number | null | undefined;
  active: boolean;
  showInvalid: boolean;
  format(value: number | null | undefined): string;
  unit: string;
  onChange(patch: Partial<ItemState>): void;
  onShow(): void;
}) {
  const { m } = useImportCopy();
  const id = useId();
  const value = parseValueInput(item.input);
  const invalid = value === null && item.accepted && !item.rejected;
  const conflict = hasConflict(current, value ?? suggestion.value);
  const level = confidenceLevel(suggestion.confidence);
  const { evidence } = suggestion;
  const sentenceStart = evidence.start;
  const sentence = text.slice(evidence.start, evidence.end);
  const figStart = Math.max(0, evidence.figure.start - sentenceStart);
  const figEnd = Math.max(figStart, evidence.figure.end - sentenceStart);
  const suggested = format(suggestion.value);
  return (
    <li
      className={`nimport__item${active ? ' nimport__item--active' : ''}${item.rejected ? ' nimport__item--rejected' : ''}${item.accepted && !item.rejected ? ' nimport__item--accepted' : ''}`}
      data-suggestion={index}
      tabIndex={-1}
    >
      <div className="nimport__item-row">
        <label className="nimport__check">
          <input
            type="checkbox"
            checked={item.accepted && !item.rejected}
            disabled={item.rejected}
            aria-label={m.accept(name, suggested)}
            onChange={(e) => onChange({ accepted: e.target.checked })}
          />
          <span aria-hidden="true">{m.acceptShort}</span>
        </label>
        <span className="nimport__value">
          <input
            type="text"
            inputMode="decimal"
            id={`${id}-value`}
            value={item.input}
            disabled={item.rejected}
            aria-label={m.valueLabel(name)}
            aria-invalid={invalid && showInvalid ? true : undefined}
            onChange={(e) => onChange({ input: e.target.value })}
          />
          <span className="nimport__unit">{unit}</span>
        </span>
        <span className="nimport__badges">
          {suggestion.approx ? (
            <span className="nimport__badge nimport__badge--approx" title={m.approxTitle}>
              {m.approx}
            </span>
          ) : null}
          {suggestion.isPlan ? <span className="nimport__badge nimport__badge--plan">{m.plan}</span> : null}
          <span className={`nimport__badge nimport__badge--${level}`}>{m.confidence[level]}</span>
        </span>
      </div>
      {invalid ? <p className="nimport__invalid">{m.invalidValue}</p> : null}
      {conflict ? (
        <p className="nimport__conflict">
          {m.conflict(format(current))}
          {item.accepted && !item.rejected ? null : <span className="nimport__hint"> {m.conflictHint}</span>}
        </p>
      ) : current !== null && current !== undefined ? (
        <p className="nimport__hint">{m.same}</p>
      ) : null}
      <blockquote className="nimport__quote">
        {sentence.slice(0, figStart)}
        <strong>{sentence.slice(figStart, figEnd)}</strong>
        {sentence.slice(figEnd)}
      </blockquote>
      <div className="nimport__item-actions">
        <button type="button" className="nimport__link" onClick={onShow}>
          {m.showSentence}
        </button>
        {item.rejected ? (
          <>
            <span className="nimport__rejected-label">{m.rejected}</span>
            <button type="button" className="nimport__link" onClick={() => onChange({ rejected: false })}>
              {m.undoReject}
            </button>
          </>
        ) : (
          <button type="button" className="nimport__link nimport__link--danger" aria-label={`${m.reject}：${name} ${suggested}`} onClick={() => onChange({ rejected: true, accepted: false })}>
            {m.reject}
          </button>
        )}
      </div>
    </li>
  );
}
