import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { scalesPerHundredStaff } from '@union/domain';
import { useId } from 'react';
import { useTRPC } from '../../../app/trpc';
import { Page, useDocumentTitle } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { DashboardNav } from '../DashboardNav';
import { IndicatorSelect } from '../trends/IndicatorSelect';
import { ProgressSection } from '../trends/ProgressSection';
import { SchoolChooser } from '../trends/SchoolChooser';
import { TrendChart } from '../trends/TrendChart';
import { useTrendParams } from '../trends/useTrendParams';
import { useDashboardCopy } from '../useDashboardCopy';
import { useDashboardYear } from '../useDashboardYear';
import { YearSelect } from '../YearSelect';
import { GroupControls, useGroupName, useGroupParams, useGroupsCopy } from '../groups';

/** 趋势与进步: an indicator over the years, and the progress ranking of one year. */
export function TrendsPage() {
  const { c } = useDashboardCopy();
  const trpc = useTRPC();
  useDocumentTitle(c.trends.title);
  const { year, years, setYear, query: yearsQuery } = useDashboardYear();
  const { state, update } = useTrendParams();
  const groups = useGroupParams();
  const groupName = useGroupName(groups.group);
  const { g } = useGroupsCopy();
  const per100Id = useId();
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions({ year: year ?? 0 }), enabled: year !== undefined, staleTime: 5 * 60_000 });
  const schools = useQuery({ ...trpc.schools.list.queryOptions({}), staleTime: 5 * 60_000 });
  const trend = useQuery({ ...trpc.dashboard.trend.queryOptions({ code: state.code, perHundredStaff: state.perHundredStaff, schoolIds: state.schoolIds, group: groups.group, by: groups.by }), placeholderData: keepPreviousData });
  const progress = useQuery({ ...trpc.dashboard.progress.queryOptions({ year: year ?? 0 }), enabled: year !== undefined });
  const indicator = catalogue.data?.find((i) => i.code === state.code);
  // The domain's rule (shared with the server): shares, scores and the staff total are never per 100 staff.
  const per100Applies = !indicator || scalesPerHundredStaff(indicator);
  const per100HintId = useId();
  const inherited = trend.data?.schools.filter((s) => s.inheritedYears.length > 0) ?? [];

  return (
    <Page title={c.trends.title} before={<DashboardNav />} lead={<p>{c.trends.intro}</p>}>
      <p className="approved-note">
        {c.common.approvedOnly}
        {groupName ? <strong className="group-note"> {g.filteredTo(groupName)}</strong> : null}
      </p>
      <form className="filters dash-toolbar" aria-label={c.compare.filters} onSubmit={(e) => e.preventDefault()}>
        {catalogue.data ? <IndicatorSelect catalogue={catalogue.data} value={state.code} onChange={(code) => update({ code })} /> : null}
        <div className="toggle-field">
          <label className="checkbox" htmlFor={per100Id}>
            <input
              id={per100Id}
              type="checkbox"
              role="switch"
              checked={state.perHundredStaff && per100Applies}
              disabled={!per100Applies}
              aria-describedby={per100Applies ? undefined : per100HintId}
              onChange={(e) => update({ per100: e.target.checked ? '1' : undefined })}
            />
            <span>{c.compare.per100}</span>
          </label>
          {per100Applies ? null : (
            <p id={per100HintId} className="form-field__hint">
              {c.trends.per100NotApplicable}
            </p>
          )}
        </div>
        <GroupControls group={groups.group} by={groups.by} onChange={groups.update} />
        <SchoolChooser
          schools={schools.data?.schools ?? []}
          chosen={state.schoolIds}
          onChange={(ids) => update({ schools: ids.length ? ids.join(',') : undefined })}
        />
      </form>
      {trend.isError && !trend.data ? (
        <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
      ) : !trend.data || !indicator ? (
        catalogue.isError ? <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} /> : <LoadingState />
      ) : trend.data.years.length === 0 ? (
        <EmptyState title={c.trends.noData} />
      ) : (
        <>
          <TrendChart trend={trend.data} indicator={indicator} openYears={years.filter((y) => y.isOpen).map((y) => y.year)} />
          {inherited.map((s) => (
            <p key={s.schoolId} className="approved-note">
              {c.trends.inheritedNote(s.schoolName, s.inheritedYears.join('、'))}
            </p>
          ))}
        </>
      )}

      <ProgressSection
        progress={progress.data}
        yearField={<YearSelect year={year} years={years} onChange={setYear} />}
        status={
          yearsQuery.isError ? (
            <ErrorState error={yearsQuery.error} onRetry={() => void yearsQuery.refetch()} />
          ) : progress.isError ? (
            <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
          ) : !progress.data ? (
            <LoadingState />
          ) : progress.data.rows.length === 0 ? (
            <EmptyState title={c.trends.progressEmpty} />
          ) : null
        }
      />
    </Page>
  );
}
