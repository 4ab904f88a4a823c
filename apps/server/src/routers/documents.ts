import { z } from 'zod';
import { idSchema, localize, reportingYearSchema, safeText } from '@union/domain';
import { districtSummaryDocx } from '../documents/district-summary-docx';
import { verifyPaperCopy } from '../documents/paper-verification';
import { buildReportDocument } from '../documents/report-document';
import { reportDocx } from '../documents/report-docx';
import { reportPdf } from '../documents/report-pdf';
import { normalizeCode } from '../documents/verification-code';
import { authedProcedure, districtProcedure, router } from '../trpc/trpc';

const reportInput = z.object({ schoolId: idSchema, year: reportingYearSchema });

/** Typed or scanned: dashes, spaces, lower case and O/I/L look-alikes are accepted. */
const verificationCodeSchema = safeText({ min: 1, max: 40, minMessage: { zh: '请输入验证码', en: 'enter the verification code' }, maxMessage: { zh: '验证码最多 12 位字母或数字', en: 'at most 12 letters or digits' } }).transform((typed, ctx) => {
  const code = normalizeCode(typed);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: localize({ zh: '验证码格式不正确：应为 12 位字母或数字，如 ABCD-EFGH-JK12', en: 'not a verification code: 12 letters or digits, e.g. ABCD-EFGH-JK12' }) });
    return z.NEVER;
  }
  return code;
});

// Generated documents travel base64-encoded in JSON, like the Excel exports.
// Downloads are mutations: printing an approved report records its code.
export const documentsRouter = router({
  /** A school's report as the signed paper copy (.docx); chairs only their own, viewers only handed-in reports. */
  reportDocx: authedProcedure.input(reportInput).mutation(async ({ ctx, input }) => reportDocx(await buildReportDocument(ctx.db, ctx.actor, input.schoolId, input.year, ctx.siteOrigin))),

  /** The same paper copy as PDF. */
  reportPdf: authedProcedure.input(reportInput).mutation(async ({ ctx, input }) => reportPdf(await buildReportDocument(ctx.db, ctx.actor, input.schoolId, input.year, ctx.siteOrigin))),

  /** The district's year summary (区级年度汇总) as .docx. */
  districtSummaryDocx: districtProcedure.input(z.object({ year: reportingYearSchema })).mutation(({ ctx, input }) => districtSummaryDocx(ctx.db, ctx.actor, input.year)),

  /** Whether a paper copy's code matches the approved online version. */
  verify: authedProcedure.input(z.object({ verificationCode: verificationCodeSchema })).query(({ ctx, input }) => verifyPaperCopy(ctx.db, ctx.actor, input.verificationCode)),
});
