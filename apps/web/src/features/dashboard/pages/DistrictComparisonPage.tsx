import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../app/trpc';
import { Page, useDocumentTitle } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { DashboardNav } from '../DashboardNav';
import { DistrictScoreChart } from '../districts/DistrictScoreChart';
import { DistrictIndicatorTable, DistrictSummaryTable } from '../districts/DistrictTables';
import { useDistrictsCopy } from '../districts/useDistrictsCopy';
import { useDashboardCopy } from '../useDashboardCopy';
import { useDashboardYear } from '../useDashboardYear';
import { YearSelect } from '../YearSelect';

/** 各区对比 (city staff): every district of the city side by side; a district's name opens its schools. */
export function DistrictComparisonPage() {
  const { c: dash } = useDashboardCopy();
  const c = useDistrictsCopy();
  const trpc = useTRPC();
  const { year, years, setYear, query: yearsQuery } = useDashboardYear();
  useDocumentTitle(c.title);
  const enabled = year !== undefined;
  const data = useQuery({ ...trpc.dashboard.districtComparison.queryOptions({ year: year ?? 0 }), enabled });
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions({ year: year ?? 0 }), enabled, staleTime: 5 * 60_000 });
  const error = yearsQuery.error ?? data.error;

  return (
    <Page title={c.title} before={<DashboardNav />} lead={<p>{c.intro}</p>}>
      <div className="filters dash-toolbar">
        <YearSelect year={year} years={years} onChange={setYear} />
        <p className="approved-note">{dash.common.approvedOnly}</p>
      </div>
      {error ? (
        <ErrorState error={error} onRetry={() => void (yearsQuery.isError ? yearsQuery.refetch() : data.refetch())} />
      ) : yearsQuery.isSuccess && years.length === 0 ? (
        <EmptyState title={dash.common.noYears} />
      ) : !data.data ? (
        <LoadingState />
      ) : data.data.districts.length === 0 ? (
        <EmptyState title={c.empty}>
          <p>{c.emptyHint}</p>
        </EmptyState>
      ) : (
        <>
          <section className="dash-section" aria-labelledby="districts-title">
            <h2 id="districts-title" className="dash-section__title">
              {c.tableTitle}
            </h2>
            <DistrictSummaryTable data={data.data} />
          </section>
          <DistrictScoreChart data={data.data} />
          <section className="dash-section" aria-labelledby="district-indicators-title">
            <h2 id="district-indicators-title" className="dash-section__title">
              {c.indicatorsTitle}
            </h2>
            <p className="legend">{c.indicatorsHint}</p>
            <DistrictIndicatorTable data={data.data} catalogue={catalogue.data ?? []} />
          </section>
        </>
      )}
    </Page>
  );
}
