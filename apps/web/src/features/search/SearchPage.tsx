import { useQuery } from '@tanstack/react-query';
import { narrativeSectionLabels } from '@union/domain';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { splitMatch } from './highlight';
import { useSearchCopy } from './messages';
import './search.css';

type Hit = RouterOutputs['narratives']['search'][number];

const EXAMPLES = ['师徒结对', '送温暖', '教工之家'];
const MAX_QUERY = 50;
/** The server returns hits from at most this many reports. */
const REPORT_LIMIT = 50;

/** `/search?q=…&year=…`: full-text search over all schools' narratives and honours (district staff). */
export function SearchPage() {
  const { m, label } = useSearchCopy();
  const trpc = useTRPC();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const yearParam = params.get('year');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  // Results come 50 reports a page (?page=2 is the second).
  const page = Math.min(1000, Math.max(1, Number(params.get('page')) || 1));
  const [draft, setDraft] = useState(query);
  useDocumentTitle(query ? `${m.title}：${query}` : m.title);

  // Back/forward and example chips change the address: keep the box in step.
  useEffect(() => setDraft(query), [query]);

  const years = useQuery(trpc.reports.years.queryOptions());
  const search = useQuery({ ...trpc.narratives.search.queryOptions({ query, ...(year ? { year } : {}), page: page - 1 }), enabled: query.length > 0 });

  const go = (q: string, y: number | undefined) => {
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim().slice(0, MAX_QUERY));
    if (y) next.set('year', String(y));
    setParams(next);
  };

  const goPage = (next: number) => {
    const p = new URLSearchParams(params);
    if (next > 1) p.set('page', String(next));
    else p.delete('page');
    setParams(p);
    window.scrollTo(0, 0);
  };
  /** A full page of reports: there may be more on the next. */
  const full = search.data ? new Set(search.data.map((h) => `${h.schoolId}-${h.year}`)).size >= REPORT_LIMIT : false;

  const sourceLabel = (hit: Hit) => (hit.source === 'honour' ? m.honour : label(narrativeSectionLabels[hit.source]));

  return (
    <Page title={m.title} lead={<p>{m.lead}</p>}>
      <form
        className="filters search-form"
        role="search"
        aria-label={m.form}
        onSubmit={(event) => {
          event.preventDefault();
          go(draft, year);
        }}
      >
        <div className="field field--grow">
          <label htmlFor={`${id}-q`}>{m.query}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={draft}
            maxLength={MAX_QUERY}
            placeholder={m.queryPlaceholder}
            enterKeyHint="search"
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{m.year}</label>
          <select id={`${id}-year`} value={year ?? ''} onChange={(event) => go(draft || query, event.target.value ? Number(event.target.value) : undefined)}>
            <option value="">{m.allYears}</option>
            {year && !years.data?.some((y) => y.year === year) ? <option value={year}>{m.yearOption(year)}</option> : null}
            {years.data?.map((y) => (
              <option key={y.year} value={y.year}>
                {m.yearOption(y.year)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--action">
          <button type="submit" className="button">
            {m.submit}
          </button>
        </div>
        <div className="search-examples">
          <span>{m.examples}</span>
          {EXAMPLES.map((example) => (
            <button key={example} type="button" className="search-chip" aria-pressed={query === example} onClick={() => go(example, year)}>
              {example}
            </button>
          ))}
        </div>
      </form>

      {!query ? (
        <EmptyState title={m.start}>
          <p>{m.startHint}</p>
        </EmptyState>
      ) : search.isPending ? (
        <LoadingState label={m.searching} />
      ) : search.isError ? (
        <ErrorState error={search.error} title={m.errorTitle} onRetry={() => void search.refetch()} />
      ) : search.data.length === 0 ? (
        <EmptyState title={m.empty(query)}>
          <p>{m.emptyHint}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby={`${id}-count`}>
          <p id={`${id}-count`} className="search-count" role="status">
            {m.count(search.data.length, query)}
            {page > 1 || full ? m.pageOf(page) : null}
            {search.isFetching ? ' …' : null}
          </p>
          <ol className="search-results">
            {search.data.map((hit, index) => {
              const { before, match, after } = splitMatch(hit.sentence, hit.matchStart, hit.matchEnd);
              const reportPath = `/schools/${hit.schoolId}/reports/${hit.year}`;
              return (
                <li key={`${hit.schoolId}-${hit.year}-${hit.source}-${index}`} className="search-hit">
                  <div className="search-hit__meta">
                    <Link className="search-hit__school" to={reportPath}>
                      {hit.schoolName}
                    </Link>
                    <span className="search-hit__year">{m.yearOption(hit.year)}</span>
                    <span className={`search-hit__source search-hit__source--${hit.source}`}>{sourceLabel(hit)}</span>
                  </div>
                  <p className="search-hit__sentence">
                    {before}
                    {match ? <mark>{match}</mark> : null}
                    {after}
                  </p>
                  <Link className="search-hit__open" to={reportPath} aria-label={`${hit.schoolName} · ${m.openReport(hit.year)}`}>
                    {m.openReport(hit.year)}
                  </Link>
                </li>
              );
            })}
          </ol>
          {page > 1 || full ? (
            <nav className="search-pages" aria-label={m.pages}>
              {page > 1 ? (
                <button type="button" className="button button--secondary" onClick={() => goPage(page - 1)}>
                  {m.previousPage}
                </button>
              ) : null}
              {full ? (
                <button type="button" className="button button--secondary" onClick={() => goPage(page + 1)}>
                  {m.nextPage}
                </button>
              ) : null}
            </nav>
          ) : null}
        </section>
      )}
    </Page>
  );
}
