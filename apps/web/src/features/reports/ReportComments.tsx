import { narrativeSectionLabels, type Indicator, type NarrativeSection } from '@union/domain';
import type { RouterOutputs } from '../../app/trpc';
import { focusField } from './focus';
import type { FieldComment } from './IndicatorField';
import { useReportFormCopy } from './messages';

type ReportView = RouterOutputs['reports']['get'];

/** Comments of the latest review round, by field path ('' = the whole report). */
export function latestComments(comments: ReportView['comments']): Map<string, FieldComment[]> {
  const round = Math.max(-1, ...comments.map((c) => c.reviewRound));
  const map = new Map<string, FieldComment[]>();
  for (const c of comments) {
    if (c.reviewRound !== round) continue;
    map.set(c.fieldPath, [...(map.get(c.fieldPath) ?? []), { body: c.body, authorName: c.authorName }]);
  }
  return map;
}

/** The district's comments on a returned report: the whole-report ones, and links to the commented fields. */
export function ReportComments({ comments, catalogue }: { comments: Map<string, FieldComment[]>; catalogue: readonly Indicator[] }) {
  const { c, label, labelKey } = useReportFormCopy();
  const reportComments = comments.get('') ?? [];
  const fieldPaths = [...comments.keys()].filter((k) => k !== '');
  const fieldCommentCount = fieldPaths.reduce((n, k) => n + (comments.get(k)?.length ?? 0), 0);
  if (!reportComments.length && !fieldCommentCount) return null;
  const fieldLabel = (path: string): string => {
    const [kind, key] = path.split('.', 2) as [string, string | undefined];
    if (kind === 'values') {
      const indicator = catalogue.find((i) => i.code === key);
      return indicator ? (labelKey === 'en' ? indicator.nameEn : indicator.nameZh) : (key ?? path);
    }
    if (kind === 'narrative' && key) return label(narrativeSectionLabels[key as NarrativeSection]);
    return c.honoursTitle;
  };
  return (
    <section className="rf-report-comments" aria-labelledby="rf-report-comments-title">
      <h2 id="rf-report-comments-title">{c.reportComments}</h2>
      <p className="muted">{c.reportCommentsIntro}</p>
      {reportComments.map((cm, i) => (
        <blockquote key={i} lang="zh-CN">
          {cm.body}
        </blockquote>
      ))}
      {fieldCommentCount ? (
        <>
          <ul className="rf-report-comments__fields">
            {fieldPaths.map((path) => (
              <li key={path}>
                <button type="button" className="link-button" onClick={() => focusField(path)}>
                  {fieldLabel(path)}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted">{c.fieldCommentsCount(fieldCommentCount)}</p>
        </>
      ) : null}
    </section>
  );
}
