import { useMutation, useQueryClient } from '@tanstack/react-query';
import { categoryLabels, type Indicator, type IndicatorValues, type Narrative } from '@union/domain';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { Modal } from '../../ui/Modal';
import { describeError } from '../../ui/states';
import { formatIndicatorValue } from '../reports/format';
import { segmentText, sentenceKey, type TextRun } from './highlight';
import { useImportCopy, type ImportMessages } from './messages';
import {
  collectValues,
  confidenceLevel,
  groupSuggestions,
  hasConflict,
  initialItems,
  narrativeFromSections,
  narrativeHasText,
  parseValueInput,
  sumParts,
  totalOfParts,
  type ItemState,
  type SuggestionCategoryGroup,
} from './review';
import './narrative-import.css';
import { fileToBase64 } from '../../ui/files';

/**
 * "从总结导入": the chair pastes or uploads their own 工会工作总结, reviews the
 * figures found in it (each linked to its sentence) and accepts, edits or
 * rejects each one. Accepted values go into the draft; nothing is submitted.
 */
export interface NarrativeImportPanelProps {
  year: number;
  /** The year's indicators (names, units) for labelling suggestions. */
  catalogue: readonly Indicator[];
  /** The draft's current values: a suggestion that differs is shown as a conflict, never applied silently. */
  currentValues: IndicatorValues;
  /** The values the chair accepted, and the source text split into sections when they chose to keep it. */
  onApply(result: { values: IndicatorValues; narrative?: Narrative }): void;
  onClose(): void;
}

type Extraction = RouterOutputs['narratives']['extract'];

/** Largest upload: the server takes about 6 MB of base64; stay clearly below it. */
const MAX_FILE_MB = 4;
const ALLOWED_FILE = /\.(txt|docx|doc)$/i;

const smoothScroll = (): ScrollBehavior =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

export function NarrativeImportPanel({ year, catalogue, currentValues, onApply, onClose }: NarrativeImportPanelProps) {
  const { m, t } = useImportCopy();
  const trpc = useTRPC();
  const extract = useMutation(trpc.narratives.extract.mutationOptions());
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [result, setResult] = useState<Extraction | null>(null);
  const [items, setItems] = useState<ItemState[]>([]);

  // The report's saved narrative, as the report page has it cached: keeping the source text would
  // replace it. Read from the cache only: fetching again here would refresh the form under the chair.
  const queryClient = useQueryClient();
  const schoolId = Number(useParams().schoolId);
  const [existingNarrative] = useState<Narrative | null | undefined>(() => {
    if (!Number.isInteger(schoolId) || schoolId <= 0) return undefined;
    const cached = queryClient.getQueryData(trpc.reports.get.queryKey({ schoolId, year }));
    return cached ? (cached.report?.narrative ?? null) : undefined;
  });

  const run = (source: { kind: 'text'; text: string } | { kind: 'file'; filename: string; base64: string }) => {
    setLocalError(null);
    extract.mutate(
      { year, source },
      {
        onSuccess: (data) => {
          setText(data.text);
          setResult(data);
          setItems(initialItems(data.suggestions, currentValues));
        },
      },
    );
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setLocalError(null);
    extract.reset();
    if (!ALLOWED_FILE.test(file.name)) return setLocalError(m.fileType);
    if (file.size === 0) return setLocalError(m.fileEmpty);
    if (file.size > MAX_FILE_MB * 1024 * 1024) return setLocalError(m.fileTooBig(MAX_FILE_MB));
    try {
      run({ kind: 'file', filename: file.name, base64: await fileToBase64(file) });
    } catch {
      setLocalError(m.fileReadError);
    }
  };

  const serverError = extract.isError ? describeError(extract.error, { network: t('error.network'), generic: t('error.generic') }).message : null;
  const error = localError ?? serverError;

  return (
    <Modal title={m.title} onClose={onClose} className="modal--import">
      {result ? (
        <ReviewStep
          result={result}
          items={items}
          setItems={setItems}
          catalogue={catalogue}
          currentValues={currentValues}
          existingNarrative={existingNarrative}
          onBack={() => {
            setResult(null);
            extract.reset();
          }}
          onCancel={onClose}
          onApply={(applied) => {
            onApply(applied);
            onClose();
          }}
        />
      ) : (
        <SourceStep
          m={m}
          text={text}
          setText={setText}
          busy={extract.isPending}
          error={error}
          onExtract={() => {
            if (!text.trim()) return setLocalError(m.pasteEmpty);
            run({ kind: 'text', text });
          }}
          onFile={(file) => void onFile(file)}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

function SourceStep({
  m,
  text,
  setText,
  busy,
  error,
  onExtract,
  onFile,
  onCancel,
}: {
  m: ImportMessages;
  text: string;
  setText(text: string): void;
  busy: boolean;
  error: string | null;
  onExtract(): void;
  onFile(file: File | undefined): void;
  onCancel(): void;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    // Not a <form>: the panel sits inside the report form, and forms cannot nest.
    <div className="nimport nimport--source" aria-busy={busy}>
      <h3 className="nimport__step">{m.stepSource}</h3>
      <p className="nimport__intro">{m.intro}</p>
      <div className="nimport__field">
        <label htmlFor={`${id}-text`}>{m.pasteLabel}</label>
        <textarea
          id={`${id}-text`}
          data-autofocus
          rows={10}
          value={text}
          placeholder={m.pastePlaceholder}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <p className="nimport__or">
        <span>{m.or}</span>
      </p>
      <div className="nimport__field">
        <label htmlFor={`${id}-file`}>{m.fileLabel}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,.docx,.doc,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={busy}
          aria-describedby={`${id}-file-hint`}
          onChange={(event) => {
            onFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <p id={`${id}-file-hint`} className="nimport__hint">
          {m.fileHint(MAX_FILE_MB)}
        </p>
      </div>
      {error ? (
        <div id={errorId} className="nimport__error" role="alert">
          <strong>{m.errorTitle}：</strong>
          {error}
        </div>
      ) : null}
      {busy ? (
        <p className="nimport__busy" role="status">
          <span className="spinner" aria-hidden="true" /> {m.extracting}
        </p>
      ) : null}
      <div className="nimport__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {m.cancel}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onExtract}>
          {busy ? m.extracting : m.extract}
        </button>
      </div>
    </div>
  );
}

interface Active {
  sentence: string;
  ids: number[];
}

function ReviewStep({
  result,
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
  items: ItemState[];
  setItems(update: (items: ItemState[]) => ItemState[]): void;
  catalogue: readonly Indicator[];
  currentValues: IndicatorValues;
  /** undefined while unknown. */
  existingNarrative: Narrative | null | undefined;
  onBack(): void;
  onCancel(): void;
  onApply(result: { values: IndicatorValues; narrative?: Narrative }): void;
}) {
  const { m, label, labelKey } = useImportCopy();
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
    onApply(keepNarrative ? { values: collected.values, narrative } : { values: collected.values });
  };

  const renderGroups = (list: SuggestionCategoryGroup[]) =>
    list.map((group) => (
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
                    active={active?.ids.includes(i) ?? false}
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
    ));

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
          {renderGroups(groups.achievements)}
          {groups.plans.length > 0 ? (
            <section className="nimport__plans" aria-labelledby={`${id}-plans`}>
              <h4 id={`${id}-plans`} className="nimport__plans-title">
                {m.planHeading}
              </h4>
              <p className="nimport__hint">{m.planHint}</p>
              {renderGroups(groups.plans)}
            </section>
          ) : null}
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

/** The text with each suggestion's sentence marked and its figure emphasised; a sentence can be clicked or focused and activated. */
function HighlightedText({ runs, text, active, onSentence }: { runs: TextRun[]; text: string; active: string | null; onSentence(key: string): void }) {
  const seen = new Set<string>();
  return (
    <>
      {runs.map((run) => {
        const slice = text.slice(run.start, run.end);
        const key = run.sentences[0];
        if (!key) return run.figures.length ? <strong key={run.start}>{slice}</strong> : <span key={run.start}>{slice}</span>;
        const first = !seen.has(key);
        seen.add(key);
        const content: ReactNode = run.figures.length ? <strong className="nimport__figure">{slice}</strong> : slice;
        return (
          <mark
            key={run.start}
            className={`nimport__sentence${run.sentences.includes(active ?? '') ? ' nimport__sentence--active' : ''}`}
            data-sentence={key}
            data-sentence-first={first ? key : undefined}
            role={first ? 'button' : undefined}
            tabIndex={first ? 0 : undefined}
            onClick={() => onSentence(key)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSentence(key);
              }
            }}
          >
            {content}
          </mark>
        );
      })}
    </>
  );
}

function SuggestionItem({
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
