import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reportProgressLabels } from '@union/domain';
import { useId, useRef, useState } from 'react';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { useDescribeError } from '../../ui/form';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import '../reports/reporting.css';
import { fileToBase64 } from '../../ui/files';
import { useChosenYear, YearField } from '../review/YearField';
import { useYearsCopy } from './messages';

type Preview = RouterOutputs['excel']['previewImport'];
type Result = RouterOutputs['excel']['applyImport'];

/** Excel import: pick year and file → preview (changes, every bad cell) → apply all or only valid rows. */
export function ImportPage() {
  const { c, label } = useYearsCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const { years, list, year, setYear } = useChosenYear();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmValid, setConfirmValid] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const previewM = useMutation(trpc.excel.previewImport.mutationOptions());
  const applyM = useMutation(trpc.excel.applyImport.mutationOptions());
  useDocumentTitle(c.importTitle);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setConfirmValid(false);
    previewM.reset();
    applyM.reset();
    if (fileRef.current) fileRef.current.value = '';
  };

  const runPreview = async () => {
    setFileError(null);
    setResult(null);
    const picked = fileRef.current?.files?.[0];
    if (!picked || year === null) {
      setFileError(c.chooseFile);
      return;
    }
    const base64 = await fileToBase64(picked);
    setFile({ name: picked.name, base64 });
    setConfirmValid(false);
    previewM.mutate({ year, file: base64 }, { onSuccess: setPreview, onError: () => setPreview(null) });
  };
  const apply = (onlyValidRows: boolean) => {
    if (!file || year === null) return;
    applyM.mutate(
      { year, file: file.base64, onlyValidRows },
      {
        onSuccess: (r) => {
          setResult(r);
          setPreview(null);
          void queryClient.invalidateQueries();
        },
      },
    );
  };

  if (years.isError) return <Page title={c.importTitle}><ErrorState error={years.error} onRetry={() => void years.refetch()} /></Page>;
  if (years.isPending) return <LoadingState />;

  const invalidRows = preview?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  const validRows = (preview?.rows.length ?? 0) - invalidRows;
  const changes = preview?.rows.filter((r) => r.errors.length === 0).reduce((n, r) => n + r.changes.length, 0) ?? 0;
  const fmt = (v: number | null) => (v === null ? c.emptyValue : String(v));

  return (
    <Page title={c.importTitle} lead={<p>{c.importIntro}</p>}>
      {year === null ? (
        <EmptyState title={c.empty} />
      ) : (
        <form
          className="filters import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void runPreview();
          }}
        >
          <YearField list={list} year={year} onChange={(y) => { setYear(y); setPreview(null); setResult(null); }} />
          <div className="field field--grow">
            <label htmlFor={fileId}>{c.file}</label>
            <input
              id={fileId}
              ref={fileRef}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${fileId}-hint`}
              onChange={() => {
                setPreview(null);
                setResult(null);
                setFileError(null);
              }}
            />
            <p id={`${fileId}-hint`} className="form-field__hint">
              {c.fileHint}
            </p>
          </div>
          <div className="field field--action">
            <button type="submit" className="button" disabled={previewM.isPending}>
              {previewM.isPending ? c.previewing : c.preview}
            </button>
          </div>
        </form>
      )}
      {fileError ? (
        <div className="form-error" role="alert">
          <p className="form-error__title">{fileError}</p>
        </div>
      ) : null}
      {previewM.isError ? (
        <div className="form-error" role="alert">
          <p className="form-error__title">{describe(previewM.error)?.message}</p>
        </div>
      ) : null}
      {previewM.isPending ? <LoadingState label={c.previewing} /> : null}

      {result ? (
        <section className="panel" aria-labelledby="import-result" role="status">
          <h2 id="import-result">{c.resultTitle}</h2>
          <p>{c.result(result.imported, result.skipped, result.changedValues)}</p>
          <button type="button" className="button button--secondary" onClick={reset}>
            {c.again}
          </button>
        </section>
      ) : null}

      {preview ? (
        <section className="report-section" aria-labelledby="import-preview">
          <h2 id="import-preview">{c.previewTitle}</h2>
          {preview.rows.length === 0 ? (
            <EmptyState title={c.noRows} />
          ) : (
            <>
              <p className="summary" role="status">
                {c.previewSummary(preview.rows.length, validRows, invalidRows, changes)}
              </p>
              {preview.unknownColumns.length ? (
                <p className="modal__text--warn" role="note">
                  {c.unknownColumns(preview.unknownColumns.join('、'))}
                </p>
              ) : null}
              <table className="data-table card-table import-table">
                <thead>
                  <tr>
                    <th scope="col">{c.colSchool}</th>
                    <th scope="col">{c.colRow}</th>
                    <th scope="col">{c.colStatus}</th>
                    <th scope="col">{c.colChanges}</th>
                    <th scope="col">{c.colErrors}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.rowNumber} className={r.errors.length ? 'import-row--invalid' : undefined}>
                      <th scope="row">{r.schoolName || c.unknownSchool}</th>
                      <td data-label={c.colRow}>{r.rowNumber}</td>
                      <td data-label={c.colStatus}>{r.currentStatus ? label(reportProgressLabels[r.currentStatus]) : '—'}</td>
                      <td data-label={c.colChanges}>
                        {r.changes.length === 0 ? (
                          <span className="muted">{c.noChanges}</span>
                        ) : (
                          <ul className="import-changes">
                            {r.changes.map((ch) => (
                              <li key={ch.code}>
                                {label({ zh: ch.nameZh, en: ch.nameEn })}
                                {c.colon}
                                {c.from(fmt(ch.from), fmt(ch.to))}
                              </li>
                            ))}
                          </ul>
                        )}
                        {r.keptValues.length > 0 ? (
                          <p className="muted import-kept">{c.keptValues(r.keptValues.map((k) => `${k.nameZh} ${k.value}`).join('、'))}</p>
                        ) : null}
                      </td>
                      <td data-label={c.colErrors}>
                        {r.errors.length === 0
                          ? '—'
                          : r.errors.map((e, i) => (
                              <span key={i} className="cell-error">
                                {e.column}：{e.message}
                              </span>
                            ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {applyM.isError ? (
                <div className="form-error" role="alert">
                  <p className="form-error__title">{describe(applyM.error)?.message}</p>
                </div>
              ) : null}
              <div className="panel review-actions">
                <div className="review-actions__buttons">
                  <button type="button" className="button" disabled={invalidRows > 0 || applyM.isPending} onClick={() => apply(false)} aria-describedby={invalidRows ? 'apply-all-hint' : undefined}>
                    {applyM.isPending ? c.applying : c.applyAll}
                  </button>
                  <button type="button" className="button button--secondary" onClick={reset}>
                    {c.cancelImport}
                  </button>
                </div>
                {invalidRows > 0 ? (
                  <>
                    <p id="apply-all-hint" className="form-field__hint">
                      {c.applyAllDisabled}
                    </p>
                    {validRows > 0 ? (
                      <>
                        <label className="checkbox">
                          <input type="checkbox" checked={confirmValid} onChange={(e) => setConfirmValid(e.target.checked)} />
                          <span>{c.confirmValid(invalidRows)}</span>
                        </label>
                        <div>
                          <button type="button" className="button button--secondary" disabled={!confirmValid || applyM.isPending} onClick={() => apply(true)}>
                            {c.applyValid(validRows)}
                          </button>
                        </div>
                      </>
                    ) : null}
                  </>
                ) : null}
              </div>
            </>
          )}
        </section>
      ) : null}
    </Page>
  );
}
