import { categoryLabels } from '@union/domain';
import { useId } from 'react';
import { groupCatalogue } from '../../reports/categories';
import type { CatalogueIndicator } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

/** One indicator, chosen from the catalogue grouped by category. */
export function IndicatorSelect({ catalogue, value, onChange }: { catalogue: readonly CatalogueIndicator[]; value: string; onChange: (code: string) => void }) {
  const { c, label, labelKey } = useDashboardCopy();
  const id = useId();
  return (
    <div className="field field--grow">
      <label htmlFor={id}>{c.trends.indicator}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {groupCatalogue(catalogue).map((group) => (
          <optgroup key={group.category} label={label(categoryLabels[group.category])}>
            {group.indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {labelKey === 'en' ? i.nameEn : i.nameZh}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
