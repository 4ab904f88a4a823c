import { TRPCError } from '@trpc/server';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import { evidenceFileKinds, evidenceQuotaRefusal, isEditableByChair, isEvidenceMime, localize, refusalMessage, type EvidenceFileKind, type EvidenceTarget, type EvidenceUpload } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import type { Context } from '../trpc/context';
import { evidenceNotFound, reportNotFound, userError } from '../trpc/error-messages';
import { invalidFields } from '../trpc/trpc';
import { EvidenceRefusedError, processEvidence } from './evidence-content';
import { assertYearOpen } from './report-drafts';

type Db = Kysely<Database> | Transaction<Database>;

export interface EvidenceItem {
  id: number;
  target: EvidenceTarget;
  filename: string;
  mime: string;
  kind: EvidenceFileKind;
  byteSize: number;
  width: number | null;
  height: number | null;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: string | null;
  /** Same-origin download routes (src/http/evidence-download.ts). */
  url: string;
  thumbnailUrl: string | null;
}

export const evidenceUrl = (id: number) => `/files/evidence/${id}`;

const onlyChair = () => userError('FORBIDDEN', { zh: '只有本校工会主席可以上传或删除佐证材料', en: 'Only the school’s union chair can upload or delete evidence' });

const kindOf = (mime: string): EvidenceFileKind => (isEvidenceMime(mime) ? evidenceFileKinds[mime].kind : 'pdf');

/** The files of a report the actor may read (optionally of one target), newest last; never their bytes. */
export async function listEvidence(db: Kysely<Database>, actor: Actor, reportId: number, target?: EvidenceTarget): Promise<EvidenceItem[]> {
  const report = await db.selectFrom('reports').select('id').where('id', '=', reportId).where('id', 'in', readableReportIds(db, actor)).executeTakeFirst();
  if (!report) throw reportNotFound();
  let query = db
    .selectFrom('evidence_files as f')
    .leftJoin('users as u', 'u.id', 'f.uploaded_by')
    .select(['f.id', 'f.target_kind', 'f.target_key', 'f.original_name', 'f.mime_type', 'f.byte_size', 'f.width', 'f.height', 'f.sha256', 'f.uploaded_at', 'u.display_name'])
    .select((eb) => eb('f.thumbnail', 'is not', null).as('has_thumbnail'))
    .where('f.report_id', '=', report.id);
  if (target) query = query.where('f.target_kind', '=', target.kind).where('f.target_key', '=', target.key);
  const rows = await query.orderBy('f.uploaded_at').orderBy('f.id').execute();
  return rows.map((r) => ({
    id: r.id,
    target: { kind: r.target_kind, key: r.target_key },
    filename: r.original_name,
    mime: r.mime_type,
    kind: kindOf(r.mime_type),
    byteSize: r.byte_size,
    width: r.width,
    height: r.height,
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
    uploadedBy: r.display_name,
    url: evidenceUrl(r.id),
    thumbnailUrl: r.has_thumbnail ? `${evidenceUrl(r.id)}/thumbnail` : null,
  }));
}

/**
 * The report's own editability rules (services/report-drafts.ts): only the
 * school's chair, while the chair may save (draft or returned), in an open
 * year or after an unlock; with one field unlocked, only that section.
 */
async function assertMayChange(db: Db, actor: Actor, reportId: number, target: EvidenceTarget, lock: boolean): Promise<void> {
  if (actor.role !== 'school_chair' || actor.schoolId === null) throw onlyChair();
  let query = db
    .selectFrom('reports as r')
    .innerJoin('reporting_years as y', 'y.year', 'r.year')
    .select(['r.id', 'r.status', 'r.year', 'r.unlocked_at', 'r.unlocked_field', 'y.is_open'])
    .where('r.id', '=', reportId)
    .where('r.school_id', '=', actor.schoolId);
  if (lock) query = query.forUpdate('r');
  const report = await query.executeTakeFirst();
  if (!report) throw reportNotFound();
  assertYearOpen(report.year, report, report.unlocked_at);
  if (!isEditableByChair(report.status)) throw new TRPCError({ code: 'BAD_REQUEST', message: refusalMessage('save') });
  if (report.unlocked_field && !(target.kind === 'section' && report.unlocked_field === `narrative.${target.key}`)) {
    throw userError('BAD_REQUEST', { zh: '只有已解锁的字段可以修改，其余内容（包括佐证材料）已审核锁定', en: 'Only the unlocked field may change; the rest, evidence included, stays approved and locked' });
  }
}

/** Checks, processes and stores one file; refusals name the file (field `base64`). */
export async function uploadEvidence(ctx: Context & { actor: Actor }, input: EvidenceUpload): Promise<EvidenceItem> {
  const { actor } = ctx;
  // Refuse what cannot be stored before spending time on the image.
  await assertMayChange(ctx.db, actor, input.reportId, input.target, false);
  let processed;
  try {
    processed = await processEvidence(input.filename, Buffer.from(input.base64, 'base64'));
  } catch (error) {
    if (error instanceof EvidenceRefusedError) throw invalidFields([{ path: 'base64', message: localize(error.text) }]);
    throw error;
  }
  const stored = await ctx.db.transaction().execute(async (trx) => {
    await assertMayChange(trx, actor, input.reportId, input.target, true);
    const usage = await trx
      .selectFrom('evidence_files')
      .select((eb) => [
        eb.fn.countAll<number>().as('files'),
        eb.fn.coalesce(eb.fn.sum<number>('byte_size'), eb.lit(0)).as('bytes'),
        eb.fn.countAll<number>().filterWhere('target_kind', '=', input.target.kind).filterWhere('target_key', '=', input.target.key).as('on_target'),
      ])
      .where('report_id', '=', input.reportId)
      .executeTakeFirstOrThrow();
    const refusal = evidenceQuotaRefusal({ filesOnTarget: Number(usage.on_target), filesOnReport: Number(usage.files), bytesOnReport: Number(usage.bytes) }, processed.content.length);
    if (refusal) throw invalidFields([{ path: 'base64', message: localize(refusal) }]);
    const row = await trx
      .insertInto('evidence_files')
      .values({
        report_id: input.reportId,
        target_kind: input.target.kind,
        target_key: input.target.key,
        original_name: processed.filename,
        mime_type: processed.mime,
        byte_size: processed.content.length,
        sha256: processed.sha256,
        width: processed.width,
        height: processed.height,
        content: processed.content,
        thumbnail: processed.thumbnail,
        thumbnail_mime: processed.thumbnailMime,
        uploaded_by: actor.userId,
      })
      .returning(['id', 'uploaded_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'evidence_uploaded',
      entityType: 'evidence_file',
      entityId: row.id,
      schoolId: actor.schoolId,
      details: { reportId: input.reportId, target: input.target, filename: processed.filename, mime: processed.mime, bytes: processed.content.length, sha256: processed.sha256 },
    });
    return row;
  });
  return {
    id: stored.id,
    target: input.target,
    filename: processed.filename,
    mime: processed.mime,
    kind: kindOf(processed.mime),
    byteSize: processed.content.length,
    width: processed.width,
    height: processed.height,
    sha256: processed.sha256,
    uploadedAt: stored.uploaded_at,
    uploadedBy: actor.displayName,
    url: evidenceUrl(stored.id),
    thumbnailUrl: processed.thumbnail ? `${evidenceUrl(stored.id)}/thumbnail` : null,
  };
}

/** Deletes one file of the chair's own, still editable report. */
export async function deleteEvidence(ctx: Context & { actor: Actor }, fileId: number): Promise<{ deleted: number }> {
  const { actor } = ctx;
  if (actor.role !== 'school_chair' || actor.schoolId === null) throw onlyChair();
  return ctx.db.transaction().execute(async (trx) => {
    const file = await trx
      .selectFrom('evidence_files as f')
      .innerJoin('reports as r', 'r.id', 'f.report_id')
      .select(['f.id', 'f.report_id', 'f.target_kind', 'f.target_key', 'f.original_name', 'f.sha256'])
      .where('f.id', '=', fileId)
      .where('r.school_id', '=', actor.schoolId)
      .executeTakeFirst();
    if (!file) throw evidenceNotFound();
    await assertMayChange(trx, actor, file.report_id, { kind: file.target_kind, key: file.target_key }, true);
    await trx.deleteFrom('evidence_files').where('id', '=', file.id).execute();
    await writeAudit(trx, ctx, {
      action: 'evidence_deleted',
      entityType: 'evidence_file',
      entityId: file.id,
      schoolId: actor.schoolId,
      details: { reportId: file.report_id, target: { kind: file.target_kind, key: file.target_key }, filename: file.original_name, sha256: file.sha256 },
    });
    return { deleted: file.id };
  });
}

export interface EvidenceDownload {
  filename: string;
  mime: string;
  sha256: string;
  bytes: Uint8Array;
}

/** A file's bytes (or its thumbnail's) when the actor may read its report; null otherwise, like a missing file. */
export async function readEvidenceBytes(db: Kysely<Database>, actor: Actor, fileId: number, part: 'content' | 'thumbnail'): Promise<EvidenceDownload | null> {
  const row = await db
    .selectFrom('evidence_files')
    .select(['original_name', 'mime_type', 'sha256', 'thumbnail_mime'])
    .select(part === 'content' ? 'content as bytes' : 'thumbnail as bytes')
    .where('id', '=', fileId)
    .where('report_id', 'in', readableReportIds(db, actor))
    .executeTakeFirst();
  if (!row?.bytes) return null;
  return part === 'content'
    ? { filename: row.original_name, mime: row.mime_type, sha256: row.sha256, bytes: row.bytes }
    : { filename: row.original_name.replace(/\.[^.]*$/, '') + '-thumbnail.webp', mime: row.thumbnail_mime ?? 'image/webp', sha256: `${row.sha256}-t`, bytes: row.bytes };
}
