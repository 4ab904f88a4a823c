import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../../app/trpc';
import { Page, useDocumentTitle } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { useMe } from '../../auth/me';
import { DashboardNav } from '../DashboardNav';
import { DistrictDrillBanner, useDistrictDrill } from '../districts/DistrictDrill';
import { formatScore } from '../format';
import { CompletionPanel } from '../overview/CompletionPanel';
import { Highlights } from '../overview/Highlights';
import { KeyIndicatorCards } from '../overview/KeyIndicatorCards';
import { ScoreDistributionChart } from '../overview/ScoreDistributionChart';
import { StarCounts } from '../overview/StarCounts';
import type { Overview } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';
import { useDashboardYear } from '../useDashboardYear';
import { YearSelect } from '../YearSelect';
import { CombinedScoreNote, ScoreKindProvider } from '../scoreKind';
import { SelfGaps } from '../overview/SelfGaps';

/** 年度概览: completion, key indicators and the score distribution of one year. */
export function OverviewPage() {
  const { c } = useDashboardCopy();
  const trpc = useTRPC();
  const { year, years, setYear, query: yearsQuery } = useDashboardYear();
  useDocumentTitle(c.overview.title);
  const districtId = useDistrictDrill();
  const overview = useQuery({ ...trpc.dashboard.overview.queryOptions({ year: year ?? 0, districtId }), enabled: year !== undefined });
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions({ year: year ?? 0 }), enabled: year !== undefined, staleTime: 5 * 60_000 });

  return (
    <Page title={c.overview.title} before={<DashboardNav />} lead={<p>{c.overview.intro}</p>}>
      <DistrictDrillBanner />
      <div className="filters dash-toolbar">
        <YearSelect year={year} years={years} onChange={setYear} />
        <p className="approved-note">{c.common.approvedOnly}</p>
      </div>
      {yearsQuery.isError ? (
        <ErrorState error={yearsQuery.error} onRetry={() => void yearsQuery.refetch()} />
      ) : yearsQuery.isSuccess && years.length === 0 ? (
        <EmptyState title={c.common.noYears} />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !overview.data ? (
        <LoadingState />
      ) : (
        <ScoreKindProvider year={overview.data.year}>
          <OverviewBody overview={overview.data} catalogue={catalogue.data ?? []} districtId={districtId} />
        </ScoreKindProvider>
      )}
    </Page>
  );
}

function OverviewBody({ overview, catalogue, districtId }: { overview: Overview; catalogue: Parameters<typeof KeyIndicatorCards>[0]['catalogue']; districtId: number | undefined }) {
  const { c, labelKey } = useDashboardCopy();
  const me = useMe();
  const noApproved = overview.statusCounts.approved === 0;
  return (
    <>
      <CombinedScoreNote />
      {noApproved ? null : <Highlights year={overview.year} districtId={districtId} />}
      {overview.own && me.schoolId ? (
        <section className="dash-section own-standing" aria-labelledby="own-title">
          <h2 id="own-title" className="dash-section__title">
            {c.overview.ownTitle}
          </h2>
          <p>{c.overview.ownBody(formatScore(overview.own.score, labelKey) ?? '', overview.own.rank, overview.own.of)}</p>
          <Link to={`/dashboard/schools/${me.schoolId}`}>{c.overview.ownLink}</Link>
        </section>
      ) : null}
      <CompletionPanel overview={overview} />
      {noApproved ? (
        <EmptyState title={c.common.noApproved}>
          <p>{c.common.noApprovedHint}</p>
        </EmptyState>
      ) : (
        <>
          <KeyIndicatorCards overview={overview} catalogue={catalogue} />
          <div className="dash-columns">
            <ScoreDistributionChart scores={overview.scores} />
            <StarCounts stars={overview.scores.stars} />
          </div>
          <SelfGaps year={overview.year} />
        </>
      )}
    </>
  );
}
