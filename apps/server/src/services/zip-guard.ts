// Uploaded .docx and .xlsx files are zip archives, and a small archive can
// inflate to gigabytes (a 349 KB .docx with a 100 MB document.xml once killed
// the server). Before mammoth or exceljs sees a file, it is unzipped here with
// fflate, counting the bytes actually inflated — headers can lie — and
// stopping at the limit; the parser then gets a fresh archive of the checked
// entries only, so it never reads anything this check did not measure.
import { localize, type Localized } from '@union/domain';
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync, zipSync, type Unzipped } from 'fflate';

export interface ZipLimits {
  /** What the file is called in messages: 该 Word 文件, 该 Excel 文件. */
  label: Localized;
  maxCompressedBytes: number;
  maxEntries: number;
  /** Inflated size of one entry. */
  maxEntryBytes: number;
  /** Inflated size of all entries together. */
  maxTotalBytes: number;
  /** Shown when the file is not a readable zip at all. */
  unreadable: Localized;
}

/** A refusal with a message (in the caller's locale) that can be shown as is. */
export class UploadRefusedError extends Error {
  override readonly name = 'UploadRefusedError';
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** Compressed input is fed in slices so that one step inflates to a few MB at most (deflate expands ≤ ~1000×). */
const INPUT_SLICE = 4 * 1024;

/**
 * The entries of a zip archive, inflated within `limits`; throws
 * UploadRefusedError (zh-CN) when the archive is too big, has too many
 * entries, or is not a readable zip.
 */
export function unzipWithinLimits(bytes: Uint8Array, limits: ZipLimits): Unzipped {
  const { zh, en } = limits.label;
  const refuse = (text: Localized) => new UploadRefusedError(localize(text));
  const tooBig = () =>
    refuse({
      zh: `${zh}解压后过大（超过 ${megabytes(limits.maxTotalBytes)}），无法读取。请删除其中的大图片或拆分后再上传。`,
      en: `${en} is too large unpacked (over ${megabytes(limits.maxTotalBytes)}) to read. Remove large pictures or split it, then upload again.`,
    });
  const entryTooBig = (name: string) =>
    refuse({ zh: `${zh}中的“${name}”解压后过大（超过 ${megabytes(limits.maxEntryBytes)}），无法读取。`, en: `“${name}” in ${en.toLowerCase()} is too large unpacked (over ${megabytes(limits.maxEntryBytes)}) to read.` });
  const tooMany = () => refuse({ zh: `${zh}包含的部件过多（超过 ${limits.maxEntries} 个），无法读取。`, en: `${en} has too many parts (over ${limits.maxEntries}) to read.` });
  const broken = () => refuse(limits.unreadable);
  if (bytes.length > limits.maxCompressedBytes) throw refuse({ zh: `${zh}太大（最大 ${megabytes(limits.maxCompressedBytes)}）。`, en: `${en} is too large (${megabytes(limits.maxCompressedBytes)} at most).` });

  // 1. The central directory, without inflating anything: refuse early on what the archive admits to.
  const listed = new Set<string>();
  let declaredTotal = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        listed.add(file.name);
        if (listed.size > limits.maxEntries) throw tooMany();
        if (file.originalSize > limits.maxEntryBytes) throw entryTooBig(file.name);
        declaredTotal += file.originalSize;
        if (declaredTotal > limits.maxTotalBytes) throw tooBig();
        return false;
      },
    });
  } catch (error) {
    throw error instanceof UploadRefusedError ? error : broken();
  }

  // 2. Inflate for real, counting what comes out, and stop at the first limit crossed.
  const chunks = new Map<string, Uint8Array[]>();
  const sizes = new Map<string, number>();
  let total = 0;
  let refusal: UploadRefusedError | null = null;
  const unzip = new Unzip((file) => {
    if (refusal) return;
    if (chunks.has(file.name) || chunks.size >= limits.maxEntries) {
      refusal = chunks.has(file.name) ? broken() : tooMany();
      return;
    }
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    sizes.set(file.name, 0);
    file.ondata = (error, data) => {
      if (refusal) return;
      if (error) {
        refusal = broken();
        return;
      }
      const size = sizes.get(file.name)! + data.length;
      sizes.set(file.name, size);
      total += data.length;
      if (size > limits.maxEntryBytes) refusal = entryTooBig(file.name);
      else if (total > limits.maxTotalBytes) refusal = tooBig();
      if (refusal) {
        file.terminate();
        return;
      }
      parts.push(data);
    };
    try {
      file.start();
    } catch {
      refusal = broken(); // a compression method other than stored/deflate
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !refusal; at += INPUT_SLICE) {
      const end = Math.min(bytes.length, at + INPUT_SLICE);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    refusal ??= broken();
  }
  if (refusal) throw refusal;
  // What the parser would have read (the central directory) must be what was measured.
  for (const name of listed) if (!chunks.has(name)) throw broken();

  const entries: Unzipped = {};
  for (const [name, parts] of chunks) {
    if (!listed.has(name)) continue;
    entries[name] = concat(parts, sizes.get(name)!);
  }
  return entries;
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  if (parts.length === 1 && parts[0]!.buffer instanceof ArrayBuffer) return parts[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A new archive (stored, not compressed: it is read at once) of entries already checked. */
export function rezip(entries: Unzipped): Uint8Array {
  return zipSync(entries, { level: 0 });
}
