import { useMutation } from '@tanstack/react-query';
import { useDescribeError } from '../../ui/form';
import { downloadBase64 } from '../../ui/files';
import { useDashboardCopy } from './useDashboardCopy';

export type ExportedFile = { filename: string; base64: string };

/** A button that asks the server for an .xlsx and downloads it; the outcome is announced. */
export function ExportButton({ label, exportFile }: { label: string; exportFile: () => Promise<ExportedFile> }) {
  const { c } = useDashboardCopy();
  const describe = useDescribeError();
  const run = useMutation({ mutationFn: exportFile, onSuccess: (file) => downloadBase64(file.filename, file.base64) });
  return (
    <div className="export no-print">
      <button type="button" className="button button--secondary" disabled={run.isPending} onClick={() => run.mutate()}>
        {run.isPending ? c.compare.exporting : label}
      </button>
      <span className="export__status" role="status">
        {run.isSuccess ? c.compare.exportDone(run.data.filename) : run.isError ? describe(run.error)?.message : ''}
      </span>
    </div>
  );
}
