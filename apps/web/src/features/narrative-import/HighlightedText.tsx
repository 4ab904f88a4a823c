import type { ReactNode } from 'react';
import type { TextRun } from './highlight';

/** The text with each suggestion's sentence marked and its figure emphasised; a sentence can be clicked or focused and activated. */
export function HighlightedText({ runs, text, active, onSentence }: { runs: TextRun[]; text: string; active: string | null; onSentence(key: string): void }) {
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
