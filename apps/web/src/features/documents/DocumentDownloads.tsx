import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { downloadBase64 } from '../../ui/files';
import { useDescribeError } from '../../ui/form';
import { isStaff } from '../../app/access';
import { useMe } from '../auth/me';
import { useDocumentsCopy } from './messages';
import './documents.css';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';

type File = { filename: string; base64: string };
type Run = { isPending: boolean; isSuccess: boolean; isError: boolean; data?: File | undefined; error: unknown; submittedAt: number };

const saveAs = (type: string) => ({ onSuccess: (file: File) => downloadBase64(file.filename, file.base64, type) });

function DownloadButton({ label, run, onClick }: { label: string; run: Run; onClick: () => void }) {
  const { c } = useDocumentsCopy();
  return (
    <button type="button" className="button button--secondary" disabled={run.isPending} onClick={onClick}>
      {run.isPending ? c.downloading : label}
    </button>
  );
}

/** The outcome of the latest download, announced to screen readers. */
function Outcome({ runs }: { runs: Run[] }) {
  const { c } = useDocumentsCopy();
  const describe = useDescribeError();
  const latest = runs.filter((r) => r.submittedAt).sort((a, b) => b.submittedAt - a.submittedAt)[0];
  return (
    <p className="doc-downloads__status" role="status">
      {latest?.isSuccess && latest.data ? c.downloaded(latest.data.filename) : latest?.isError ? describe(latest.error)?.message : ''}
    </p>
  );
}

/** The signed paper copy (签字盖章版) of a school's report, as PDF and .docx. */
export function PaperCopyDownloads({ schoolId, year, approved }: { schoolId: number; year: number; approved: boolean }) {
  const { c } = useDocumentsCopy();
  const trpc = useTRPC();
  const docx = useMutation(trpc.documents.reportDocx.mutationOptions(saveAs(DOCX)));
  const pdf = useMutation(trpc.documents.reportPdf.mutationOptions(saveAs(PDF)));
  const district = isStaff(useMe().role);
  return (
    <section className="doc-downloads no-print" aria-labelledby="doc-downloads-title">
      <h2 id="doc-downloads-title" className="doc-downloads__title">
        {c.downloadsTitle}
      </h2>
      <p className="muted">{approved ? c.approvedHint : c.notApprovedHint}</p>
      <div className="doc-downloads__buttons">
        <DownloadButton label={c.downloadPdf} run={pdf} onClick={() => pdf.mutate({ schoolId, year })} />
        <DownloadButton label={c.downloadDocx} run={docx} onClick={() => docx.mutate({ schoolId, year })} />
        {district ? (
          <Link className="doc-downloads__verify" to="/verify">
            {c.navLabel}
          </Link>
        ) : null}
      </div>
      <Outcome runs={[docx, pdf]} />
    </section>
  );
}

/** The district's year summary (区级年度汇总) as .docx. */
export function DistrictSummaryDownload({ year }: { year: number }) {
  const { c } = useDocumentsCopy();
  const trpc = useTRPC();
  const run = useMutation(trpc.documents.districtSummaryDocx.mutationOptions(saveAs(DOCX)));
  return (
    <div className="doc-downloads__inline">
      <DownloadButton label={c.summaryDocx} run={run} onClick={() => run.mutate({ year })} />
      <Outcome runs={[run]} />
    </div>
  );
}
