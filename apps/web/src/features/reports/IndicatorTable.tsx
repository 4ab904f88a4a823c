import type { IndicatorValues } from '@union/domain';
import { useI18n } from '../../i18n';
import type { CategoryGroup } from './categories';
import { compareWithPrevious, formatIndicatorValue, formatNumber } from '../../ui/format';

/** Read-only values of one category: this year, last year, and the change. */
export function IndicatorTable({
  group,
  values,
  previousValues,
  year,
}: {
  group: CategoryGroup;
  values: IndicatorValues;
  previousValues: IndicatorValues;
  year: number;
}) {
  const { t, labelKey, indicatorHelp } = useI18n();
  return (
    <table className="data-table indicator-table">
      <thead>
        <tr>
          <th scope="col">{t('report.colIndicator')}</th>
          <th scope="col" className="num">
            {t('report.colValue', { year })}
          </th>
          <th scope="col" className="num">
            {t('report.colPrevious', { year: year - 1 })}
          </th>
        </tr>
      </thead>
      <tbody>
        {group.indicators.map((indicator) => {
          const name = labelKey === 'en' ? indicator.nameEn : indicator.nameZh;
          const current = values[indicator.code];
          const previous = previousValues[indicator.code];
          const shown = formatIndicatorValue(current, indicator, labelKey);
          const previousShown = formatIndicatorValue(previous, indicator, labelKey);
          const change = compareWithPrevious(current, previous);
          const delta = change ? formatNumber(change.delta, indicator.valueType, labelKey) : '';
          const changeText =
            change?.direction === 'up'
              ? t('report.increase', { delta })
              : change?.direction === 'down'
                ? t('report.decrease', { delta })
                : change
                  ? t('report.same')
                  : null;
          return (
            <tr key={indicator.code}>
              <th scope="row" className="indicator-table__name">
                <span className="indicator-name">{name}</span>
                {indicatorHelp(indicator) ? (
                  <details className="help">
                    <summary aria-label={t('report.helpFor', { name })}>{t('report.help')}</summary>
                    <p>{indicatorHelp(indicator)}</p>
                  </details>
                ) : null}
              </th>
              <td className="num indicator-table__value" data-label={t('report.colValue', { year })}>
                <span className="value">
                  {shown ?? <span className="unfilled">{t('report.unfilled')}</span>}
                  {change && changeText ? (
                    <span className={`change change--${change.direction}`} title={changeText}>
                      <span aria-hidden="true">{change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '＝'}</span>
                      <span className="visually-hidden">{changeText}</span>
                    </span>
                  ) : null}
                </span>
              </td>
              <td className="num indicator-table__previous" data-label={t('report.colPrevious', { year: year - 1 })}>
                <span className="value">{previousShown ?? t('common.noValue')}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
