import { categoryLabels } from '@union/domain';
import { groupCatalogue } from '../../reports/categories';
import type { CatalogueIndicator } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';
import { defaultCompareCodes, MAX_CODES } from './useCompareParams';

/** Which indicators the table compares: checkboxes grouped by category, inside a disclosure. */
export function IndicatorPicker({ catalogue, codes, onChange }: { catalogue: readonly CatalogueIndicator[]; codes: readonly string[]; onChange: (codes: string[]) => void }) {
  const { c, label, labelKey } = useDashboardCopy();
  const chosen = new Set(codes);
  const toggle = (code: string, on: boolean) => {
    // Keep the catalogue's order, whatever order they were ticked in.
    const next = catalogue.map((i) => i.code).filter((k) => (k === code ? on : chosen.has(k)));
    if (next.length > 0) onChange(next);
  };
  return (
    <details className="picker">
      <summary>{c.compare.picker(codes.length)}</summary>
      <div className="picker__body">
        <p className="muted">
          {c.compare.pickerHint} {codes.length === 1 ? c.compare.pickerMin : null}
        </p>
        <div className="picker__groups">
          {groupCatalogue(catalogue).map((group) => (
            <fieldset key={group.category} className="picker__group">
              <legend>{label(categoryLabels[group.category])}</legend>
              {group.indicators.map((indicator) => {
                const on = chosen.has(indicator.code);
                return (
                  <label key={indicator.code} className="checkbox">
                    <input
                      type="checkbox"
                      checked={on}
                      disabled={(on && codes.length === 1) || (!on && codes.length >= MAX_CODES)}
                      onChange={(e) => toggle(indicator.code, e.target.checked)}
                    />
                    <span>{labelKey === 'en' ? indicator.nameEn : indicator.nameZh}</span>
                  </label>
                );
              })}
            </fieldset>
          ))}
        </div>
        <button type="button" className="button button--secondary button--small" onClick={() => onChange([...defaultCompareCodes])}>
          {c.compare.resetPicker}
        </button>
      </div>
    </details>
  );
}
