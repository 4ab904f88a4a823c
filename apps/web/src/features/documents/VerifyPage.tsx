import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorCode, useTRPC, type RouterOutputs } from '../../app/trpc';
import { formatDate } from '../../ui/format';
import { FormField, useDescribeError } from '../../ui/form';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { isDistrict } from '../../app/access';
import { useMe } from '../auth/me';
import { useDocumentsCopy } from './messages';
import './documents.css';

type Verification = RouterOutputs['documents']['verify'];

/** 核验签字盖章版: the code typed in, or arriving from the QR code's link (?code=…). */
export function VerifyPage() {
  const { c } = useDocumentsCopy();
  const trpc = useTRPC();
  const describe = useDescribeError();
  const [params, setParams] = useSearchParams();
  const code = params.get('code')?.trim() ?? '';
  const [typed, setTyped] = useState(code);
  useDocumentTitle(c.verifyTitle);
  const result = useQuery({ ...trpc.documents.verify.queryOptions({ verificationCode: code }), enabled: code !== '', retry: false });
  // A malformed or unknown code is the user's to fix beside the field; anything else is a page error.
  const refusal = result.isError && ['BAD_REQUEST', 'NOT_FOUND'].includes(errorCode(result.error) ?? '') ? describe(result.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() ? { code: typed.trim() } : {});
  };

  return (
    <Page title={c.verifyTitle} lead={<p>{c.verifyIntro}</p>}>
      <form className="verify-form" onSubmit={submit} noValidate>
        <FormField label={c.codeLabel} hint={c.codeHint} error={refusal?.message ?? null}>
          {(props) => <input {...props} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} maxLength={40} inputMode="text" />}
        </FormField>
        <button type="submit" className="button" disabled={result.isFetching}>
          {result.isFetching ? c.verifying : c.verify}
        </button>
      </form>
      {code === '' ? (
        <EmptyState title={c.emptyTitle}>
          <p>{c.emptyBody}</p>
        </EmptyState>
      ) : result.isPending && result.fetchStatus !== 'idle' ? (
        <LoadingState />
      ) : result.isError && !refusal ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : result.data && !refusal ? (
        <VerificationResult result={result.data} />
      ) : null}
    </Page>
  );
}

function VerificationResult({ result }: { result: Verification }) {
  const { c, labelKey } = useDocumentsCopy();
  const me = useMe();
  const verdict = { current: c.stateCurrent, changed: c.stateChanged, reopened: c.stateReopened }[result.state];
  const reportLink = isDistrict(me.role) ? `/review/${result.year}/${result.schoolId}` : `/schools/${result.schoolId}/reports/${result.year}`;
  return (
    <section className={`verify-result verify-result--${result.state}`} aria-live="polite" aria-labelledby="verify-verdict">
      <p id="verify-verdict" className="verify-result__verdict">
        {result.state === 'current' ? '✓ ' : '✗ '}
        {verdict}
      </p>
      {result.state === 'changed' ? <p>{c.changedDetail(result.printed.version, result.current.version)}</p> : null}
      {result.state === 'reopened' ? <p>{c.reopenedDetail(result.printed.version, result.current.version, result.current.statusLabel)}</p> : null}
      <dl>
        <dt>{c.codeLabel}</dt>
        <dd>{result.code}</dd>
        <dt>{c.school}</dt>
        <dd>
          {result.schoolName}（{result.schoolCode}）
        </dd>
        <dt>{c.year}</dt>
        <dd>{c.yearValue(result.year)}</dd>
        <dt>{c.printedVersion}</dt>
        <dd>{c.versionValue(result.printed.version)}</dd>
        <dt>{c.printedApproved}</dt>
        <dd>{formatDate(result.printed.approvedAt, labelKey)}</dd>
        <dt>{c.issuedAt}</dt>
        <dd>{formatDate(result.printed.issuedAt, labelKey)}</dd>
        <dt>{c.currentStatus}</dt>
        <dd>{result.current.statusLabel}</dd>
        <dt>{c.currentVersion}</dt>
        <dd>{c.versionValue(result.current.version)}</dd>
      </dl>
      <Link to={reportLink}>{c.openReport}</Link>
    </section>
  );
}
