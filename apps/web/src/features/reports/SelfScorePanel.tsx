import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { FormError, FormField, fieldErrorMap, useDescribeError } from '../../ui/form';
import { ErrorState, LoadingState } from '../../ui/states';
import { useReportFormCopy } from './messages';
import { parseLenientNumber } from './numberInput';

/** 自评分: the chair's own score (0–100) with a note, for a submitted or approved report. */
export function SelfScorePanel({ reportId }: { reportId: number }) {
  const { c } = useReportFormCopy();
  const trpc = useTRPC();
  const assessment = useQuery(trpc.rubric.assessment.queryOptions({ reportId }));
  if (assessment.isPending) return <LoadingState />;
  if (assessment.isError) return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />;
  return (
    <section className="panel self-score" aria-labelledby="self-score-title">
      <h2 id="self-score-title">{c.selfScoreTitle}</h2>
      <p className="muted">{c.selfScoreIntro}</p>
      {assessment.data.automaticScore !== null ? <p>{c.selfAutomatic(String(assessment.data.automaticScore))}</p> : null}
      <SelfScoreForm reportId={reportId} score={assessment.data.selfScore} note={assessment.data.selfNote} />
    </section>
  );
}

function SelfScoreForm({ reportId, score, note }: { reportId: number; score: number | null; note: string }) {
  const { c } = useReportFormCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const [scoreText, setScoreText] = useState(score === null ? '' : String(score));
  const [noteText, setNoteText] = useState(note);
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const assess = useMutation(trpc.rubric.assess.mutationOptions());
  const failed = describe(assess.error);
  const errors = fieldErrorMap(failed);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const parsed = parseLenientNumber(scoreText);
        if (parsed.kind === 'invalid' || (parsed.kind === 'number' && (parsed.value < 0 || parsed.value > 100))) {
          setLocalError(c.selfScoreInvalid);
          return;
        }
        setLocalError(null);
        assess.mutate(
          { reportId, kind: 'self', score: parsed.kind === 'number' ? parsed.value : null, note: noteText },
          {
            onSuccess: () => {
              setSaved(true);
              void queryClient.invalidateQueries({ queryKey: trpc.rubric.assessment.queryKey({ reportId }) });
            },
          },
        );
      }}
    >
      <div className="form-grid">
        <FormField label={c.selfScore} error={localError ?? errors.score}>
          {(p) => <input {...p} inputMode="decimal" value={scoreText} onChange={(e) => setScoreText(e.target.value)} />}
        </FormField>
        <FormField label={c.selfNote} error={errors.note}>
          {(p) => <textarea {...p} className="rf-textarea" rows={2} maxLength={1000} value={noteText} onChange={(e) => setNoteText(e.target.value)} />}
        </FormField>
      </div>
      <FormError error={failed} shownFields={Object.keys(errors)} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={assess.isPending}>
          {c.selfSave}
        </button>
        {saved ? (
          <span role="status" className="form-success">
            {c.selfSaved}
          </span>
        ) : null}
      </div>
    </form>
  );
}
