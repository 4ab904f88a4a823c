import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { schoolTypeLabels, schoolTypes, type SchoolType } from '@union/domain';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/StatusBadge';
import { unitsOfKind } from '../../ui/org-tree';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { countStatuses } from './summary';

type SchoolRow = RouterOutputs['schools']['list']['schools'][number];

const SEARCH_DEBOUNCE_MS = 300;

function parsePositiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

function parseSchoolType(value: string | null): SchoolType | undefined {
  return (schoolTypes as readonly string[]).includes(value ?? '') ? (value as SchoolType) : undefined;
}

/** Filters live in the address (?year=&q=&cluster=&type=) so a filtered list can be bookmarked or shared. */
function useListFilters() {
  const [params, setParams] = useSearchParams();
  const filters = {
    year: parsePositiveInt(params.get('year')),
    search: (params.get('q') ?? '').trim(),
    clusterId: parsePositiveInt(params.get('cluster')),
    schoolType: parseSchoolType(params.get('type')),
  };
  const update = (changes: Record<string, string | undefined>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  };
  return { filters, update };
}

export function SchoolsPage() {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const { filters, update } = useListFilters();
  useDocumentTitle(t('schools.title'));

  // The search box updates at once; the address (and so the query) after a pause in typing.
  const [searchText, setSearchText] = useState(filters.search);
  const debouncedSearch = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debouncedSearch !== filters.search) update({ q: debouncedSearch || undefined });
    // Only the debounced text drives this; `filters`/`update` change on every render.
  }, [debouncedSearch]);

  const years = useQuery(trpc.reports.years.queryOptions());
  const orgTree = useQuery(trpc.schools.orgTree.queryOptions());
  const list = useQuery({
    ...trpc.schools.list.queryOptions({
      year: filters.year,
      search: filters.search || undefined,
      clusterId: filters.clusterId,
      schoolType: filters.schoolType,
    }),
    placeholderData: keepPreviousData,
  });

  const openYear = years.data?.find((y) => y.isOpen)?.year ?? years.data?.[0]?.year;
  const selectedYear = filters.year ?? list.data?.year ?? openYear;
  const clusters = orgTree.data ? unitsOfKind(orgTree.data, 'cluster') : [];
  const hasFilters = Boolean(filters.search || filters.clusterId || filters.schoolType);

  const clearFilters = () => {
    setSearchText('');
    update({ q: undefined, cluster: undefined, type: undefined });
  };

  const ids = { year: useId(), search: useId(), cluster: useId(), type: useId() };

  return (
    <Page title={t('schools.title')} lead={<p>{t('schools.intro')}</p>}>
      <form className="filters" role="search" aria-label={t('schools.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.year}>{t('schools.year')}</label>
          <select
            id={ids.year}
            value={selectedYear ?? ''}
            disabled={!years.data}
            onChange={(e) => update({ year: e.target.value === String(openYear) ? undefined : e.target.value })}
          >
            {selectedYear && !years.data ? <option value={selectedYear}>{t('common.yearOption', { year: selectedYear })}</option> : null}
            {years.data?.map((y) => (
              <option key={y.year} value={y.year}>
                {y.isOpen ? t('common.yearOpen', { year: y.year }) : t('common.yearOption', { year: y.year })}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor={ids.search}>{t('schools.search')}</label>
          <input
            id={ids.search}
            type="search"
            value={searchText}
            placeholder={t('schools.searchPlaceholder')}
            autoComplete="off"
            maxLength={50}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.cluster}>{t('schools.cluster')}</label>
          <select
            id={ids.cluster}
            value={filters.clusterId ?? ''}
            onChange={(e) => update({ cluster: e.target.value || undefined })}
          >
            <option value="">{t('schools.allClusters')}</option>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.type}>{t('schools.schoolType')}</label>
          <select id={ids.type} value={filters.schoolType ?? ''} onChange={(e) => update({ type: e.target.value || undefined })}>
            <option value="">{t('schools.allTypes')}</option>
            {schoolTypes.map((type) => (
              <option key={type} value={type}>
                {label(schoolTypeLabels[type])}
              </option>
            ))}
          </select>
        </div>
        {hasFilters ? (
          <div className="field field--action">
            <button type="button" className="button button--secondary" onClick={clearFilters}>
              {t('schools.clearFilters')}
            </button>
          </div>
        ) : null}
      </form>

      {list.isPending ? (
        <LoadingState />
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.schools.length === 0 ? (
        <EmptyState
          title={t('schools.empty')}
          action={
            hasFilters ? (
              <button type="button" className="button" onClick={clearFilters}>
                {t('schools.clearFilters')}
              </button>
            ) : undefined
          }
        >
          {hasFilters ? <p>{t('schools.emptyHint')}</p> : null}
        </EmptyState>
      ) : (
        <SchoolResults schools={list.data.schools} year={list.data.year ?? selectedYear} closed={years.data?.find((y) => y.year === (list.data.year ?? selectedYear))?.isOpen === false} refreshing={list.isFetching} />
      )}
      {list.isError && list.data ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
    </Page>
  );
}

/** `closed`: the year is closed for reporting, so a report never started is missing (缺报). */
function SchoolResults({ schools, year, closed, refreshing }: { schools: SchoolRow[]; year: number | undefined; closed: boolean; refreshing: boolean }) {
  const { t, label } = useI18n();
  const counts = countStatuses(schools);
  const extra = counts.draft + counts.returned > 0 ? t('schools.summaryMore', { draft: counts.draft, returned: counts.returned }) : '';
  const numberFormat = new Intl.NumberFormat();
  return (
    <section aria-labelledby="school-summary" className={refreshing ? 'results results--refreshing' : 'results'}>
      <p id="school-summary" className="summary" aria-live="polite">
        {t(closed ? 'schools.summaryClosed' : 'schools.summary', {
          total: counts.total,
          // Handed in and not yet approved by the district: cluster-approved reports too.
          submitted: counts.submitted + counts.cluster_approved,
          approved: counts.approved,
          notStarted: counts.not_started,
        })}
        {extra}
        {refreshing ? <span className="summary__updating"> {t('common.updating')}</span> : null}
      </p>
      <table className="data-table school-table">
        <caption className="visually-hidden">{year ? t('schools.tableCaption', { year }) : t('schools.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schools.colName')}</th>
            <th scope="col">{t('schools.colCluster')}</th>
            <th scope="col">{t('schools.colType')}</th>
            <th scope="col" className="num">
              {t('schools.colStaff')}
            </th>
            <th scope="col" className="num">
              {t('schools.colMembers')}
            </th>
            <th scope="col">{t('schools.colStatus', { year: year ?? '' })}</th>
          </tr>
        </thead>
        <tbody>
          {schools.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="school-table__name">
                {year ? <Link to={`/schools/${s.id}/reports/${year}`}>{s.name}</Link> : <Link to={`/schools/${s.id}`}>{s.name}</Link>}
              </th>
              <td data-label={t('schools.colCluster')}>{s.clusterName ?? t('schools.noCluster')}</td>
              <td data-label={t('schools.colType')}>{label(schoolTypeLabels[s.schoolType])}</td>
              <td data-label={t('schools.colStaff')} className="num">
                {numberFormat.format(s.staffCount)}
              </td>
              <td data-label={t('schools.colMembers')} className="num">
                {numberFormat.format(s.memberCount)}
              </td>
              <td data-label={t('schools.colStatus', { year: year ?? '' })}>
                <StatusBadge status={s.reportStatus} closed={closed} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
