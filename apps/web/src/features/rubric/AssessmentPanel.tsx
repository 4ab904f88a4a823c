import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { FormField, useDescribeError } from '../../ui/form';
import { ErrorState, LoadingState } from '../../ui/states';
import { formatPoints, useRubricCopy } from './messages';
import { starName } from './messages';
import './rubric.css';

type Assessment = RouterOutputs['rubric']['assessment'];

const shown = (n: number | string | null | undefined): number | null => (n === null || n === undefined || n === '' ? null : Number(n));

/** 自动得分, 自评分 and 验收分 of one report side by side; the admin edits the acceptance score. */
export function AssessmentPanel({ reportId, year, canAccept }: { reportId: number; year: number; canAccept: boolean }) {
  const { c } = useRubricCopy();
  const trpc = useTRPC();
  const headingId = useId();
  const assessment = useQuery({ ...trpc.rubric.assessment.queryOptions({ reportId }), refetchOnMount: 'always' });

  return (
    <section className="report-section assessment" aria-labelledby={headingId}>
      <h2 id={headingId}>{c.assessmentTitle}</h2>
      <p className="muted">
        {c.assessmentIntro} <Link to={`/admin/rubric?year=${year}`}>{c.toRubric}</Link>
      </p>
      {assessment.isError ? (
        <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />
      ) : assessment.isPending ? (
        <LoadingState />
      ) : (
        <AssessmentCards reportId={reportId} data={assessment.data} canAccept={canAccept} />
      )}
    </section>
  );
}

function AssessmentCards({ reportId, data, canAccept }: { reportId: number; data: Assessment; canAccept: boolean }) {
  const { c, labelKey } = useRubricCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const automatic = shown(data.automaticScore);
  const self = shown(data.selfScore);
  const acceptance = shown(data.acceptanceScore);
  const [score, setScore] = useState(acceptance === null ? '' : String(acceptance));
  const [note, setNote] = useState(data.acceptanceNote);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const assess = useMutation({
    ...trpc.rubric.assess.mutationOptions(),
    onSuccess: async () => {
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: trpc.rubric.assessment.queryKey({ reportId }) });
    },
  });
  const serverError = assess.error ? describe(assess.error) : null;
  const scoreError = localError ?? serverError?.fieldErrors.find((f) => f.path.endsWith('score'))?.message ?? null;

  const value = (n: number | null) => (n === null ? <p className="assessment__score assessment__score--none">{c.notGiven}</p> : <p className="assessment__score">{c.scoreValue(formatPoints(n))}</p>);
  const noteOf = (text: string) => <p className="assessment__note muted">{text ? `${c.note}：${text}` : c.noNote}</p>;

  return (
    <div className="assessment__grid">
      <div className="assessment__card" data-testid="assessment-automatic">
        <h3>{c.automatic}</h3>
        {automatic === null ? <p className="assessment__score assessment__score--none">{c.notScored}</p> : <p className="assessment__score">{c.scoreValue(formatPoints(automatic))}</p>}
        {automatic !== null ? (
          <p className="assessment__note">
            {c.stars}：<strong>{starName(shown(data.stars) ?? 0, labelKey)}</strong>
          </p>
        ) : null}
      </div>
      <div className="assessment__card" data-testid="assessment-self">
        <h3>{c.self}</h3>
        {value(self)}
        {self !== null || data.selfNote ? noteOf(data.selfNote) : null}
      </div>
      <div className="assessment__card" data-testid="assessment-acceptance">
        <h3>{c.acceptance}</h3>
        {value(acceptance)}
        {!canAccept && (acceptance !== null || data.acceptanceNote) ? noteOf(data.acceptanceNote) : null}
        {canAccept ? (
          <form
            className="assessment__form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setDone(false);
              setLocalError(null);
              const trimmed = score.trim();
              const n = trimmed === '' ? null : Number(trimmed);
              if (n !== null && (!Number.isFinite(n) || n < 0 || n > 100)) {
                setLocalError(c.acceptanceInvalid);
                return;
              }
              assess.mutate({ reportId, kind: 'acceptance', score: n, note: note.trim() });
            }}
          >
            <FormField label={c.acceptanceScore} error={scoreError}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step="any"
                  value={score}
                  onChange={(e) => {
                    setScore(e.target.value);
                    setDone(false);
                  }}
                />
              )}
            </FormField>
            <FormField label={c.acceptanceNote}>
              {(props) => (
                <textarea
                  {...props}
                  rows={3}
                  maxLength={1000}
                  value={note}
                  onChange={(e) => {
                    setNote(e.target.value);
                    setDone(false);
                  }}
                />
              )}
            </FormField>
            <div>
              <button type="submit" className="button" disabled={assess.isPending}>
                {assess.isPending ? c.savingAcceptance : c.saveAcceptance}
              </button>
            </div>
            {done ? (
              <p className="form-success" role="status">
                {c.acceptanceSaved}
              </p>
            ) : null}
            {serverError && !scoreError ? (
              <div className="form-error" role="alert">
                <p className="form-error__title">{serverError.message}</p>
              </div>
            ) : null}
          </form>
        ) : null}
      </div>
    </div>
  );
}
