import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../../app/trpc';
import { ErrorState, LoadingState } from '../../../ui/states';
import { formatScore } from '../format';
import { useDashboardCopy } from '../useDashboardCopy';

const copy = {
  zh: {
    title: (self: string, inspected: string) => `${self}与${inspected}的差距`,
    intro: (self: string, inspected: string) => `${self}总分减去${inspected}总分：正数表示学校给自己打分偏高。只列出两栏都已评分的已审核通过年报。`,
    summary: (rated: number, over: number, under: number) => `共 ${rated} 所学校，${over} 所自评偏高，${under} 所自评偏低。`,
    gap: '差值',
    overRated: '自评偏高最多的项目',
    none: '暂无学校同时有自评和考评。',
  },
  en: {
    title: (self: string, inspected: string) => `Self-assessment against inspection (${self} − ${inspected})`,
    intro: () => 'Self-assessment total minus the inspected total: a positive gap means the school rated itself higher. Only approved reports with both columns filled in.',
    summary: (rated: number, over: number, under: number) => `${rated} schools: ${over} rated themselves higher, ${under} lower.`,
    gap: 'Gap',
    overRated: 'Items over-rated most',
    none: 'No school has both a self-assessment and an inspection yet.',
  },
};

const signed = (n: number, lang: 'zh' | 'en') => `${n > 0 ? '+' : ''}${formatScore(n, lang) ?? ''}`;

/** 自评 − 考评 per school, largest over-rating first; nothing when the year's rubric has no such columns. */
export function SelfGaps({ year, headingLevel = 2, forPrint = false, prefix = '' }: { year: number; headingLevel?: 2 | 3; forPrint?: boolean; prefix?: string }) {
  const { c, labelKey } = useDashboardCopy();
  const trpc = useTRPC();
  const gaps = useQuery(trpc.dashboard.selfGaps.queryOptions({ year }));
  const t = copy[labelKey];
  if (gaps.isError) return <ErrorState error={gaps.error} onRetry={() => void gaps.refetch()} />;
  if (!gaps.data) return forPrint ? null : <LoadingState />;
  const data = gaps.data;
  if (!data.applicable || !data.selfLabelZh || !data.inspectedLabelZh) return null;
  // Rater names are the rubric's data (Chinese as entered); the English copy names the columns generically.
  const self = data.selfLabelZh;
  const inspected = data.inspectedLabelZh;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={forPrint ? 'print-section' : 'dash-section'} aria-labelledby="self-gaps-title" data-testid="self-gaps">
      <Heading id="self-gaps-title" className={forPrint ? undefined : 'dash-section__title'}>
        {prefix}
        {labelKey === 'en' ? t.title('self', 'inspection') : t.title(self, inspected)}
      </Heading>
      <p className="muted">{t.intro(self, inspected)}</p>
      {data.rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.summary(data.summary.rated, data.summary.overRating, data.summary.underRating)}</p>
          <div className="table-scroll">
            <table className="data-table compact-table">
              <thead>
                <tr>
                  <th scope="col">{c.common.school}</th>
                  <th scope="col" className="num" data-user-content="">
                    {self}
                  </th>
                  <th scope="col" className="num" data-user-content="">
                    {inspected}
                  </th>
                  <th scope="col" className="num">
                    {t.gap}
                  </th>
                  <th scope="col" className="num">
                    {c.common.combinedScore}
                  </th>
                  <th scope="col">{t.overRated}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.reportId} className={r.gap > 0 ? 'self-gap--over' : undefined}>
                    <th scope="row">{forPrint ? r.schoolName : <Link to={`/dashboard/schools/${r.schoolId}`}>{r.schoolName}</Link>}</th>
                    <td className="num">{formatScore(r.selfTotal, labelKey)}</td>
                    <td className="num">{formatScore(r.inspectedTotal, labelKey)}</td>
                    <td className="num">
                      <strong>{signed(r.gap, labelKey)}</strong>
                    </td>
                    <td className="num">{formatScore(r.combined, labelKey)}</td>
                    <td data-user-content="">{r.overRated.map((i) => `${i.titleZh} ${signed(i.gap, labelKey)}`).join('；') || c.common.noValue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
