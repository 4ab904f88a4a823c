// Generated documents (signed paper copies, district summary) and the verify page: UI copy, zh-CN (default) and English.
import { useI18n } from '../../i18n';

export const documentsZh = {
  downloadsTitle: '签字盖章版',
  downloadDocx: '下载 Word（.docx）',
  downloadPdf: '下载 PDF',
  downloading: '正在生成…',
  downloaded: (name: string) => `已生成：${name}`,
  approvedHint: '打印后由工会主席签字、学校盖章存档。每页页脚印有验证码和二维码，区教育工会可据此核对纸质件与线上审定版本是否一致。',
  notApprovedHint: '年报尚未审核通过：下载的文件不带验证码，仅供核对，不能作为签字盖章版存档。',
  summaryDocx: '下载汇总 Word（.docx）',
  navLabel: '核验纸质版',
  verifyTitle: '核验签字盖章版',
  verifyIntro: '输入纸质年报页脚的 12 位验证码，或用手机扫描页脚二维码，核对纸质件是否与线上审定版本一致。',
  codeLabel: '验证码',
  codeHint: '如 ABCD-EFGH-JK12，大小写和短横线均可',
  verify: '核验',
  verifying: '正在核验…',
  emptyTitle: '请输入验证码',
  emptyBody: '验证码印在签字盖章版每一页的页脚，二维码旁边。',
  stateCurrent: '一致：纸质件与线上当前审定版本相同',
  stateChanged: '不一致：年报在打印后已修改并重新审核通过',
  stateReopened: '不一致：年报已重新打开修改，目前没有审定版本',
  changedDetail: (printed: number, current: number) => `纸质件为第 ${printed} 版，线上当前为第 ${current} 版。请以线上版本为准，重新打印并签字盖章。`,
  reopenedDetail: (printed: number, current: number, status: string) => `纸质件为第 ${printed} 版；线上当前为第 ${current} 版，状态「${status}」。待重新审核通过后再打印签字盖章版。`,
  school: '学校',
  year: '年度',
  yearValue: (y: number) => `${y} 年度`,
  printedVersion: '纸质件版本',
  printedApproved: '纸质件审核通过日期',
  issuedAt: '首次生成时间',
  currentStatus: '线上当前状态',
  currentVersion: '线上当前版本',
  versionValue: (v: number) => `第 ${v} 版`,
  openReport: '查看线上年报',
};

export type DocumentsMessages = typeof documentsZh;

export const documentsEn: DocumentsMessages = {
  downloadsTitle: 'Signed paper copy',
  downloadDocx: 'Download Word (.docx)',
  downloadPdf: 'Download PDF',
  downloading: 'Generating…',
  downloaded: (name) => `Generated: ${name}`,
  approvedHint: 'Print it, have the union chair sign and the school stamp it, and archive it. Every page footer carries a verification code and QR code, with which the district union checks that the paper matches the approved online version.',
  notApprovedHint: 'The report is not approved yet: the file has no verification code and is for checking only, not for signing and archiving.',
  summaryDocx: 'Download summary (.docx)',
  navLabel: 'Verify paper copy',
  verifyTitle: 'Verify a signed paper copy',
  verifyIntro: 'Enter the 12-character code from the footer of the paper report, or scan its QR code with a phone, to check that the paper matches the approved online version.',
  codeLabel: 'Verification code',
  codeHint: 'e.g. ABCD-EFGH-JK12; case and dashes do not matter',
  verify: 'Verify',
  verifying: 'Verifying…',
  emptyTitle: 'Enter a verification code',
  emptyBody: 'The code is printed in the footer of every page of the signed copy, next to the QR code.',
  stateCurrent: 'Matches: the paper is the current approved online version',
  stateChanged: 'Does not match: the report was changed and approved again after printing',
  stateReopened: 'Does not match: the report has been reopened; there is no approved version now',
  changedDetail: (printed, current) => `The paper is version ${printed}; online it is version ${current}. The online version counts: print, sign and stamp it again.`,
  reopenedDetail: (printed, current, status) => `The paper is version ${printed}; online it is version ${current}, status “${status}”. Print the signed copy again once it is approved.`,
  school: 'School',
  year: 'Year',
  yearValue: (y) => String(y),
  printedVersion: 'Paper version',
  printedApproved: 'Paper approved on',
  issuedAt: 'First generated',
  currentStatus: 'Current online status',
  currentVersion: 'Current online version',
  versionValue: (v) => `Version ${v}`,
  openReport: 'Open the online report',
};

export function useDocumentsCopy() {
  const i18n = useI18n();
  return { ...i18n, c: i18n.language === 'en' ? documentsEn : documentsZh };
}
