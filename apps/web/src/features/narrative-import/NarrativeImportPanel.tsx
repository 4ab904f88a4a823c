import type { Indicator, IndicatorValues, Narrative } from '@union/domain';

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

// Placeholder until the import panel lands; the form can already embed it.
export function NarrativeImportPanel({ onClose }: NarrativeImportPanelProps) {
  return (
    <div role="dialog" aria-modal="true" aria-label="从总结导入">
      <p>从总结导入功能即将上线。</p>
      <button type="button" onClick={onClose}>
        关闭
      </button>
    </div>
  );
}
