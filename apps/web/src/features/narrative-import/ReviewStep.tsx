import type { Indicator, IndicatorValues, Narrative, ValueSourceInput } from '@union/domain';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RouterOutputs } from '../../app/trpc';
import { formatIndicatorValue } from '../../ui/format';
import { segmentText, sentenceKey } from './highlight';
import { HighlightedText } from './HighlightedText';
import { IndicatorGroups } from './IndicatorGroups';
import { useImportCopy } from './messages';
import { collectSources, collectValues, groupSuggestions, narrativeFromSections, narrativeHasText, otherYearOf, type ItemState } from './review';

export type Extraction = RouterOutputs['narratives']['extract'];

const smoothScroll = (): ScrollBehavior =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

interface Active {
  sentence: string;
  ids: number[];
}

/** Step 2: the text with its marked sentences beside the suggestions: confident ones ticked, 「可能相关」 unticked, plans apart. */
export function ReviewStep({
  result,
  year,
  documentName,
  items,
  setItems,
  catalogue,
  currentValues,
  existingNarrative,
  onBack,
  onCancel,
  onApply,
}: {
  result: Extraction;
  /** The reporting year the form is for (to warn about a summary of another year). */
  year: number;
  /** The uploaded file's name, '' for pasted text: kept as the applied values' source. */
  documentName: string;
  items: ItemState[];
  setItems(update: (items: ItemState[]) => ItemState[]): void;
  catalogue: readonly Indicator[];
  currentValues: IndicatorValues;
  /** undefined while unknown. */
  existingNarrative: Narrative | null | undefined;
  onBack(): void;
  onCancel(): void;
  onApply(result: { values: IndicatorValues; narrative?: Narrative; sources: Record<string, ValueSourceInput> }): void;
}) {
  const { m, labelKey } = useImportCopy();
  const id = useId();
  const { text, suggestions } = result;
  const [active, setActive] = useState<Active | null>(null);
  const [keepChoice, setKeepChoice] = useState<boolean | null>(null);
  const [showInvalid, setShowInvalid] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const indicators = useMemo(() => new Map(catalogue.map((i) => [i.code, i])), [catalogue]);
  const groups = useMemo(() => groupSuggestions(suggestions, catalogue), [suggestions, catalogue]);
  const sentenceIds = useMemo(() => {
    const map = new Map<string, number[]>();
    suggestions.forEach((s, i) => {
      const key = sentenceKey(s.evidence);
      map.set(key, [...(map.get(key) ?? []), i]);
    });
    return map;
  }, [suggestions]);
  const runs = useMemo(
    () =>
      segmentText(
        text.length,
        suggestions.map((s) => ({ start: s.evidence.start, end: s.evidence.end, key: sentenceKey(s.evidence) })),
        suggestions.map((s, i) => ({ start: s.evidence.figure.start, end: s.evidence.figure.end, key: String(i) })),
      ),
    [text, suggestions],
  );
  const collected = useMemo(() => collectValues(suggestions, items, currentValues), [suggestions, items, currentValues]);

  const narrativeKnown = existingNarrative !== undefined;
  const narrativeConflict = narrativeHasText(existingNarrative);
  const keepNarrative = keepChoice ?? (narrativeKnown && !narrativeConflict);
  const narrative = useMemo(() => narrativeFromSections(text, result.sections), [text, result.sections]);

  const format = (value: number | null | undefined, code: string) => {
    const indicator = indicators.get(code);
    return indicator ? (formatIndicatorValue(value, indicator, labelKey) ?? '—') : String(value ?? '—');
  };
  const nameOf = (code: string) => {
    const indicator = indicators.get(code);
    return indicator ? (labelKey === 'en' ? indicator.nameEn : indicator.nameZh) : code;
  };

  const update = (index: number, patch: Partial<ItemState>) => setItems((prev) => prev.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  const showSuggestion = (index: number) => {
    const s = suggestions[index];
    if (!s) return;
    const key = sentenceKey(s.evidence);
    setActive({ sentence: key, ids: [index] });
    const mark = textRef.current?.querySelector(`[data-sentence-first="${key}"]`);
    mark?.scrollIntoView({ block: 'center', behavior: smoothScroll() });
  };

  const showSentence = (key: string) => {
    const ids = sentenceIds.get(key) ?? [];
    setActive({ sentence: key, ids });
    const first = ids[0];
    if (first === undefined) return;
    const card = listRef.current?.querySelector<HTMLElement>(`[data-suggestion="${first}"]`);
    card?.scrollIntoView({ block: 'center', behavior: smoothScroll() });
    card?.focus({ preventScroll: true });
  };

  const acceptedCount = Object.keys(collected.values).length;
  const canApply = acceptedCount > 0 || keepNarrative;

  const apply = () => {
    if (collected.invalid.length > 0) {
      setShowInvalid(true);
      listRef.current?.querySelector<HTMLElement>(`[data-suggestion="${collected.invalid[0]}"] input[type=text]`)?.focus();
      return;
    }
    const sources = collectSources(suggestions, items, collected.values, documentName);
    onApply(keepNarrative ? { values: collected.values, narrative, sources } : { values: collected.values, sources });
  };

  const otherYear = useMemo(() => otherYearOf(text, year), [text, year]);
  const groupProps = { suggestions, items, setItems, collected, currentValues, text, activeIds: active?.ids ?? [], showInvalid, format, nameOf, update, showSuggestion };

  return (
    <div className="nimport nimport--review">
      <div className="nimport__review-head">
        <h3 ref={headingRef} tabIndex={-1} className="nimport__step">
          {m.stepReview}
        </h3>
        <button type="button" className="button button--small button--secondary" onClick={onBack}>
          {m.back}
        </button>
      </div>
      {otherYear !== null ? (
        <p className="nimport__year-warning" role="alert">
          <strong>{m.otherYearTitle}</strong> {m.otherYearBody(otherYear, year)}
        </p>
      ) : null}
      <div className="nimport__panes">
        <section className="nimport__pane nimport__pane--text" aria-labelledby={`${id}-text`}>
          <h4 id={`${id}-text`} className="nimport__pane-title">
            {m.textHeading}
          </h4>
          <p className="nimport__hint">{m.textHint}</p>
          <div ref={textRef} className="nimport__text" data-testid="import-text">
            <HighlightedText runs={runs} text={text} active={active?.sentence ?? null} onSentence={showSentence} />
          </div>
        </section>
        <section ref={listRef} className="nimport__pane nimport__pane--list" aria-labelledby={`${id}-list`}>
          <h4 id={`${id}-list`} className="nimport__pane-title">
            {m.suggestionsHeading}
          </h4>
          {suggestions.length === 0 ? (
            <div className="nimport__none" role="status">
              <p>{m.noneFound}</p>
              <p className="nimport__hint">{m.noneFoundHint}</p>
            </div>
          ) : (
            <p className="nimport__hint" role="status">
              {m.found(suggestions.length)}
            </p>
          )}
          <IndicatorGroups list={groups.achievements} {...groupProps} />
          {(
            [
              ['possible', groups.possible, m.possibleHeading, m.possibleHint],
              ['plans', groups.plans, m.planHeading, m.planHint],
            ] as const
          ).map(([kind, list, heading, hint]) =>
            list.length > 0 ? (
              // Set apart from the confident figures: unticked 「可能相关」, and plans.
              <section key={kind} className={`nimport__${kind}`} aria-labelledby={`${id}-${kind}`}>
                <h4 id={`${id}-${kind}`} className={`nimport__${kind}-title`}>
                  {heading}
                </h4>
                <p className="nimport__hint">{hint}</p>
                <IndicatorGroups list={list} {...groupProps} />
              </section>
            ) : null,
          )}
          <div className="nimport__narrative">
            <label className="nimport__check">
              <input type="checkbox" checked={keepNarrative} onChange={(e) => setKeepChoice(e.target.checked)} aria-describedby={`${id}-narrative-hint`} />
              <span>{m.keepNarrative}</span>
            </label>
            <p id={`${id}-narrative-hint`} className="nimport__hint">
              {m.keepNarrativeHint} {m.narrativePreview(narrative.achievements.length, narrative.shortcomings.length, narrative.plans.length)}
            </p>
            {narrativeConflict ? <p className="nimport__conflict">{m.narrativeConflict}</p> : null}
          </div>
        </section>
      </div>
      <div className="nimport__footer">
        <p className="nimport__footer-summary" aria-live="polite">
          {showInvalid && collected.invalid.length > 0 ? (
            <span className="nimport__invalid">{m.fixInvalid}</span>
          ) : acceptedCount > 0 ? (
            m.footerSummary(acceptedCount, collected.overwrites.length)
          ) : (
            m.footerNothing
          )}
          <span className="nimport__hint"> {m.noSubmitNote}</span>
        </p>
        <div className="nimport__actions">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {m.cancel}
          </button>
          <button type="button" className="button" disabled={!canApply} onClick={apply}>
            {acceptedCount > 0 ? m.applyCount(acceptedCount) : m.apply}
          </button>
        </div>
      </div>
    </div>
  );
}
