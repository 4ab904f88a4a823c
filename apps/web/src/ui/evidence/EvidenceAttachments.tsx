import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { EVIDENCE_LIMITS, type EvidenceTargetKind } from '@union/domain';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { fileToBase64 } from '../files';
import { useDescribeError } from '../form';
import { Modal } from '../Modal';
import { useEvidenceCopy } from './messages';
import './evidence.css';

export type EvidenceFile = RouterOutputs['evidence']['list'][number];

export interface EvidenceAttachmentsProps {
  /** The report the files belong to; null while the report has not been saved yet. */
  reportId: number | null;
  /** What the files are evidence for: a narrative section (`achievements` …) or a rubric item (its id). */
  target: { kind: EvidenceTargetKind; key: string };
  /** The chair may add and delete (the server checks again). */
  canEdit: boolean;
  /** Heading text; defaults to 佐证材料. */
  title?: string;
}

/**
 * Photos and documents attached to one section or rubric item: thumbnails,
 * 「添加照片或文件」 (several at once, one upload after another), delete with a
 * confirmation. Reusable for any target; the server applies the report's scope
 * and editability rules, so `canEdit` only decides what is offered.
 */
export function EvidenceAttachments({ reportId, target, canEdit, title }: EvidenceAttachmentsProps) {
  const m = useEvidenceCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const headingId = useId();
  const pickRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<EvidenceFile | null>(null);
  const describe = useDescribeError();
  /** The server's words: for a refused upload the field message, which names the file. */
  const messageOf = (error: unknown) => {
    const described = describe(error);
    return described?.fieldErrors.find((f) => f.path === 'base64')?.message ?? described?.message ?? '';
  };
  // One request per report, shared by every section and item on the page; each keeps its own files.
  const list = useQuery({
    ...trpc.evidence.list.queryOptions({ reportId: reportId ?? 0 }),
    enabled: reportId !== null,
    select: (all) => all.filter((f) => f.target.kind === target.kind && f.target.key === target.key),
  });
  const upload = useMutation(trpc.evidence.upload.mutationOptions());
  const remove = useMutation(trpc.evidence.delete.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.evidence.list.queryKey({ reportId: reportId ?? 0 }) });

  async function uploadAll(files: File[]) {
    if (reportId === null || files.length === 0) return;
    const problems: string[] = [];
    let uploaded = 0;
    for (const [index, file] of files.entries()) {
      if (file.size > EVIDENCE_LIMITS.maxFileBytes) {
        problems.push(m.tooBig(file.name));
        continue;
      }
      setProgress({ done: index + 1, total: files.length, name: file.name });
      try {
        await upload.mutateAsync({ reportId, target, filename: file.name || 'photo.jpg', base64: await fileToBase64(file) });
        uploaded += 1;
      } catch (error) {
        const message = messageOf(error);
        // The server's refusals already name the file.
        problems.push(message.includes(file.name) ? message : m.failed(file.name, message));
      }
    }
    setProgress(null);
    setErrors(problems);
    setNotice(uploaded ? m.uploaded(uploaded) : null);
    if (uploaded) await refresh();
  }

  function onPicked(event: React.ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    // Cleared so that picking the same file again fires a change.
    event.target.value = '';
    void uploadAll(files);
  }

  async function confirmDelete() {
    if (!confirming) return;
    try {
      await remove.mutateAsync({ fileId: confirming.id });
      setNotice(m.deleted(confirming.filename));
      setErrors([]);
      await refresh();
    } catch (error) {
      setErrors([messageOf(error)]);
    } finally {
      setConfirming(null);
    }
  }

  const busy = progress !== null;
  const files = list.data ?? [];
  // Read-only pages (the report, the review) show only sections that have files.
  if (!canEdit && !list.isError && files.length === 0) return null;
  return (
    <section className="evidence" aria-labelledby={headingId} aria-busy={busy || undefined}>
      <h3 id={headingId} className="evidence__title">
        {title ?? m.title}
        {files.length ? <span className="evidence__count">（{files.length}）</span> : null}
      </h3>
      {reportId === null ? (
        <p className="evidence__hint muted">{m.saveFirst}</p>
      ) : list.isPending ? (
        <p className="evidence__hint muted" role="status">
          {m.loading}
        </p>
      ) : list.isError ? (
        <div className="evidence__error" role="alert">
          <span>
            {m.loadFailed}：{messageOf(list.error)}
          </span>
          <button type="button" className="button button--secondary button--small" onClick={() => void list.refetch()}>
            {m.retry}
          </button>
        </div>
      ) : files.length === 0 ? (
        <p className="evidence__hint muted">{canEdit ? m.empty : m.emptyReadOnly}</p>
      ) : (
        <ul className="evidence__list">
          {files.map((file) => (
            <li key={file.id} className="evidence__item">
              <a className="evidence__open" href={file.url} target={file.kind === 'photo' ? '_blank' : undefined} rel="noopener" aria-label={m.open(file.filename)} data-user-content>
                {file.thumbnailUrl ? (
                  <img className="evidence__thumb" src={file.thumbnailUrl} alt="" loading="lazy" width={80} height={80} />
                ) : (
                  <span className={`evidence__icon evidence__icon--${file.kind}`} aria-hidden="true">
                    {m.kinds[file.kind]}
                  </span>
                )}
                <span className="evidence__name">{file.filename}</span>
              </a>
              <span className="evidence__meta muted">
                {m.kinds[file.kind]} · {m.size(file.byteSize)}
              </span>
              {canEdit ? (
                <button type="button" className="button button--secondary button--small evidence__delete" aria-label={m.deleteLabel(file.filename)} onClick={() => setConfirming(file)} disabled={busy}>
                  {m.delete}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit && reportId !== null ? (
        <div className="evidence__actions">
          <button type="button" className="button button--secondary evidence__add" onClick={() => pickRef.current?.click()} disabled={busy} aria-describedby={`${inputId}-hint`}>
            {m.add}
          </button>
          <button type="button" className="button button--secondary evidence__camera" onClick={() => cameraRef.current?.click()} disabled={busy}>
            {m.takePhoto}
          </button>
          {/* Without `capture` the phone offers camera, gallery and files; the camera button goes straight to the camera. */}
          <input ref={pickRef} id={inputId} className="evidence__input" type="file" multiple accept="image/*,.pdf,.docx,.xlsx" onChange={onPicked} tabIndex={-1} aria-hidden="true" data-testid="evidence-input" />
          <input ref={cameraRef} className="evidence__input" type="file" accept="image/*" capture="environment" onChange={onPicked} tabIndex={-1} aria-hidden="true" />
          <p id={`${inputId}-hint`} className="evidence__hint muted">
            {m.hint}
          </p>
        </div>
      ) : null}
      {progress ? (
        <p className="evidence__progress" role="status">
          <progress aria-hidden="true" />
          <span>{m.uploading(progress.done, progress.total, progress.name)}</span>
        </p>
      ) : null}
      {errors.length ? (
        <ul className="evidence__error" role="alert">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
      {notice && !progress ? (
        <p className="evidence__notice" role="status">
          {notice}
        </p>
      ) : null}
      {confirming ? (
        <Modal title={m.deleteTitle} onClose={() => setConfirming(null)} className="modal--narrow">
          <p className="modal__text">{m.deleteBody(confirming.filename)}</p>
          <div className="form-actions">
            <button type="button" className="button button--danger" onClick={() => void confirmDelete()} disabled={remove.isPending}>
              {remove.isPending ? m.deleting : m.deleteConfirm}
            </button>
            <button type="button" className="button button--secondary" data-autofocus onClick={() => setConfirming(null)}>
              {m.cancel}
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
