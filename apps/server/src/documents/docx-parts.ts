import {
  AlignmentType,
  BorderStyle,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type Document,
  type IStylesOptions,
} from 'docx';

// Building blocks both .docx documents share: fonts, headings, a plain grid table.

/** Word picks the Chinese font by name; 宋体/黑体 exist on every Chinese Windows and WPS. */
export const docxStyles: IStylesOptions = {
  default: {
    document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' }, size: 22 } },
    heading1: { run: { font: { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' }, size: 36, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
    heading2: { run: { font: { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' }, size: 28, bold: true }, paragraph: { spacing: { before: 280, after: 120 } } },
    heading3: { run: { font: { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' }, size: 24, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
  },
};

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: border, bottom: border, left: border, right: border };

export const text = (value: string, bold = false) => new Paragraph({ children: [new TextRun({ text: value, bold })] });

/** A full-width table: the first row is the header; columns share the width by the given weights. */
export function gridTable(header: string[], rows: string[][], weights: number[] = header.map(() => 1)): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const cell = (value: string, bold: boolean, i: number) =>
    new TableCell({
      borders,
      width: { size: Math.round((weights[i]! / total) * 100), type: WidthType.PERCENTAGE },
      ...(bold ? { shading: { fill: 'EDEDED' } } : {}),
      children: [new Paragraph({ children: [new TextRun({ text: value, bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, false, i)) })),
    ],
  });
}

/** A narrative section: one paragraph per line of the chair's text, empty ones kept out. */
export const paragraphsOf = (value: string) => {
  const lines = value.split(/\r?\n/).filter((l) => l.trim());
  return lines.length ? lines.map((l) => new Paragraph({ children: [new TextRun(l)], spacing: { after: 80 } })) : [text('（未填写）')];
};

export async function docxBase64(document: Document): Promise<string> {
  return (await Packer.toBuffer(document)).toString('base64');
}
