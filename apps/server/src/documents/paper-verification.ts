import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { reportProgressLabels, type ReportStatus } from '@union/domain';
import type { Actor } from '../auth/actor';
import { schoolIdsInScope } from '../auth/scope';
import { getReport } from '../services/reports';
import { hashOfReport } from './report-document';
import { formatCode } from './verification-code';

/**
 * - current: the report is approved and its content is what was printed.
 * - changed: approved again since, with other content (the paper is out of date).
 * - reopened: being revised; there is no approved version at the moment.
 */
export type PaperState = 'current' | 'changed' | 'reopened';

export interface PaperVerification {
  code: string;
  state: PaperState;
  schoolId: number;
  schoolName: string;
  schoolCode: string;
  year: number;
  printed: { version: number; approvedAt: Date; issuedAt: Date };
  current: { status: ReportStatus; statusLabel: string; version: number; approvedAt: Date | null };
}

export const unknownCodeMessage = '验证码无效：没有找到对应的签字盖章版，请核对纸质件页脚的验证码后重新输入';

/**
 * What a printed code stands for, within the actor's scope (a chair: own
 * school; district staff: their district). A code of a school outside the
 * scope answers like an unknown one. Codes have 60 random-looking bits and
 * the procedure needs a login, so codes cannot be enumerated.
 */
export async function verifyPaperCopy(db: Kysely<Database>, actor: Actor, code: string): Promise<PaperVerification> {
  const row = await db
    .selectFrom('paper_copies as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .innerJoin('org_units as ou', 'ou.id', 'r.school_id')
    .select(['p.code', 'p.content_hash', 'p.version as printed_version', 'p.approved_at as printed_approved_at', 'p.issued_at', 'r.school_id', 'r.year', 'r.status', 'r.version', 'r.approved_at', 'ou.name', 'ou.code as school_code'])
    .where('p.code', '=', code)
    .where('r.school_id', 'in', schoolIdsInScope(db, actor))
    .executeTakeFirst();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: unknownCodeMessage });
  let state: PaperState = 'reopened';
  if (row.status === 'approved') {
    // Approved reports are readable by everyone in scope; the rule applies all the same.
    const report = await getReport(db, actor, row.school_id, row.year);
    state = report && hashOfReport(report) === row.content_hash ? 'current' : 'changed';
  }
  return {
    code: formatCode(row.code),
    state,
    schoolId: row.school_id,
    schoolName: row.name,
    schoolCode: row.school_code,
    year: row.year,
    printed: { version: row.printed_version, approvedAt: row.printed_approved_at, issuedAt: row.issued_at },
    current: { status: row.status, statusLabel: reportProgressLabels[row.status].zh, version: row.version, approvedAt: row.approved_at },
  };
}
