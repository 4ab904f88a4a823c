import { narrativeSectionLabels, narrativeSections, type Narrative, type NarrativeSection } from '@union/domain';
import { EvidenceAttachments } from '../../ui/evidence/EvidenceAttachments';
import { fieldDomId, fieldErrorId } from './focus';
import type { FieldComment } from './IndicatorField';
import { useReportFormCopy } from './messages';

/** The three narrative sections of the chair's form, each with its hint, district comment and error. */
export function NarrativeFields({
  narrative,
  comments,
  errors,
  onChange,
  evidence,
}: {
  narrative: Narrative;
  comments: Map<string, FieldComment[]>;
  /** Messages by path (`narrative.<section>`). */
  errors: Readonly<Record<string, string>>;
  onChange(section: NarrativeSection, text: string): void;
  /** Evidence files per section: the saved report (null before the first save) and where the chair may change them. */
  evidence?: { reportId: number | null; canEdit(section: NarrativeSection): boolean };
}) {
  const { c, label } = useReportFormCopy();
  return (
    <section className="report-section" aria-labelledby="narrative-title">
      <h2 id="narrative-title">{c.narrativeTitle}</h2>
      {narrativeSections.map((section) => {
        const path = `narrative.${section}`;
        const id = fieldDomId(path);
        const sectionComments = comments.get(path) ?? [];
        const error = errors[path];
        return (
          <div key={section} className={`rf-narrative${sectionComments.length ? ' rf-field--commented' : ''}${error ? ' rf-field--invalid' : ''}`}>
            <label htmlFor={id} className="rf-field__label">
              {label(narrativeSectionLabels[section])}
              {section === 'achievements' ? <span className="rf-required">（{c.requiredMark}）</span> : null}
            </label>
            <p id={`${id}-help`} className="rf-help">
              {c.narrativeHint[section]}
            </p>
            {sectionComments.length ? (
              <div id={`${id}-comment`} className="rf-comment" role="note">
                <span className="rf-comment__label">{c.commentFrom}：</span>
                {sectionComments.map((cm, i) => (
                  <span key={i} className="rf-comment__body" lang="zh-CN">
                    {cm.body}
                  </span>
                ))}
              </div>
            ) : null}
            <textarea
              id={id}
              lang="zh-CN"
              rows={section === 'achievements' ? 10 : 5}
              value={narrative[section]}
              aria-describedby={[error ? fieldErrorId(path) : null, `${id}-help`, sectionComments.length ? `${id}-comment` : null].filter(Boolean).join(' ')}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange(section, e.target.value)}
            />
            <p className="rf-count muted">{c.charCount(narrative[section].length)}</p>
            {error ? (
              <p id={fieldErrorId(path)} className="form-field__error">
                {error}
              </p>
            ) : null}
            {evidence ? <EvidenceAttachments reportId={evidence.reportId} target={{ kind: 'section', key: section }} canEdit={evidence.canEdit(section)} /> : null}
          </div>
        );
      })}
    </section>
  );
}
