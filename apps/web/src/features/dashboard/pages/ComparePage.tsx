import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { comparisonRows } from '@union/domain';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { Page, useDocumentTitle } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { CategoryHeatmap } from '../compare/CategoryHeatmap';
import { CompareFilters } from '../compare/CompareFilters';
import { ComparisonTable } from '../compare/ComparisonTable';
import { DistributionChart } from '../compare/DistributionChart';
import { IndicatorPicker } from '../compare/IndicatorPicker';
import { RankingChart } from '../compare/RankingChart';
import { useCompareParams } from '../compare/useCompareParams';
import { DashboardNav } from '../DashboardNav';
import { DistrictDrillBanner, useDistrictDrill } from '../districts/DistrictDrill';
import { ExportButton } from '../ExportButton';
import { useDashboardCopy } from '../useDashboardCopy';
import { useDashboardYear } from '../useDashboardYear';
import { YearSelect } from '../YearSelect';
import { GroupControls, GroupSummaryTable, LeagueLegend, useGroupName, useGroupParams, useGroupsCopy } from '../groups';
import { CombinedScoreNote, ScoreKindProvider } from '../scoreKind';

/** 学校对比: the comparison table, the ranking and distribution charts, and the category heatmap. */
export function ComparePage() {
  const { c } = useDashboardCopy();
  const trpc = useTRPC();
  const client = useTRPCClient();
  useDocumentTitle(c.compare.title);
  const { year, years, setYear, query: yearsQuery } = useDashboardYear();
  const { state, update } = useCompareParams();
  const groups = useGroupParams();
  const { g } = useGroupsCopy();
  const groupName = useGroupName(groups.group);
  const districtId = useDistrictDrill();
  const enabled = year !== undefined;
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions({ year: year ?? 0 }), enabled, staleTime: 5 * 60_000 });
  // Codes the year's catalogue does not have are dropped rather than failing the whole table.
  const known = catalogue.data ? state.codes.filter((code) => catalogue.data.some((i) => i.code === code)) : state.codes;
  const codes = known.length ? known : state.codes;
  const comparison = useQuery({
    ...trpc.dashboard.comparison.queryOptions({
      year: year ?? 0,
      codes,
      perHundredStaff: state.perHundredStaff,
      clusterId: state.clusterId,
      schoolType: state.schoolType,
      sizeBand: state.sizeBand,
      group: groups.group,
      by: groups.by,
      districtId,
    }),
    enabled: enabled && catalogue.isSuccess,
    placeholderData: keepPreviousData,
    select: comparisonRows,
  });
  const heatmap = useQuery({ ...trpc.dashboard.heatmap.queryOptions({ year: year ?? 0, districtId }), enabled });
  const shownIds = useMemo(() => new Set(comparison.data?.rows.map((r) => r.schoolId)), [comparison.data]);
  const hasScores = comparison.data?.rows.some((r) => r.score !== null) ?? false;
  const hasValues = comparison.data?.rows.some((r) => Object.values(r.cells).some((cell) => cell.value !== null)) ?? false;

  const error = yearsQuery.error ?? catalogue.error ?? (comparison.data ? null : comparison.error);
  return (
    <Page title={c.compare.title} before={<DashboardNav />} lead={<p>{c.compare.intro}</p>}>
      <DistrictDrillBanner />
      <CompareFilters
        state={state}
        update={update}
        yearField={<YearSelect year={year} years={years} onChange={setYear} />}
        groupFields={<GroupControls group={groups.group} by={groups.by} onChange={groups.update} />}
      />
      <div className="dash-toolbar-row">
        {catalogue.data ? <IndicatorPicker catalogue={catalogue.data} codes={codes} onChange={(next) => update({ codes: next.join(',') })} /> : null}
        {year !== undefined ? (
          <ExportButton
            label={c.compare.export}
            exportFile={() =>
              client.excel.exportComparison.mutate({
                year,
                codes,
                perHundredStaff: state.perHundredStaff,
                clusterId: state.clusterId,
                schoolType: state.schoolType,
                sizeBand: state.sizeBand,
                group: groups.group,
              })
            }
          />
        ) : null}
      </div>
      <p className="approved-note">
        {c.common.approvedOnly}
        {groupName ? <strong className="group-note"> {g.filteredTo(groupName)}</strong> : null}
      </p>
      {error ? (
        <ErrorState error={error} onRetry={() => void (yearsQuery.isError ? yearsQuery.refetch() : catalogue.isError ? catalogue.refetch() : comparison.refetch())} />
      ) : !comparison.data ? (
        <LoadingState />
      ) : comparison.data.rows.length === 0 ? (
        <EmptyState title={c.compare.empty}>
          <p>{c.compare.emptyHint}</p>
        </EmptyState>
      ) : !hasScores && !hasValues ? (
        <EmptyState title={c.common.noApproved}>
          <p>{c.common.noApprovedHint}</p>
        </EmptyState>
      ) : (
        <ScoreKindProvider year={year}>
          <CombinedScoreNote />
          <section className={`dash-section${comparison.isFetching ? ' is-refreshing' : ''}`} aria-labelledby="compare-table-title" aria-busy={comparison.isFetching}>
            <div className="dash-section__head">
              <h2 id="compare-table-title" className="dash-section__title">
                {c.compare.tableTitle}
              </h2>
              <span className="muted">{c.compare.schoolsShown(comparison.data.rows.length)}</span>
            </div>
            <p className="legend">{c.compare.legend}</p>
            <LeagueLegend />
            <ComparisonTable data={comparison.data} />
          </section>
          <GroupSummaryTable data={comparison.data} />
          {comparison.isError ? <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} /> : null}
          <div className="dash-columns">
            {hasScores ? <RankingChart rows={comparison.data.rows} /> : null}
            <DistributionChart key={comparison.data.indicators.map((i) => i.code).join()} data={comparison.data} />
          </div>
          {heatmap.isError ? (
            <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} />
          ) : heatmap.data && heatmap.data.rows.length > 0 ? (
            <CategoryHeatmap data={heatmap.data} schoolIds={shownIds} />
          ) : heatmap.isPending ? (
            <LoadingState />
          ) : null}
        </ScoreKindProvider>
      )}
    </Page>
  );
}
