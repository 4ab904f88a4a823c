import { narrativeSectionLabels, narrativeSections, type Indicator } from '@union/domain';
import { useId } from 'react';
import { useReviewCopy } from './messages';
import { useStepCopy } from './step-messages';

/** What an unlock opens: the whole report, or one figure, narrative section or the honours list. */
export function UnlockScopeField({ catalogue, value, onChange }: { catalogue: readonly Indicator[]; value: string; onChange: (fieldPath: string) => void }) {
  const { c, label, labelKey } = useReviewCopy();
  const { s } = useStepCopy();
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{s.unlockScope}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`}>
        <option value="">{s.unlockWhole}</option>
        <optgroup label={c.valuesTitle}>
          {catalogue.map((i) => (
            <option key={i.code} value={`values.${i.code}`}>
              {labelKey === 'en' ? i.nameEn : i.nameZh}
            </option>
          ))}
        </optgroup>
        <optgroup label={c.narrativeTitle}>
          {narrativeSections.map((section) => (
            <option key={section} value={`narrative.${section}`}>
              {label(narrativeSectionLabels[section])}
            </option>
          ))}
        </optgroup>
        <option value="honours">{c.honoursTitle}</option>
      </select>
      <p id={`${id}-hint`} className="form-field__hint">
        {s.unlockHint}
      </p>
    </div>
  );
}
