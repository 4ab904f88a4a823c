import { useQuery } from '@tanstack/react-query';
import { comparisonRows } from '@union/domain';
import { useTRPC } from '../../../app/trpc';
import { useDocumentTitle } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { unitsOfKind } from '../../../ui/org-tree';
import { RankingChart } from '../compare/RankingChart';
import { DistrictSummaryDownload } from '../../documents';
import { DashboardNav } from '../DashboardNav';
import { formatDate } from '../../../ui/format';
import { ScoreDistributionChart } from '../overview/ScoreDistributionChart';
import { RankingTable } from '../print/RankingTable';
import { TopGaps } from '../print/TopGaps';
import { TotalsTable } from '../print/TotalsTable';
import { useDashboardCopy } from '../useDashboardCopy';
import { useDashboardYear } from '../useDashboardYear';
import { YearSelect } from '../YearSelect';
import { GroupControls, GroupSummaryTable, LeagueLegend, useGroupName, useGroupParams, useGroupsCopy } from '../groups';
import { CombinedScoreNote, ScoreKindProvider } from '../scoreKind';
import { SelfGaps } from '../overview/SelfGaps';

// Print charts at twice the screen resolution so they stay sharp on paper.
const PRINT_PIXEL_RATIO = 2;

/** 区级年度汇总: an A4 summary of one year (totals, ranking, charts, top gaps) to print or save as PDF. */
export function PrintSummaryPage() {
  const { c, labelKey } = useDashboardCopy();
  const trpc = useTRPC();
  const { year, years, setYear, query: yearsQuery } = useDashboardYear();
  const enabled = year !== undefined;
  const groups = useGroupParams();
  const groupName = useGroupName(groups.group);
  const { g } = useGroupsCopy();
  const overview = useQuery({ ...trpc.dashboard.overview.queryOptions({ year: year ?? 0, group: groups.group }), enabled });
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions({ year: year ?? 0 }), enabled, staleTime: 5 * 60_000 });
  const comparison = useQuery({ ...trpc.dashboard.comparison.queryOptions({ year: year ?? 0, codes: ['congress_sessions'], perHundredStaff: false, group: groups.group, by: groups.by }), enabled, select: comparisonRows });
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000 });
  const district = (tree.data ? unitsOfKind(tree.data, 'district')[0]?.name : undefined) ?? c.print.district;
  const heading = (year ? c.print.heading(district, year) : c.print.title) + (groupName ? ` · ${groupName}` : '');
  useDocumentTitle(heading);
  const error = yearsQuery.error ?? overview.error ?? comparison.error;
  const scored = comparison.data?.rows.filter((r) => r.score !== null) ?? [];

  return (
    <div className="page print-summary">
      <DashboardNav />
      <div className="print-toolbar no-print">
        <YearSelect year={year} years={years} onChange={setYear} />
        <GroupControls group={groups.group} by={groups.by} onChange={groups.update} />
        <button type="button" className="button" onClick={() => window.print()}>
          {c.print.print}
        </button>
        {year !== undefined ? <DistrictSummaryDownload year={year} /> : null}
        <p className="muted">{c.print.intro}</p>
      </div>
      <header className="print-header">
        <h1 className="page__title">{heading}</h1>
        <p className="muted">
          {c.print.generated(formatDate(new Date(), labelKey) ?? '')} · {c.common.approvedOnly}
          {groupName ? ` · ${g.filteredTo(groupName)}` : ''}
        </p>
      </header>
      {error ? (
        <ErrorState error={error} onRetry={() => void (overview.isError ? overview.refetch() : comparison.refetch())} />
      ) : !overview.data || !comparison.data ? (
        <LoadingState />
      ) : overview.data.statusCounts.approved === 0 ? (
        <EmptyState title={c.common.noApproved} />
      ) : (
        <ScoreKindProvider year={year}>
          <CombinedScoreNote />
          <section className="print-section" aria-labelledby="p-totals">
            <h2 id="p-totals">{c.print.totals}</h2>
            <TotalsTable overview={overview.data} catalogue={catalogue.data ?? []} />
          </section>
          {comparison.data.groupBy ? (
            <div className="print-section">
              <GroupSummaryTable data={comparison.data} />
            </div>
          ) : null}
          <section className="print-section" aria-labelledby="p-ranking">
            <h2 id="p-ranking">{c.print.ranking}</h2>
            <RankingTable rows={scored} />
            <LeagueLegend />
          </section>
          <section className="print-section print-section--charts" aria-labelledby="p-charts">
            <h2 id="p-charts">{c.print.charts}</h2>
            <ScoreDistributionChart scores={overview.data.scores} headingLevel={3} pixelRatio={PRINT_PIXEL_RATIO} forPrint />
            <RankingChart rows={scored} headingLevel={3} pixelRatio={PRINT_PIXEL_RATIO} compact forPrint />
          </section>
          <section className="print-section" aria-labelledby="p-gaps">
            <h2 id="p-gaps">{c.print.gaps}</h2>
            <TopGaps rows={scored} year={year!} />
          </section>
          <SelfGaps year={year!} forPrint prefix={labelKey === 'en' ? '5. ' : '五、'} />
        </ScoreKindProvider>
      )}
    </div>
  );
}
