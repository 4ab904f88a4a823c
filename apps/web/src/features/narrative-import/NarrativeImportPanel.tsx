import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Indicator, IndicatorValues, Narrative, ValueSourceInput } from '@union/domain';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { fileToBase64 } from '../../ui/files';
import { Modal } from '../../ui/Modal';
import { describeError } from '../../ui/states';
import { useImportCopy } from './messages';
import { initialItems, type ItemState } from './review';
import { ReviewStep, type Extraction } from './ReviewStep';
import { MAX_FILE_MB, SourceStep } from './SourceStep';
import './narrative-import.css';

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
  /** The values the chair accepted (with the sentences they came from), and the source text split into sections when they chose to keep it. */
  onApply(result: { values: IndicatorValues; narrative?: Narrative; sources: Record<string, ValueSourceInput> }): void;
  onClose(): void;
}

const ALLOWED_FILE = /\.(txt|docx|doc)$/i;

export function NarrativeImportPanel({ year, catalogue, currentValues, onApply, onClose }: NarrativeImportPanelProps) {
  const { m, t } = useImportCopy();
  const trpc = useTRPC();
  const extract = useMutation(trpc.narratives.extract.mutationOptions());
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [result, setResult] = useState<Extraction | null>(null);
  const [items, setItems] = useState<ItemState[]>([]);
  const [documentName, setDocumentName] = useState('');

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
    setDocumentName(source.kind === 'file' ? source.filename : '');
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
          year={year}
          documentName={documentName}
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
