import type { YearOverYear } from '@union/domain';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../../app/trpc';
import { formatRatio, formatScore, formatShown, yoyShort } from '../format';
import type { CatalogueIndicator } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';
import { useDistrictsCopy } from './useDistrictsCopy';

export type DistrictComparison = RouterOutputs['dashboard']['districtComparison'];
type Row = DistrictComparison['districts'][number];

/** Where a district's name leads: that district's overview (its schools), same year. */
export function districtLink(id: number, year: number): string {
  return `/dashboard?district=${id}&year=${year}`;
}

function Change({ yoy, valueType }: { yoy: YearOverYear | null; valueType?: 'percent' | 'decimal' }) {
  const { c, labelKey } = useDashboardCopy();
  const short = yoyShort(yoy, labelKey, valueType);
  if (!short) return null;
  const word = yoy?.direction === 'up' ? c.common.up : yoy?.direction === 'down' ? c.common.down : c.common.flat;
  return (
    <span className={`yoy yoy--${yoy?.direction ?? 'flat'}`}>
      <span aria-hidden="true">{short.arrow}</span>
      <span className="visually-hidden">{word}</span> {short.text}
    </span>
  );
}

/** One row per district: schools, progress, scores; the name opens the district. */
export function DistrictSummaryTable({ data }: { data: DistrictComparison }) {
  const { labelKey } = useDashboardCopy();
  const c = useDistrictsCopy();
  const none = '—';
  const completionYoy = (r: Row): YearOverYear | null =>
    r.previousCompletionRate === null ? null : { change: (r.completionRate - r.previousCompletionRate) * 100, changeRatio: null, direction: r.completionRate > r.previousCompletionRate ? 'up' : r.completionRate < r.previousCompletionRate ? 'down' : 'flat' };
  return (
    <div className="table-scroll">
      <table className="data-table district-table">
        <thead>
          <tr>
            <th scope="col">{c.district}</th>
            <th scope="col" className="num">{c.schools}</th>
            <th scope="col" className="num">{c.handedIn}</th>
            <th scope="col" className="num">{c.approved}</th>
            <th scope="col" className="num">{c.completion}</th>
            <th scope="col" className="num">{c.scoreMedian}</th>
            <th scope="col" className="num">{c.scored}</th>
          </tr>
        </thead>
        <tbody>
          {data.districts.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={districtLink(r.id, data.year)} data-user-content aria-label={c.open(r.name)}>
                  {r.name}
                </Link>
              </th>
              <td className="num" data-label={c.schools}>{r.schoolCount}</td>
              <td className="num" data-label={c.handedIn}>{r.handedIn}</td>
              <td className="num" data-label={c.approved}>{r.approved}</td>
              <td className="num" data-label={c.completion}>
                {formatRatio(r.completionRate, labelKey) ?? none} <Change yoy={completionYoy(r)} valueType="percent" />
              </td>
              <td className="num" data-label={c.scoreMedian}>
                {formatScore(r.scores.median, labelKey) ?? none} <Change yoy={r.scores.yoy} />
              </td>
              <td className="num" data-label={c.scored}>{r.scores.scoredSchools}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Indicators down, districts across: total, median and per 100 staff with the change from last year. */
export function DistrictIndicatorTable({ data, catalogue }: { data: DistrictComparison; catalogue: readonly CatalogueIndicator[] }) {
  const { labelKey } = useDashboardCopy();
  const c = useDistrictsCopy();
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  return (
    <div className="table-scroll">
      <table className="data-table district-indicators">
        <thead>
          <tr>
            <th scope="col">{labelKey === 'en' ? 'Indicator' : '指标'}</th>
            {data.districts.map((d) => (
              <th scope="col" key={d.id} className="num" data-user-content>
                {d.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.indicators.map(({ code, perHundredStaff }) => {
            const indicator = byCode.get(code);
            const format = indicator ?? { valueType: 'integer' as const, unit: '' };
            return (
              <tr key={code}>
                <th scope="row">{indicator ? (labelKey === 'en' ? indicator.nameEn : indicator.nameZh) : code}</th>
                {data.districts.map((d) => {
                  const f = d.indicators[code];
                  return (
                    <td key={d.id} className="num district-cell">
                      <span className="district-cell__total">
                        {c.total} {formatShown(f?.total, format, false, labelKey, true) ?? '—'}
                      </span>
                      <span className="district-cell__line">
                        {c.median} {formatShown(f?.median, format, false, labelKey) ?? '—'}
                      </span>
                      <span className="district-cell__line">
                        {c.per100} {perHundredStaff ? (formatShown(f?.per100, format, true, labelKey) ?? '—') : c.notApplicable} <Change yoy={f?.yoy ?? null} />
                      </span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
