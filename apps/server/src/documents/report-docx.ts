import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { docxBase64, docxStyles, gridTable, paragraphsOf, text } from './docx-parts';
import { qrPng } from './qr-code';
import { formatDate, safeFileName, type ReportDocument } from './report-document';
import { formatCode } from './verification-code';

export const paperTitle = (doc: ReportDocument) => `${doc.schoolName}${doc.year}年度工会工作总结`;
export const notApprovedNote = (doc: ReportDocument) => `本文件为「${doc.statusLabel}」状态的第 ${doc.version} 版，尚未审核通过，不能作为签字盖章版存档。`;
export const signatureLabels = ['工会主席签字', '学校盖章', '日期'] as const;

const box = { style: BorderStyle.SINGLE, size: 8, color: '000000' };

function signatureBoxes(): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        height: { value: 1800, rule: 'atLeast' },
        children: signatureLabels.map(
          (label) =>
            new TableCell({
              width: { size: 33, type: WidthType.PERCENTAGE },
              borders: { top: box, bottom: box, left: box, right: box },
              children: [new Paragraph({ children: [new TextRun({ text: `${label}：`, bold: true })] })],
            }),
        ),
      }),
    ],
  });
}

/** The footer on every page: the verification code, its QR code and the link, and the page number. */
async function verificationFooter(doc: ReportDocument): Promise<Footer> {
  const page = new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('第 '), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' 页 / 共 '), new TextRun({ children: [PageNumber.TOTAL_PAGES] }), new TextRun(' 页')] });
  if (!doc.verification) return new Footer({ children: [new Paragraph({ children: [new TextRun({ text: '未审核通过的版本，无验证码', size: 18 })] }), page] });
  const qr = await qrPng(doc.verification.url);
  const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const none = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder };
  return new Footer({
    children: [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            children: [
              new TableCell({
                borders: none,
                width: { size: 14, type: WidthType.PERCENTAGE },
                children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 64, height: 64 }, altText: { name: '验证二维码', description: doc.verification.url, title: '验证二维码' } })] })],
              }),
              new TableCell({
                borders: none,
                width: { size: 86, type: WidthType.PERCENTAGE },
                children: [
                  new Paragraph({ children: [new TextRun({ text: `验证码：${formatCode(doc.verification.code)}`, bold: true, size: 20 })] }),
                  new Paragraph({ children: [new TextRun({ text: `扫码或登录平台输入验证码，核对本件与线上审定版本是否一致：${doc.verification.url}`, size: 16 })] }),
                  page,
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

/** The signed paper copy (签字盖章版) of one school's report as .docx. */
export async function reportDocx(doc: ReportDocument): Promise<{ filename: string; base64: string }> {
  const info: string[][] = [
    ['区教育工会', doc.districtName],
    ['学校', `${doc.schoolName}（${doc.schoolCode}）`],
    ['年度', `${doc.year} 年度`],
    ['状态', `${doc.statusLabel}（第 ${doc.version} 版）`],
    ['审核通过日期', formatDate(doc.approvedAt)],
  ];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(paperTitle(doc))] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（签字盖章版）', size: 24 })] }),
    gridTable(['项目', '内容'], info, [1, 3]),
  ];
  if (!doc.verification) children.push(new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: notApprovedNote(doc), bold: true, color: 'B00020' })] }));

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('一、工作指标')] }));
  for (const category of doc.categories) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(category.label)] }));
    children.push(gridTable(['指标', '单位', `${doc.year}年`, `${doc.year - 1}年`], category.rows.map((r) => [r.name, r.unit, r.value, r.previous]), [4, 1, 2, 2]));
  }

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('二、工作总结')] }));
  for (const section of doc.narrative) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(section.title)] }), ...paragraphsOf(section.text));
  }

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('三、荣誉')] }));
  children.push(doc.honours.length ? gridTable(['荣誉名称', '级别', '类型', '获得者'], doc.honours.map((h) => [h.title, h.level, h.kind, h.recipient || '—']), [5, 1, 1, 2]) : text('（本年度未填报荣誉）'));

  if (doc.score) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('四、考核结果')] }));
    children.push(text(`考核得分 ${doc.score.total} 分，${doc.score.stars}`, true));
    children.push(gridTable(['类别', '得分', '满分'], doc.score.categories.map((c) => [c.label, String(c.earned), String(c.max)]), [3, 1, 1]));
  }

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('签字盖章')] }), signatureBoxes());

  const document = new Document({
    creator: '工会年报平台',
    title: paperTitle(doc),
    styles: docxStyles,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${doc.districtName} · ${doc.schoolName} · ${doc.year}年度`, size: 18, color: '555555' })] })] }) },
        footers: { default: await verificationFooter(doc) },
        children,
      },
    ],
  });
  return { filename: `${safeFileName(paperTitle(doc))}（签字盖章版）.docx`, base64: await docxBase64(document) };
}
