import { useQuery } from '@tanstack/react-query';
import { isEditableByChair, narrativeSectionLabels, narrativeSections, schoolTypeLabels, type Indicator } from '@union/domain';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { errorCode, useTRPC, type RouterOutputs } from '../../app/trpc';
import { isStaff } from '../../app/access';
import { useMe } from '../auth/me';
import { useI18n, type LabelKey } from '../../i18n';
import { EvidenceAttachments } from '../../ui/evidence/EvidenceAttachments';
import { Page, useDocumentTitle } from '../../ui/Page';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/StatusBadge';
import { CategoryNav, CategorySection, groupCatalogue } from './categories';
import { formatDate, narrativeParagraphs } from '../../ui/format';
import { IndicatorTable } from './IndicatorTable';
import { useReportFormCopy } from './messages';
import { ReportForm } from './ReportForm';
import { latestComments } from './ReportComments';
import { SelfScorePanel } from './SelfScorePanel';
import { PaperCopyDownloads } from '../documents';
import './reporting.css';
import { HonoursTable } from '../../ui/HonoursTable';

type ReportView = RouterOutputs['reports']['get'];
type SchoolView = ReportView['school'];
type ReportDetail = NonNullable<ReportView['report']>;

function parseId(value: string | undefined): number | null {
  return value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

function parseYear(value: string | undefined): number | null {
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

/** `/schools/:id` opens the school's report for the open year. */
export function SchoolRedirect() {
  const trpc = useTRPC();
  const schoolId = parseId(useParams().schoolId);
  const years = useQuery(trpc.reports.years.queryOptions());
  if (schoolId === null) return <InvalidAddress />;
  if (years.isPending) return <LoadingState />;
  if (years.isError) return <ErrorState error={years.error} onRetry={() => void years.refetch()} />;
  const year = years.data.find((y) => y.isOpen)?.year ?? years.data[0]?.year;
  return <Navigate to={year ? `/schools/${schoolId}/reports/${year}` : '/schools'} replace />;
}

function InvalidAddress() {
  const { t } = useI18n();
  return <NotFoundPage message={t('report.invalidParams')} />;
}


export function SchoolReportPage() {
  const params = useParams();
  const schoolId = parseId(params.schoolId);
  const year = parseYear(params.year);
  if (schoolId === null || year === null) return <InvalidAddress />;
  return <SchoolReport schoolId={schoolId} year={year} />;
}

function Breadcrumb({ current }: { current: string }) {
  const { t } = useI18n();
  // A chair has no school list to go back to.
  if (!isStaff(useMe().role)) return null;
  return (
    <nav className="breadcrumb" aria-label={t('report.breadcrumb')}>
      <ol>
        <li>
          <Link to="/schools">{t('nav.schools')}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

function SchoolReport({ schoolId, year }: { schoolId: number; year: number }) {
  const { t, label, labelKey } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  const { c } = useReportFormCopy();
  const isOwnChair = me.role === 'school_chair' && me.schoolId === schoolId;
  // The chair's form starts from a fresh copy (a cached one could carry an old version).
  const view = useQuery({ ...trpc.reports.get.queryOptions({ schoolId, year }), refetchOnMount: isOwnChair ? 'always' : true });
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions(), staleTime: 10 * 60_000 });
  const [justSubmitted, setJustSubmitted] = useState(false);
  useDocumentTitle(view.data ? `${view.data.school.name} ${year}` : null);

  if (view.isError && !view.data && errorCode(view.error) === 'NOT_FOUND') return <NotFoundPage message={view.error.message} />;
  if (view.isError || catalogue.isError) {
    const failed = view.isError ? view : catalogue;
    return (
      <Page title={t('report.pageTitle', { year })} before={<Breadcrumb current={t('report.pageTitle', { year })} />}>
        <ErrorState
          error={failed.error}
          onRetry={() => {
            if (view.isError) void view.refetch();
            if (catalogue.isError) void catalogue.refetch();
          }}
        />
      </Page>
    );
  }
  if (view.isPending || catalogue.isPending || (isOwnChair && !view.isFetchedAfterMount)) return <LoadingState />;

  const { school, status, report, previousYearValues } = view.data;
  // A report the admin unlocked after approval stays editable when its year is closed.
  const editable = isOwnChair && (view.data.isOpen || Boolean(report?.unlockedAt)) && isEditableByChair(status);
  const readOnlyNote = !isOwnChair
    ? null
    : status === 'submitted'
      ? justSubmitted
        ? c.submitted
        : c.readOnlySubmitted
      : status === 'cluster_approved'
        ? c.readOnlyClusterApproved
        : status === 'approved'
          ? c.readOnlyApproved
          : report?.unlockedAt && status === 'returned'
            ? report.unlockedField
              ? c.unlockedField(unlockedFieldName(report.unlockedField, catalogue.data, labelKey, label))
              : c.unlockedWhole
            : !view.data.isOpen
              ? c.readOnlyClosed(year)
              : null;
  const comments = latestComments(view.data.comments);
  return (
    <Page title={school.name} before={<Breadcrumb current={school.name} />} lead={<SchoolFacts school={school} report={report} year={year} />}>
      <YearSwitcher school={school} schoolId={schoolId} year={year} />
      <ReportStatusLine year={year} status={status} report={report} isOpen={view.data.isOpen} />
      {report ? <PaperCopyDownloads schoolId={schoolId} year={year} approved={status === 'approved'} /> : null}
      {readOnlyNote ? (
        <p className="notice rf-readonly-note" role="status">
          {readOnlyNote}
        </p>
      ) : null}
      {editable ? (
        <ReportForm
          key={`${schoolId}-${year}`}
          view={view.data}
          catalogue={catalogue.data}
          schoolId={schoolId}
          year={year}
          onSubmitted={() => {
            setJustSubmitted(true);
            window.scrollTo(0, 0);
          }}
        />
      ) : report === null && status === 'not_started' && !view.data.isOpen ? (
        <EmptyState title={t('report.missingTitle', { year })}>
          <p>{t('report.missingHint')}</p>
        </EmptyState>
      ) : report === null && status === 'not_started' ? (
        <EmptyState title={t('report.notStarted', { year })}>
          <p>{t('report.notStartedHint')}</p>
        </EmptyState>
      ) : report === null ? (
        // A district viewer does not see drafts.
        <EmptyState title={t('report.notSubmitted')}>
          <p>{t('report.notSubmittedHint', { year })}</p>
        </EmptyState>
      ) : (
        <>
          {comments.get('')?.length && status === 'returned' ? (
            <section className="rf-report-comments" aria-label={c.reportComments}>
              {comments.get('')!.map((cm, i) => (
                <blockquote key={i} lang="zh-CN">
                  {cm.body}
                </blockquote>
              ))}
            </section>
          ) : null}
          <ReportBody report={report} previousYearValues={previousYearValues} catalogue={catalogue.data} year={year} />
          {isOwnChair && (status === 'submitted' || status === 'cluster_approved' || status === 'approved') ? <SelfScorePanel reportId={report.id} /> : null}
        </>
      )}
    </Page>
  );
}

/**
 * The school's register figures. The report may state other ones for its year
 * (74 in the report, 73 on the register): both are shown, each named, so the
 * page never seems to contradict itself.
 */
function SchoolFacts({ school, report, year }: { school: SchoolView; report: ReportDetail | null; year: number }) {
  const { t, label } = useI18n();
  const n = new Intl.NumberFormat();
  const reported = (code: string, registered: number) => {
    const value = report?.values[code];
    return value != null && value !== registered ? <span className="facts__reported"> {t('report.inReport', { year, value: n.format(value) })}</span> : null;
  };
  return (
    <dl className="facts">
      <div>
        <dt>{t('report.schoolType')}</dt>
        <dd>{label(schoolTypeLabels[school.schoolType])}</dd>
      </div>
      <div>
        <dt>{t('report.cluster')}</dt>
        <dd>{school.clusterName ?? t('schools.noCluster')}</dd>
      </div>
      <div>
        <dt>{t('report.staffRegistered')}</dt>
        <dd>
          {n.format(school.staffCount)}
          {reported('staff_total', school.staffCount)}
        </dd>
      </div>
      <div>
        <dt>{t('report.membersRegistered')}</dt>
        <dd>
          {n.format(school.memberCount)}
          {reported('union_members', school.memberCount)}
        </dd>
      </div>
    </dl>
  );
}

function YearSwitcher({ school, schoolId, year }: { school: SchoolView; schoolId: number; year: number }) {
  const { t } = useI18n();
  return (
    <nav className="year-switcher" aria-label={t('report.years')}>
      <ul>
        {school.years.map((y) => (
          <li key={y.year}>
            <Link to={`/schools/${schoolId}/reports/${y.year}`} aria-current={y.year === year ? 'page' : undefined} className="year-link">
              <span className="year-link__year">{y.isOpen ? t('common.yearOpen', { year: y.year }) : t('common.yearOption', { year: y.year })}</span>
              <StatusBadge status={y.status} closed={!y.isOpen} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ReportStatusLine({ year, status, report, isOpen }: { year: number; status: ReportView['status']; report: ReportDetail | null; isOpen: boolean }) {
  const { t, labelKey } = useI18n();
  const dates = report
    ? [
        report.approvedAt ? t('report.approvedAt', { date: formatDate(report.approvedAt, labelKey) }) : null,
        report.submittedAt ? t('report.submittedAt', { date: formatDate(report.submittedAt, labelKey) }) : null,
        t('report.updatedAt', { date: formatDate(report.updatedAt, labelKey) }),
      ].filter((d): d is string => d !== null)
    : [];
  return (
    <div className="status-line">
      <span className="status-line__label">{t('report.statusLine', { year })}</span>
      <StatusBadge status={status} closed={!isOpen} />
      {dates.length > 0 ? (
        <span className="status-line__dates">
          {dates.map((d) => (
            <span key={d}>{d}</span>
          ))}
        </span>
      ) : null}
    </div>
  );
}

function ReportBody({
  report,
  previousYearValues,
  catalogue,
  year,
}: {
  report: ReportDetail;
  previousYearValues: ReportView['previousYearValues'];
  catalogue: RouterOutputs['catalogue']['list'];
  year: number;
}) {
  const { t, label } = useI18n();
  const groups = groupCatalogue(catalogue);
  return (
    <>
      <section className="report-section" aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t('report.indicators')}</h2>
        <CategoryNav groups={groups} />
        {groups.map((group) => (
          <CategorySection key={group.category} group={group}>
            <IndicatorTable group={group} values={report.values} previousValues={previousYearValues} year={year} />
          </CategorySection>
        ))}
      </section>

      <section className="report-section" aria-labelledby="narrative-title">
        <h2 id="narrative-title">{t('report.narrative')}</h2>
        {narrativeSections.map((section) => {
          const paragraphs = narrativeParagraphs(report.narrative[section]);
          return (
            <section key={section} className="narrative" aria-labelledby={`narrative-${section}`}>
              <h3 id={`narrative-${section}`}>{label(narrativeSectionLabels[section])}</h3>
              {paragraphs.length > 0 ? (
                <div className="narrative__text" lang="zh-CN">
                  {paragraphs.map((p, i) => (
                    <p key={i}>{p}</p>
                  ))}
                </div>
              ) : (
                <p className="unfilled">{t('report.narrativeEmpty')}</p>
              )}
              <EvidenceAttachments reportId={report.id} target={{ kind: 'section', key: section }} canEdit={false} />
            </section>
          );
        })}
      </section>

      <section className="report-section" aria-labelledby="honours-title">
        <h2 id="honours-title">{t('report.honours')}</h2>
        <HonoursTable honours={report.honours} emptyText={t('report.honoursEmpty')} />
      </section>
    </>
  );
}

/** The name of the one field an admin unlocked (`values.<code>`, `narrative.<section>`, `honours`). */
function unlockedFieldName(path: string, catalogue: readonly Indicator[], lang: LabelKey, label: (l: { zh: string; en: string }) => string): string {
  const [kind, key] = path.split('.', 2) as [string, string | undefined];
  if (kind === 'values') {
    const indicator = catalogue.find((i) => i.code === key);
    return indicator ? (lang === 'en' ? indicator.nameEn : indicator.nameZh) : path;
  }
  const section = narrativeSections.find((n) => n === key);
  if (kind === 'narrative' && section) return label(narrativeSectionLabels[section]);
  return lang === 'en' ? 'Honours' : '荣誉';
}
