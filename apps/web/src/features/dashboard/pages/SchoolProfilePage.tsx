import { useQuery } from '@tanstack/react-query';
import { schoolTypeLabels } from '@union/domain';
import { Link, useParams } from 'react-router';
import { errorCode, useTRPC, useTRPCClient } from '../../../app/trpc';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { Page, useDocumentTitle } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { DashboardNav } from '../DashboardNav';
import { ExportButton } from '../ExportButton';
import { formatScore, starText } from '../format';
import { CategoryRadar } from '../profile/CategoryRadar';
import { GapsList } from '../profile/GapsList';
import { ScoreTrendChart } from '../profile/ScoreTrendChart';
import type { SchoolProfile } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';
import { LeagueBadge, LeagueLegend, RankHistory } from '../groups';
import { ScoreKindProvider } from '../scoreKind';

/** 学校概况: one school's score and rank over the years, category radar, gaps and yearly reports. */
export function SchoolProfilePage() {
  const { c } = useDashboardCopy();
  const trpc = useTRPC();
  const schoolId = Number(useParams().schoolId);
  const valid = Number.isInteger(schoolId) && schoolId > 0;
  const profile = useQuery({ ...trpc.dashboard.schoolProfile.queryOptions({ schoolId: valid ? schoolId : 1 }), enabled: valid });
  useDocumentTitle(profile.data ? `${profile.data.schoolName} · ${c.profile.title}` : c.profile.title);

  // Another school's profile (a chair) answers like one that does not exist: the same page as elsewhere, no 重试.
  const code = profile.isError ? errorCode(profile.error) : undefined;
  if (!valid || code === 'NOT_FOUND' || code === 'FORBIDDEN') return <NotFoundPage message={profile.error?.message} />;
  if (profile.isError) {
    return (
      <Page title={c.profile.title} before={<DashboardNav />}>
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      </Page>
    );
  }
  if (!profile.data) {
    return (
      <Page title={c.profile.title} before={<DashboardNav />}>
        <LoadingState />
      </Page>
    );
  }
  return (
    <ScoreKindProvider kind={profile.data.scoreKind}>
      <ProfileBody profile={profile.data} />
    </ScoreKindProvider>
  );
}

function ProfileBody({ profile }: { profile: SchoolProfile }) {
  const { c, label, labelKey } = useDashboardCopy();
  const client = useTRPCClient();
  const latest = profile.history.find((h) => h.year === profile.latestYear);
  return (
    <Page
      title={profile.schoolName}
      before={<DashboardNav />}
      lead={
        <p>
          {c.profile.title} · {label(schoolTypeLabels[profile.schoolType])}
        </p>
      }
    >
      <p className="approved-note">{c.common.approvedOnly}</p>
      {latest && latest.score !== null ? (
        <dl className="profile-facts">
          <div>
            <dt>{c.profile.latestScore}</dt>
            <dd>
              <span className="big-number">{formatScore(latest.score, labelKey)}</span> <span className="muted">{c.profile.latestYear(latest.year)}</span>
            </dd>
          </div>
          <div>
            <dt>{c.common.stars}</dt>
            <dd>
              <span className="stars stars--big" aria-hidden="true">
                {starText(latest.stars)}
              </span>
              <span className="visually-hidden">{latest.stars}</span>
            </dd>
          </div>
          <div>
            <dt>{c.common.rank}</dt>
            <dd>
              {latest.rank == null ? c.common.noValue : c.common.rankOf(latest.rank, latest.of)}{' '}
              <LeagueBadge movement={latest.movement} change={latest.rankChange} previousRank={latest.previousRank} inherited={latest.inheritedRank} />
            </dd>
          </div>
          <div>
            <dt>{c.common.median}</dt>
            <dd>{formatScore(latest.districtMedian, labelKey) ?? c.common.noValue}</dd>
          </div>
        </dl>
      ) : (
        <EmptyState title={c.profile.noScore} />
      )}
      {latest && latest.score !== null ? (
        <>
          <RankHistory history={profile.history} />
          <LeagueLegend />
        </>
      ) : null}
      {profile.history.length > 0 ? <ScoreTrendChart history={profile.history} /> : null}
      {profile.latestYear !== null ? (
        <div className="dash-columns">
          {profile.categories.length > 0 ? <CategoryRadar categories={profile.categories} year={profile.latestYear} /> : null}
          <GapsList gaps={profile.gaps} year={profile.latestYear} />
        </div>
      ) : null}
      <section className="dash-section" aria-labelledby="reports-title">
        <h2 id="reports-title" className="dash-section__title">
          {c.profile.reports}
        </h2>
        <ul className="report-links">
          {[...profile.history].reverse().map((h) => (
            <li key={h.year}>
              <Link to={`/schools/${profile.schoolId}/reports/${h.year}`}>{c.profile.reportLink(h.year)}</Link>
            </li>
          ))}
        </ul>
        <ExportButton label={c.profile.exportHistory} exportFile={() => client.excel.exportSchoolProfile.mutate({ schoolId: profile.schoolId })} />
      </section>
    </Page>
  );
}
