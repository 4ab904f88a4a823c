import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff-to-sfnt';

// PDFs need a Chinese font embedded. The default comes from npm
// (@fontsource/noto-sans-sc, OFL: its 7,900-character Simplified Chinese set
// with Latin and digits, as WOFF, which pdfkit's fontkit reads), so a fresh
// clone renders without any system font. PDF_FONT_PATH swaps in a fuller
// font (TTF/OTF/WOFF, or a collection as `file.ttc#PostScriptName`) for rare
// characters the set lacks, e.g. Debian's Noto Sans CJK.

export interface PdfFont {
  /** A file path (or the font's bytes), and for a .ttc collection the font's PostScript name. */
  src: string | Buffer;
  family?: string;
}

export interface PdfFonts {
  regular: PdfFont;
  bold: PdfFont;
}

const require = createRequire(import.meta.url);
const bundledFonts = new Map<number, PdfFont>();
/** Read and unpacked once per process (1.5 MB each). */
function bundled(weight: 400 | 700): PdfFont {
  let font = bundledFonts.get(weight);
  if (!font) {
    const file = require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff`);
    bundledFonts.set(weight, (font = { src: woffToSfnt(readFileSync(file)) }));
  }
  return font;
}

/** `path` or `path#PostScriptName`. */
export function parseFontSetting(setting: string): PdfFont {
  const hash = setting.lastIndexOf('#');
  const font = hash > 0 ? { src: setting.slice(0, hash), family: setting.slice(hash + 1) } : { src: setting };
  if (!existsSync(font.src)) throw new Error(`环境变量配置错误 (invalid environment): PDF_FONT_PATH: 找不到字体文件 ${font.src}`);
  return /\.woff$/i.test(font.src) ? { ...font, src: woffToSfnt(readFileSync(font.src)) } : font;
}

let configured: PdfFonts | null = null;

/** Set once at start from PDF_FONT_PATH / PDF_FONT_BOLD_PATH (config.ts); unset = the bundled font. */
export function configurePdfFonts(settings: { regular?: string | undefined; bold?: string | undefined }): void {
  if (!settings.regular) {
    configured = null;
    return;
  }
  const regular = parseFontSetting(settings.regular);
  configured = { regular, bold: settings.bold ? parseFontSetting(settings.bold) : regular };
}

export function pdfFonts(): PdfFonts {
  return configured ?? { regular: bundled(400), bold: bundled(700) };
}
