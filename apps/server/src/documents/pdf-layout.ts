import PDFDocument from 'pdfkit';
import { pdfFonts } from './pdf-font';

// A small layout layer over pdfkit: headings, paragraphs and grid tables that
// break across pages, and a header/footer stamped on every page at the end
// (when the page count is known).

export type Pdf = PDFKit.PDFDocument;
const MARGIN = 56;
/** Room at the bottom of each page for the verification footer (QR code and text). */
const FOOTER_HEIGHT = 84;

export function newPdf(title: string): Pdf {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT - 28 }, bufferPages: true, info: { Title: title, Creator: '工会年报平台' } });
  const fonts = pdfFonts();
  doc.registerFont('regular', fonts.regular.src, fonts.regular.family);
  doc.registerFont('bold', fonts.bold.src, fonts.bold.family);
  doc.font('regular').fontSize(10.5);
  return doc;
}

const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomOf = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when less than `height` is left on this one. */
export function keepSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

export function heading(doc: Pdf, value: string, size: number, options: { align?: 'left' | 'center' } = {}): void {
  keepSpace(doc, size * 3);
  doc.moveDown(0.4).font('bold').fontSize(size).text(value, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: options.align ?? 'left' });
  doc.font('regular').fontSize(10.5).moveDown(0.3);
}

export function paragraph(doc: Pdf, value: string, options: { bold?: boolean; color?: string } = {}): void {
  doc.font(options.bold ? 'bold' : 'regular').fillColor(options.color ?? 'black');
  doc.text(value, doc.page.margins.left, doc.y, { width: contentWidth(doc), paragraphGap: 4, lineGap: 2 });
  doc.font('regular').fillColor('black');
}

/** A full-width grid; the header row repeats after a page break. */
export function table(doc: Pdf, header: string[], rows: string[][], weights: number[] = header.map(() => 1)): void {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * contentWidth(doc));
  const pad = 4;
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular');
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }) + 2 * pad));
  };
  const draw = (cells: string[], bold: boolean) => {
    const height = heightOf(cells, bold);
    const y = doc.y;
    let x = doc.page.margins.left;
    if (bold) doc.rect(x, y, contentWidth(doc), height).fill('#EDEDED').fillColor('black');
    cells.forEach((c, i) => {
      doc.lineWidth(0.5).strokeColor('#808080').rect(x, y, widths[i]!, height).stroke();
      doc.font(bold ? 'bold' : 'regular').text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad });
      x += widths[i]!;
    });
    doc.font('regular');
    doc.x = doc.page.margins.left;
    doc.y = y + height;
  };
  keepSpace(doc, heightOf(header, true) + (rows[0] ? heightOf(rows[0], false) : 0));
  draw(header, true);
  for (const row of rows) {
    if (doc.y + heightOf(row, false) > bottomOf(doc)) {
      doc.addPage();
      draw(header, true);
    }
    draw(row, false);
  }
  doc.moveDown(0.5);
}

/** Boxes side by side, each with its label in the top corner (for signatures and stamps). */
export function labelledBoxes(doc: Pdf, labels: readonly string[], height: number): void {
  keepSpace(doc, height);
  const width = contentWidth(doc) / labels.length;
  const y = doc.y;
  labels.forEach((label, i) => {
    const x = doc.page.margins.left + i * width;
    doc.lineWidth(1).strokeColor('black').rect(x, y, width, height).stroke();
    doc.font('bold').fontSize(10.5).text(label, x + 6, y + 6, { width: width - 12 });
  });
  doc.font('regular');
  doc.x = doc.page.margins.left;
  doc.y = y + height;
  doc.moveDown(0.5);
}

/** Header and footer on every page; `footer` draws inside the bottom band. */
export function stampPages(doc: Pdf, header: string, footer: (page: number, pages: number, band: { x: number; y: number; width: number }) => void): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Text in the margins must not flow onto a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor('#555555').text(header, MARGIN, MARGIN - 28, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.fillColor('black');
    footer(i - range.start + 1, range.count, { x: MARGIN, y: doc.page.height - MARGIN - FOOTER_HEIGHT + 28, width: contentWidth(doc) });
    doc.page.margins.bottom = bottom;
  }
}

export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
