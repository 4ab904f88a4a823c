import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';

// Reading generated documents with real readers: mammoth for .docx, and
// Debian's poppler-utils (pdftotext, pdftoppm; installed by .ci/run) for PDF.

const run = promisify(execFile);
const screenshotDir = join(process.env.ARTIFACTS_DIR ?? resolve(import.meta.dirname, '../../../artifacts'), 'screenshots');

export async function docxText(base64: string): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(base64, 'base64') })).value;
}

/** Headers and footers, which mammoth leaves out: the text of their XML parts. */
export function docxFooterText(base64: string): string {
  const parts = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return Object.entries(parts)
    .filter(([name]) => /^word\/(footer|header)\d*\.xml$/.test(name))
    .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ''))
    .join('\n');
}

async function withPdf<T>(base64: string, work: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return await work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfText = (base64: string) => withPdf(base64, async (file) => (await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 32 * 1024 * 1024 })).stdout);

export async function pdfPageCount(base64: string): Promise<number> {
  const info = await withPdf(base64, async (file) => (await run('pdfinfo', [file])).stdout);
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/**
 * Renders one page (the first by default): a PNG into artifacts/screenshots (to
 * look at) and a grey-scale PGM read here. Returns the share of dark pixels on the page.
 */
export function renderPage(base64: string, name: string, pageNumber = 1): Promise<{ darkShare: number; width: number; height: number; png: string }> {
  return withPdf(base64, async (file, dir) => {
    mkdirSync(screenshotDir, { recursive: true });
    const png = join(screenshotDir, name);
    const page = String(pageNumber);
    await run('pdftoppm', ['-png', '-r', '110', '-f', page, '-l', page, '-singlefile', file, png.replace(/\.png$/, '')]);
    await run('pdftoppm', ['-gray', '-r', '50', '-f', page, '-l', page, '-singlefile', file, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    let dark = 0;
    for (const p of pixels) if (p < 128) dark++;
    return { darkShare: dark / pixels.length, width, height, png };
  });
}
