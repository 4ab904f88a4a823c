import { useId } from 'react';
import type { ImportMessages } from './messages';

/** Largest upload: the server takes about 6 MB of base64; stay clearly below it. */
export const MAX_FILE_MB = 4;

/** Step 1: paste the summary or pick a file. */
export function SourceStep({
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
