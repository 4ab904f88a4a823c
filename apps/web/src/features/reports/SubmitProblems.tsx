import { useEffect, useRef } from 'react';
import { useReportFormCopy } from './messages';

export interface SubmitProblem {
  path: string;
  message: string;
}

/**
 * What stops a submission, above the form: announced at once (role=alert),
 * scrolled into view below the sticky toolbar (scroll-margin-top in CSS) and
 * focused, so a phone user sees why nothing happened. Each item jumps to its field,
 * which shows the same message in red.
 */
export function SubmitProblems({ problems, onChoose }: { problems: readonly SubmitProblem[]; onChoose(path: string): void }) {
  const { c } = useReportFormCopy();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
    el.focus({ preventScroll: true });
  }, [problems]);
  return (
    <div ref={ref} className="form-error rf-problems" role="alert" tabIndex={-1} aria-labelledby="rf-problems-title" aria-describedby="rf-problems-count">
      <p id="rf-problems-title" className="form-error__title">
        {c.submitProblemsTitle}
      </p>
      <p id="rf-problems-count" className="rf-problems__count">
        {c.submitProblemsCount(problems.length)}
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p.path}>
            <button type="button" className="link-button" onClick={() => onChoose(p.path)}>
              {p.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
