import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Indicator } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import type { Context } from '../trpc/context';
import { refreshScores } from './scores';
import { previewImport } from './spreadsheets';
import { userError } from '../trpc/error-messages';

/**
 * Applies an import in one transaction. With any invalid row and
 * `onlyValidRows` false, nothing is written. Empty cells change nothing (a
 * spreadsheet gap must not erase a value a chair typed). A school without a
 * report gets one: a draft in an open year, approved in a closed one (the
 * district's own figures for past years).
 */
export async function applyImport(
  ctx: Context & { actor: Actor },
  year: number,
  catalogue: readonly Indicator[],
  base64: string,
  onlyValidRows: boolean,
): Promise<{ imported: number; skipped: number; changedValues: number }> {
  const db: Kysely<Database> = ctx.db;
  const preview = await previewImport(db, ctx.actor, year, catalogue, base64);
  const invalid = preview.rows.filter((r) => r.errors.length > 0);
  if (invalid.length > 0 && !onlyValidRows) {
    throw userError('BAD_REQUEST', {
      zh: `有 ${invalid.length} 行数据有误，未导入任何数据。请修正后重试，或选择“只导入无误的行”。`,
      en: `${invalid.length} rows have errors; nothing was imported. Correct them and try again, or choose “Import only rows without errors”.`,
    });
  }
  const yearRow = await db.selectFrom('reporting_years').select('is_open').where('year', '=', year).executeTakeFirst();
  if (!yearRow) throw userError('NOT_FOUND', { zh: `没有 ${year} 年度`, en: `There is no reporting year ${year}` });
  const toImport = preview.rows.filter((r) => r.errors.length === 0 && r.schoolId !== null && r.changes.length > 0);

  await db.transaction().execute(async (trx) => {
    const now = new Date();
    const approvedReportIds: number[] = [];
    for (const row of toImport) {
      let report = await trx.selectFrom('reports').select(['id', 'version', 'status']).where('school_id', '=', row.schoolId!).where('year', '=', year).executeTakeFirst();
      if (!report) {
        report = await trx
          .insertInto('reports')
          .values({
            school_id: row.schoolId!,
            year,
            status: yearRow.is_open ? 'draft' : 'approved',
            version: 1,
            created_at: now,
            updated_at: now,
            ...(yearRow.is_open ? {} : { approved_at: now }),
          })
          .returning(['id', 'version', 'status'])
          .executeTakeFirstOrThrow();
        if (report.status === 'approved') approvedReportIds.push(report.id);
      } else {
        // Re-check inside the transaction: a chair may have submitted since the preview.
        if (report.status === 'submitted' || report.status === 'approved') {
          throw userError('CONFLICT', { zh: `${row.schoolName}的年报刚刚已提交或已通过，导入已取消，请重新预览`, en: `The report of ${row.schoolName} was just submitted or approved; the import was cancelled, preview it again` });
        }
        await trx.updateTable('reports').set({ version: report.version + 1, updated_at: now }).where('id', '=', report.id).execute();
      }
      const rows = row.changes.filter((c) => c.to !== null).map((c) => ({ report_id: report.id, indicator_code: c.code, value: c.to! }));
      if (rows.length) {
        await trx
          .insertInto('report_values')
          .values(rows)
          .onConflict((oc) => oc.columns(['report_id', 'indicator_code']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
          .execute();
      }
      await writeAudit(trx, ctx, {
        action: 'report_saved',
        entityType: 'report',
        entityId: report.id,
        schoolId: row.schoolId,
        details: { year, source: 'excel_import', changes: row.changes.map(({ code, from, to }) => ({ code, from, to })) },
      });
    }
    // Reports imported as approved (closed years) go on the dashboards at once, like approvals.
    await refreshScores(trx, year, approvedReportIds);
  });
  return {
    imported: toImport.length,
    skipped: invalid.length,
    changedValues: toImport.reduce((sum, r) => sum + r.changes.length, 0),
  };
}
