import type { Indicator, IndicatorValues, OutlierWarning } from '@union/domain';
import type { ReactNode } from 'react';
import type { RouterOutputs } from '../../app/trpc';
import { compareWithPrevious, formatIndicatorValue, formatNumber } from '../../ui/format';
import { SourceNote } from '../../ui/SourceNote';
import { CategoryNav, CategorySection, type CategoryGroup } from '../reports/categories';
import { formatRelativeChange, isBigChange, relativeChange } from '../../ui/relative-change';
import { useReviewCopy } from './messages';

type ReportDetail = NonNullable<RouterOutputs['reports']['get']['report']>;

/**
 * The review page's figures: this year against last year by category, with the
 * change, the relative change (「新增」 from 0, 个百分点 for percentages), outlier
 * warnings, the chair's explanations and each imported value's 「来自总结」 source.
 */
export function ReviewValues({
  groups,
  report,
  previousYearValues,
  warnings,
  year,
  commentToggle,
}: {
  groups: readonly CategoryGroup[];
  report: ReportDetail;
  previousYearValues: IndicatorValues;
  warnings: readonly OutlierWarning[];
  year: number;
  /** The reviewer's 批注 control for a field (null when not commenting). */
  commentToggle(path: string, name: string): ReactNode;
}) {
  const { c, t, labelKey } = useReviewCopy();
  const warningByCode = new Map(warnings.map((w) => [w.code, w]));
  const name = (i: Indicator) => (labelKey === 'en' ? i.nameEn : i.nameZh);
  return (
    <section className="report-section" aria-labelledby="review-values">
      <h2 id="review-values">{c.valuesTitle}</h2>
      <p className="muted">
        {c.valuesIntro} {warnings.length ? <strong>{c.warningsCount(warnings.length)}</strong> : c.noWarnings}
      </p>
      <CategoryNav groups={groups} />
      {groups.map((group) => (
        <CategorySection key={group.category} group={group}>
          <table className="data-table card-table review-table">
            <thead>
              <tr>
                <th scope="col">{c.colIndicator}</th>
                <th scope="col" className="num">
                  {c.colThisYear(year)}
                </th>
                <th scope="col" className="num">
                  {c.colLastYear(year - 1)}
                </th>
                <th scope="col" className="num">
                  {c.colChange}
                </th>
                <th scope="col" className="num">
                  {c.colPct}
                </th>
              </tr>
            </thead>
            <tbody>
              {group.indicators.map((indicator) => {
                const cur = report.values[indicator.code];
                const prev = previousYearValues[indicator.code];
                const change = compareWithPrevious(cur, prev);
                const relative = relativeChange(cur, prev, indicator.valueType);
                const relativeText = formatRelativeChange(relative, c.relativeChange);
                const source = report.sources[indicator.code];
                const warning = warningByCode.get(indicator.code);
                const explanation = report.explanations[indicator.code];
                const path = `values.${indicator.code}`;
                return (
                  <tr key={indicator.code} className={warning ? 'review-row--warn' : undefined} data-field={path}>
                    <th scope="row">
                      {name(indicator)}
                      {warning ? (
                        <span className="review-warning">
                          ⚠ {warning.message}
                        </span>
                      ) : null}
                      {explanation ? (
                        <span className="review-explanation" lang="zh-CN" data-user-content>
                          {c.explanation}
                          {explanation}
                        </span>
                      ) : null}
                      {commentToggle(path, name(indicator))}
                    </th>
                    <td className="num" data-label={c.colThisYear(year)}>
                      {formatIndicatorValue(cur, indicator, labelKey) ?? <span className="unfilled">{t('report.unfilled')}</span>}
                      {source ? <SourceNote source={source} name={name(indicator)} /> : null}
                    </td>
                    <td className="num" data-label={c.colLastYear(year - 1)}>
                      {formatIndicatorValue(prev, indicator, labelKey) ?? t('common.noValue')}
                    </td>
                    <td className="num" data-label={c.colChange}>
                      {change ? (change.direction === 'same' ? '0' : `${change.direction === 'up' ? '+' : '−'}${formatNumber(change.delta, indicator.valueType, labelKey)}`) : t('common.noValue')}
                    </td>
                    <td className="num" data-label={c.colPct}>
                      {relativeText === null ? (
                        t('common.noValue')
                      ) : (
                        <span className={`pct--${change?.direction === 'up' ? 'up' : change?.direction === 'down' ? 'down' : 'same'}${isBigChange(relative) ? ' pct--big' : ''}`}>{relativeText}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </CategorySection>
      ))}
    </section>
  );
}
