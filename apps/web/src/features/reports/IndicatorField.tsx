import type { Indicator, OutlierWarning } from '@union/domain';
import { memo } from 'react';
import { indicatorTexts } from '../../i18n';
import { formatIndicatorValue } from '../../ui/format';
import { SourceNote, type ShownSource } from '../../ui/SourceNote';
import { fieldDomId, fieldErrorId } from './focus';
import { useReportFormCopy } from './messages';

export { fieldDomId } from './focus';

export interface FieldComment {
  body: string;
  authorName: string;
}

/** One indicator in the chair's form: name, unit, help, last year's value, its source, error, warning and district comment. */
export const IndicatorField = memo(function IndicatorField({
  indicator,
  text,
  previous,
  error,
  warning,
  explanation,
  comments,
  source,
  required,
  readOnly,
  onChange,
  onExplanation,
  onHistory,
}: {
  indicator: Indicator;
  text: string;
  previous: number | null | undefined;
  error: string | undefined;
  warning: OutlierWarning | undefined;
  explanation: string;
  comments: readonly FieldComment[];
  /** Set while the value is the one imported from the chair's summary. */
  source?: ShownSource | undefined;
  required: boolean;
  readOnly: boolean;
  onChange: (code: string, text: string) => void;
  onExplanation: (code: string, text: string) => void;
  onHistory: ((indicator: Indicator) => void) | null;
}) {
  const { c, labelKey } = useReportFormCopy();
  const { indicatorHelp, indicatorUnit } = indicatorTexts(labelKey);
  const help = indicatorHelp(indicator);
  const unit = indicatorUnit(indicator);
  const id = fieldDomId(`values.${indicator.code}`);
  const name = labelKey === 'en' ? indicator.nameEn : indicator.nameZh;
  const prevShown = formatIndicatorValue(previous, indicator, labelKey);
  const errorId = fieldErrorId(`values.${indicator.code}`);
  const describedBy = [error ? errorId : null, comments.length ? `${id}-comment` : null, warning ? `${id}-warning` : null, help ? `${id}-help` : null, `${id}-prev`]
    .filter(Boolean)
    .join(' ');
  const classes = ['rf-field', error ? 'rf-field--invalid' : '', warning ? 'rf-field--warn' : '', comments.length ? 'rf-field--commented' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-field={`values.${indicator.code}`}>
      <label htmlFor={id} className="rf-field__label">
        {name}
        {required ? <span className="rf-required">（{c.requiredMark}）</span> : null}
      </label>
      <div className="rf-field__row">
        <span className="rf-input">
          <input
            id={id}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            readOnly={readOnly}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(indicator.code, e.target.value)}
          />
          <span className="rf-input__unit" aria-label={c.unitLabel(unit)}>
            {unit}
          </span>
        </span>
        <span id={`${id}-prev`} className="rf-prev">
          {prevShown ? c.lastYear(prevShown) : c.lastYearNone}
        </span>
        {onHistory ? (
          <button type="button" className="link-button rf-history" aria-label={c.historyFor(name)} onClick={() => onHistory(indicator)}>
            {c.history}
          </button>
        ) : null}
        {source ? <SourceNote source={source} name={name} /> : null}
      </div>
      {error ? (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      ) : null}
      {comments.length ? (
        <div id={`${id}-comment`} className="rf-comment" role="note">
          <span className="rf-comment__label">{c.commentFrom}：</span>
          {comments.map((cm, i) => (
            <span key={i} className="rf-comment__body" lang="zh-CN" data-user-content>
              {cm.body}
            </span>
          ))}
        </div>
      ) : null}
      {warning ? (
        <div id={`${id}-warning`} className="rf-warning">
          <p>
            <strong>{c.warningTitle}：</strong>
            <span>{warning.message}</span>
          </p>
          <label htmlFor={`${id}-explanation`}>{c.explanation}</label>
          <textarea
            id={`${id}-explanation`}
            rows={2}
            maxLength={500}
            value={explanation}
            readOnly={readOnly}
            placeholder={c.explanationPlaceholder}
            onChange={(e) => onExplanation(indicator.code, e.target.value)}
          />
        </div>
      ) : null}
      {help ? (
        <p id={`${id}-help`} className="rf-help">
          {help}
        </p>
      ) : null}
    </div>
  );
});
