import { formatScore } from '../format';
import type { SchoolProfile } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

/** 查漏补缺: the items where the school lost points, largest loss first, with what it would take. */
export function GapsList({ gaps, limit, headingLevel = 2, year }: { gaps: SchoolProfile['gaps']; limit?: number; headingLevel?: 2 | 3; year: number }) {
  const { c, labelKey } = useDashboardCopy();
  const shown = [...gaps].sort((a, b) => b.lost - a.lost).slice(0, limit ?? gaps.length);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="dash-section gaps" aria-labelledby="gaps-title">
      <Heading id="gaps-title" className="dash-section__title">
        {c.profile.gapsTitle}
      </Heading>
      <p className="muted">{c.profile.gapsIntro(year)}</p>
      {shown.length === 0 ? (
        <p>{c.profile.gapsNone}</p>
      ) : (
        <ol className="gap-list">
          {shown.map((gap) => (
            <li key={gap.itemId} className="gap">
              <span className="gap__lost">
                <span className="visually-hidden">{c.profile.lost} </span>−{formatScore(gap.lost, labelKey)}
                {labelKey === 'en' ? ' pts' : ' 分'}
              </span>
              {/* The rubric's item titles and keywords are the district's own data (Chinese). */}
              <span className="gap__title" lang="zh-CN" data-user-content>
                {gap.titleZh}
              </span>
              <span className="gap__advice">
                {gap.advice}
                {gap.keywords?.length ? (
                  <>
                    {' '}
                    <span lang="zh-CN" data-user-content>
                      「{gap.keywords.join('」「')}」
                    </span>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
