// The printed 区级年度汇总: printed to PDF by Chromium (page.pdf, A4, as the browser's
// print does), each page rendered with poppler's pdftoppm and its text read with
// pdftotext (Debian poppler-utils). Pages must not be nearly blank, charts must fit
// the page, and the summary must speak of one year only.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotDir, useBrowserSuite } from './browser';

const suite = useBrowserSuite();
const YEAR = 2025;

/** A grey-scale PGM (P5) as width, height and pixels. */
function readPgm(path: string) {
  const bytes = readFileSync(path);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

/**
 * Share of rows with ink, the lowest inked row (0–1 of the height), and the tallest
 * block of rows that are mostly light grey (an empty grey box), 0–1 of the height.
 */
function inkOf(path: string) {
  const { width, height, pixels } = readPgm(path);
  let inkedRows = 0;
  let lowest = 0;
  let greyRun = 0;
  let greyBlock = 0;
  for (let y = 0; y < height; y++) {
    let ink = false;
    let grey = 0;
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x]!;
      if (v < 200) ink = true;
      else if (v < 250) grey++;
    }
    if (ink) {
      inkedRows++;
      lowest = y;
    }
    greyRun = grey > width * 0.5 ? greyRun + 1 : 0;
    greyBlock = Math.max(greyBlock, greyRun);
  }
  return { inked: inkedRows / height, lowest: lowest / height, greyBlock: greyBlock / height };
}

describe('区级年度汇总 printed to PDF (A4)', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`lays out every page with charts that fit and one year throughout (${lang})`, async () => {
      const page = await suite.loggedIn('admin', { path: `/dashboard/print?year=${YEAR}` });
      if (lang === 'en') {
        await page.evaluate(() => localStorage.setItem('union.lang', 'en'));
        await page.reload();
      }
      await page.locator('.print-section').first().waitFor();
      await page.locator('.echart-print-image').nth(1).waitFor({ state: 'attached' });
      await page.locator('.gaps-table').waitFor();

      const dir = join(screenshotDir, `print-summary-${lang}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const pdf = join(dir, 'summary.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });

      // Pictures for a person to look at, and grey-scale ones to measure.
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(dir, 'page')]);
      execFileSync('pdftoppm', ['-r', '30', '-gray', pdf, join(dir, 'measure')]);
      const pages = readdirSync(dir).filter((f) => f.startsWith('measure')).sort();
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages.length).toBeLessThanOrEqual(5);
      pages.forEach((file, i) => {
        const ink = inkOf(join(dir, file));
        const last = i === pages.length - 1;
        // Every page but the last is mostly filled (a heading kept with its table may leave a gap); none is nearly blank.
        // The end of the ink says "filled"; the share of inked rows only says "not blank" (a table of short
        // English rows, like the ranking with its rank-change column, inks ~38% of the rows of a full page).
        if (!last) expect(ink.lowest, `page ${i + 1} ends at ${Math.round(ink.lowest * 100)}%`).toBeGreaterThan(0.6);
        expect(ink.inked, `page ${i + 1} has ink on ${Math.round(ink.inked * 100)}% of its rows`).toBeGreaterThan(last ? 0.1 : 0.3);
        // No large empty grey box.
        expect(ink.greyBlock, `page ${i + 1}: a grey block ${Math.round(ink.greyBlock * 100)}% of the page tall`).toBeLessThan(0.05);
      });

      // Charts fit the printed width: each picture lies within its section.
      await page.emulateMedia({ media: 'print' });
      for (const img of await page.locator('.echart-print-image').all()) {
        const [box, section] = await Promise.all([img.boundingBox(), img.locator('xpath=ancestor::section[1]').boundingBox()]);
        expect(box!.width).toBeGreaterThan(200);
        expect(box!.x + box!.width).toBeLessThanOrEqual(section!.x + section!.width + 1);
      }
      await page.emulateMedia({ media: 'screen' });

      // One year throughout: no other year is named, apart from the date it was printed.
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(String(YEAR));
      const years = [...text.replace(/^.*(生成日期|Generated ).*$/gm, '').matchAll(/20\d\d/g)].map((m) => Number(m[0]));
      expect(new Set(years)).toEqual(new Set([YEAR]));
    });
  }
});
