import { heading, keepSpace, labelledBoxes, newPdf, paragraph, pdfBuffer, stampPages, table } from './pdf-layout';
import { qrPng } from './qr-code';
import { formatDate, safeFileName, type ReportDocument } from './report-document';
import { notApprovedNote, paperTitle, signatureLabels } from './report-docx';
import { formatCode } from './verification-code';

/** The signed paper copy (签字盖章版) as PDF: the same content and order as the .docx. */
export async function reportPdf(report: ReportDocument): Promise<{ filename: string; base64: string }> {
  const doc = newPdf(paperTitle(report));
  heading(doc, paperTitle(report), 18, { align: 'center' });
  paragraph(doc, '（签字盖章版）');
  table(
    doc,
    ['项目', '内容'],
    [
      ['区教育工会', report.districtName],
      ['学校', `${report.schoolName}（${report.schoolCode}）`],
      ['年度', `${report.year} 年度`],
      ['状态', `${report.statusLabel}（第 ${report.version} 版）`],
      ['审核通过日期', formatDate(report.approvedAt)],
    ],
    [1, 3],
  );
  if (!report.verification) paragraph(doc, notApprovedNote(report), { bold: true, color: '#B00020' });

  heading(doc, '一、工作指标', 14);
  for (const category of report.categories) {
    heading(doc, category.label, 11.5);
    table(doc, ['指标', '单位', `${report.year}年`, `${report.year - 1}年`], category.rows.map((r) => [r.name, r.unit, r.value, r.previous]), [4, 1, 2, 2]);
  }

  heading(doc, '二、工作总结', 14);
  for (const section of report.narrative) {
    heading(doc, section.title, 11.5);
    const lines = section.text.split(/\r?\n/).filter((l) => l.trim());
    for (const line of lines.length ? lines : ['（未填写）']) paragraph(doc, line);
  }

  heading(doc, '三、荣誉', 14);
  if (report.honours.length) table(doc, ['荣誉名称', '级别', '类型', '获得者'], report.honours.map((h) => [h.title, h.level, h.kind, h.recipient || '—']), [5, 1, 1, 2]);
  else paragraph(doc, '（本年度未填报荣誉）');

  if (report.score) {
    heading(doc, '四、考核结果', 14);
    paragraph(doc, `考核得分 ${report.score.total} 分，${report.score.stars}`, { bold: true });
    table(doc, ['类别', '得分', '满分'], report.score.categories.map((c) => [c.label, String(c.earned), String(c.max)]), [3, 1, 1]);
  }

  keepSpace(doc, 170);
  heading(doc, '签字盖章', 14);
  labelledBoxes(doc, signatureLabels.map((l) => `${l}：`), 110);

  const qr = report.verification ? await qrPng(report.verification.url) : null;
  stampPages(doc, `${report.districtName} · ${report.schoolName} · ${report.year}年度`, (page, pages, band) => {
    const pageText = `第 ${page} 页 / 共 ${pages} 页`;
    doc.lineWidth(0.5).strokeColor('#808080').moveTo(band.x, band.y - 6).lineTo(band.x + band.width, band.y - 6).stroke();
    if (!report.verification || !qr) {
      doc.fontSize(8).text(`未审核通过的版本，无验证码 · ${pageText}`, band.x, band.y, { width: band.width, lineBreak: false });
      return;
    }
    doc.image(qr, band.x, band.y, { width: 56, height: 56 });
    const textX = band.x + 66;
    const width = band.width - 66;
    doc.font('bold').fontSize(10).text(`验证码：${formatCode(report.verification.code)}`, textX, band.y + 2, { width, lineBreak: false });
    doc.font('regular').fontSize(7.5).text('扫码或登录平台输入验证码，核对本件与线上审定版本是否一致：', textX, band.y + 18, { width, lineBreak: false });
    doc.text(report.verification.url, textX, band.y + 29, { width, lineBreak: false });
    doc.text(pageText, textX, band.y + 42, { width, align: 'right', lineBreak: false });
  });
  return { filename: `${safeFileName(paperTitle(report))}（签字盖章版）.pdf`, base64: (await pdfBuffer(doc)).toString('base64') };
}
