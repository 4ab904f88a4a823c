import { narrativeSectionLabels, type Indicator, type NarrativeSection } from '@union/domain';
import { useMemo, useState } from 'react';
import { unitSuffix } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { diffContents, mergeContents, type MergeChoice, type ReportContent } from './draft';
import { useReportFormCopy } from './messages';

/**
 * Both versions side by side, field by field: the chair keeps theirs, takes
 * the server's, or picks per field. Nothing is overwritten without a choice.
 */
export function ConflictDialog({
  message,
  mine,
  theirs,
  locked,
  catalogue,
  onResolve,
  onReload,
  onClose,
}: {
  message: string;
  mine: ReportContent;
  /** null while the server's copy is loading. */
  theirs: ReportContent | null;
  /** The server's report can no longer be edited (submitted meanwhile). */
  locked: boolean;
  catalogue: readonly Indicator[];
  onResolve: (merged: ReportContent) => void;
  onReload: () => void;
  onClose: () => void;
}) {
  const { c, label, labelKey } = useReportFormCopy();
  const diff = useMemo(() => (theirs ? diffContents(mine, theirs, catalogue) : []), [mine, theirs, catalogue]);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const byCode = useMemo(() => new Map(catalogue.map((i) => [i.code, i])), [catalogue]);

  const fieldName = (path: string) => {
    const [kind, key] = path.split('.', 2) as [string, string];
    if (kind === 'values' || kind === 'explanations') {
      const indicator = byCode.get(key);
      const name = indicator ? (labelKey === 'en' ? indicator.nameEn : indicator.nameZh) : key;
      return kind === 'explanations' ? `${name} · ${c.explanation.replace(/[（(].*$/, '')}` : name;
    }
    if (kind === 'narrative') return label(narrativeSectionLabels[key as NarrativeSection]);
    return c.honoursTitle;
  };
  const show = (path: string, text: string) => {
    if (!text) return <span className="muted">{c.conflictEmpty}</span>;
    const indicator = path.startsWith('values.') ? byCode.get(path.slice(7)) : undefined;
    return indicator ? `${text}${unitSuffix(indicator.unit, labelKey)}` : <span className="rf-conflict__text">{text}</span>;
  };
  const choiceOf = (path: string): MergeChoice => choices[path] ?? 'mine';
  const all = (choice: MergeChoice) => Object.fromEntries(diff.map((d) => [d.path, choice]));

  return (
    <Modal title={c.conflictTitle} onClose={onClose} className="rf-conflict">
      <p className="modal__text">{c.conflictIntro}</p>
      <p className="modal__text muted" lang="zh-CN">
        {message}
      </p>
      {theirs === null ? (
        <p role="status">{c.conflictLoading}</p>
      ) : locked ? (
        <>
          <p className="modal__text modal__text--warn">{c.conflictLocked}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={onReload}>
              {c.conflictReload}
            </button>
          </div>
        </>
      ) : (
        <>
          {diff.length === 0 ? (
            <p className="modal__text">{c.conflictNoDiff}</p>
          ) : (
            <div className="rf-conflict__scroll">
              <table className="data-table rf-conflict__table">
                <thead>
                  <tr>
                    <th scope="col">{c.conflictField}</th>
                    <th scope="col">{c.conflictMine}</th>
                    <th scope="col">{c.conflictTheirs}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.map((d) => {
                    const name = fieldName(d.path);
                    return (
                      <tr key={d.path}>
                        <th scope="row">{name}</th>
                        <td data-label={c.conflictMine}>
                          <label className="rf-choice">
                            <input type="radio" name={`choice-${d.path}`} checked={choiceOf(d.path) === 'mine'} onChange={() => setChoices((s) => ({ ...s, [d.path]: 'mine' }))} aria-label={c.chooseMine(name)} />
                            <span>{show(d.path, d.mine)}</span>
                          </label>
                        </td>
                        <td data-label={c.conflictTheirs}>
                          <label className="rf-choice">
                            <input type="radio" name={`choice-${d.path}`} checked={choiceOf(d.path) === 'theirs'} onChange={() => setChoices((s) => ({ ...s, [d.path]: 'theirs' }))} aria-label={c.chooseTheirs(name)} />
                            <span>{show(d.path, d.theirs)}</span>
                          </label>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div className="form-actions">
            {diff.length > 0 ? (
              <button type="button" className="button" onClick={() => onResolve(mergeContents(mine, theirs, Object.fromEntries(diff.map((d) => [d.path, choiceOf(d.path)]))))}>
                {c.conflictMerge}
              </button>
            ) : null}
            {diff.length > 0 ? (
              <button type="button" className="button button--secondary" onClick={() => onResolve(mergeContents(mine, theirs, all('mine')))}>
                {c.conflictKeepMine}
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => onResolve(theirs)}>
              {c.conflictTakeTheirs}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
