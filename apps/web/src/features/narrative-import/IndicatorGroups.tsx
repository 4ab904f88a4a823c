import { categoryLabels, type IndicatorValues } from '@union/domain';
import { useId } from 'react';
import type { RouterOutputs } from '../../app/trpc';
import { useImportCopy } from './messages';
import { hasConflict, parseValueInput, sumParts, totalOfParts, type Collected, type ItemState, type SuggestionCategoryGroup } from './review';
import { SuggestionItem } from './SuggestionItem';

type Suggestions = RouterOutputs['narratives']['extract']['suggestions'];

export interface IndicatorGroupsProps {
  list: SuggestionCategoryGroup[];
  suggestions: Suggestions;
  items: ItemState[];
  setItems(update: (items: ItemState[]) => ItemState[]): void;
  collected: Collected;
  currentValues: IndicatorValues;
  text: string;
  /** Suggestions whose sentence is selected in the text. */
  activeIds: readonly number[];
  showInvalid: boolean;
  format(value: number | null | undefined, code: string): string;
  nameOf(code: string): string;
  update(index: number, patch: Partial<ItemState>): void;
  showSuggestion(index: number): void;
}

/** Suggestions of one group (confident, possible or plans) by category and indicator, with sums of parts. */
export function IndicatorGroups({ list, suggestions, items, setItems, collected, currentValues, text, activeIds, showInvalid, format, nameOf, update, showSuggestion }: IndicatorGroupsProps) {
  const { m, label, labelKey } = useImportCopy();
  const id = useId();
  return (
    <>
      {list.map((group) => (
      <section key={group.category} className="nimport__category" aria-labelledby={`${id}-${group.category}`}>
        <h4 id={`${id}-${group.category}`} className="nimport__category-title">
          {label(categoryLabels[group.category])}
        </h4>
        {group.indicators.map(({ indicator, ids }) => {
          const code = indicator.code;
          const current = currentValues[code];
          const acceptedIds = suggestions.flatMap((s, i) => (s.indicatorCode === code && items[i]?.accepted && !items[i]?.rejected ? [i] : []));
          const total = collected.values[code];
          const open = ids.filter((i) => !items[i]?.rejected);
          const partValues = open.map((i) => parseValueInput(items[i]?.input ?? '') ?? suggestions[i]!.value);
          const totalIndex = totalOfParts(partValues);
          return (
            <div key={code} className="nimport__indicator">
              <div className="nimport__indicator-head">
                <h5 className="nimport__indicator-name">{labelKey === 'en' ? indicator.nameEn : indicator.nameZh}</h5>
                {total !== undefined && total !== null ? (
                  <p className="nimport__will-fill">
                    {acceptedIds.length > 1 ? m.willFillSum(format(total, code), acceptedIds.length) : m.willFill(format(total, code))}
                    {hasConflict(current, total) ? <span className="nimport__overwrite">{m.willOverwrite(format(current, code))}</span> : null}
                  </p>
                ) : null}
              </div>
              {open.length > 1 ? (
                <div className="nimport__parts">
                  <span>{totalIndex >= 0 ? m.partsTotal(format(partValues[totalIndex], code)) : m.partsNote(open.length)}</span>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setItems((prev) => prev.map((item, i) => (open.includes(i) ? { ...item, accepted: true } : item)))}
                  >
                    {m.sumParts(format(sumParts(partValues), code))}
                  </button>
                </div>
              ) : null}
              <ul className="nimport__items">
                {ids.map((i) => (
                  <SuggestionItem
                    key={i}
                    index={i}
                    suggestion={suggestions[i]!}
                    item={items[i]!}
                    text={text}
                    name={nameOf(code)}
                    current={current}
                    active={activeIds.includes(i)}
                    showInvalid={showInvalid}
                    format={(v) => format(v, code)}
                    unit={indicator.unit}
                    onChange={(patch) => update(i, patch)}
                    onShow={() => showSuggestion(i)}
                  />
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    ))}
    </>
  );
}
