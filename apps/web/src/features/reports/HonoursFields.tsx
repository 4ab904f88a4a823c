import { honourKindLabels, honourKinds, honourLevelLabels, honourLevels, type HonourKind, type HonourLevel } from '@union/domain';
import { newHonourKey, type FormDraft, type HonourRow } from './draft';
import { fieldDomId } from './focus';
import type { FieldComment } from './IndicatorField';
import { useReportFormCopy } from './messages';

/** The honours list of the chair's form: one fieldset per honour, add and remove keeping the focus sensible. */
export function HonoursFields({
  honours,
  comments,
  showTitleErrors,
  update,
}: {
  honours: readonly HonourRow[];
  comments: readonly FieldComment[];
  /** Mark rows without a title (after a submit attempt, or when autosave held them back). */
  showTitleErrors: boolean;
  update(fn: (d: FormDraft) => FormDraft): void;
}) {
  const { c, label } = useReportFormCopy();
  const onHonour = (key: string, patch: Partial<HonourRow>) => update((d) => ({ ...d, honours: d.honours.map((h) => (h.key === key ? { ...h, ...patch } : h)) }));
  const addHonour = () => {
    const key = newHonourKey();
    update((d) => ({ ...d, honours: [...d.honours, { key, title: '', level: 'county', kind: 'collective', recipient: '' }] }));
    requestAnimationFrame(() => document.getElementById(`honour-${key}-title`)?.focus());
  };
  const removeHonour = (key: string, index: number) => {
    update((d) => ({ ...d, honours: d.honours.filter((h) => h.key !== key) }));
    requestAnimationFrame(() => {
      const rows = document.querySelectorAll<HTMLInputElement>('.rf-honour input[id$="-title"]');
      (rows[Math.min(index, rows.length - 1)] ?? document.getElementById('rf-add-honour'))?.focus();
    });
  };
  return (
    <section className="report-section" aria-labelledby="honours-title">
      <h2 id="honours-title">{c.honoursTitle}</h2>
      <p className="muted">{c.honoursIntro}</p>
      {comments.length ? (
        <div id={fieldDomId('honours')} className="rf-comment" role="note" tabIndex={-1}>
          <span className="rf-comment__label">{c.commentFrom}：</span>
          {comments.map((cm, i) => (
            <span key={i} className="rf-comment__body" lang="zh-CN">
              {cm.body}
            </span>
          ))}
        </div>
      ) : null}
      {honours.length === 0 ? <p className="unfilled">{c.honoursEmpty}</p> : null}
      <ol className="rf-honours">
        {honours.map((h, i) => {
          const missing = !h.title.trim() && showTitleErrors;
          const errorId = `honour-${h.key}-error`;
          return (
            <li key={h.key} className="rf-honour">
              <fieldset>
                <legend>{c.honourNumber(i + 1)}</legend>
                <div className="rf-honour__grid">
                  <div className={`form-field rf-honour__title${missing ? ' rf-field--invalid' : ''}`}>
                    <label htmlFor={`honour-${h.key}-title`}>{c.honourTitle}</label>
                    <input
                      id={`honour-${h.key}-title`}
                      value={h.title}
                      maxLength={200}
                      aria-invalid={missing ? true : undefined}
                      aria-describedby={missing ? errorId : undefined}
                      onChange={(e) => onHonour(h.key, { title: e.target.value })}
                    />
                  </div>
                  <div className="form-field">
                    <label htmlFor={`honour-${h.key}-level`}>{c.honourLevel}</label>
                    <select id={`honour-${h.key}-level`} value={h.level} onChange={(e) => onHonour(h.key, { level: e.target.value as HonourLevel })}>
                      {honourLevels.map((l) => (
                        <option key={l} value={l}>
                          {label(honourLevelLabels[l])}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form-field">
                    <label htmlFor={`honour-${h.key}-kind`}>{c.honourKind}</label>
                    <select id={`honour-${h.key}-kind`} value={h.kind} onChange={(e) => onHonour(h.key, { kind: e.target.value as HonourKind })}>
                      {honourKinds.map((k) => (
                        <option key={k} value={k}>
                          {label(honourKindLabels[k])}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form-field">
                    <label htmlFor={`honour-${h.key}-recipient`}>{c.honourRecipient}</label>
                    <input id={`honour-${h.key}-recipient`} value={h.recipient} maxLength={100} onChange={(e) => onHonour(h.key, { recipient: e.target.value })} />
                  </div>
                  <div className="rf-honour__remove">
                    <button type="button" className="button button--small button--danger" aria-label={c.removeHonourLabel(i + 1)} onClick={() => removeHonour(h.key, i)}>
                      {c.removeHonour}
                    </button>
                  </div>
                </div>
                {missing ? (
                  <p id={errorId} className="form-field__error">
                    {c.honourTitleRequired}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" id="rf-add-honour" className="button button--secondary" onClick={addHonour}>
        + {c.addHonour}
      </button>
    </section>
  );
}
