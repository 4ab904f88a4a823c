import type { IncomingMessage, ServerResponse } from 'node:http';
import contentDisposition from 'content-disposition';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { localize, type Localized } from '@union/domain';
import { readSessionToken } from '../auth/session-cookie';
import { resolveSession } from '../auth/sessions';
import { readEvidenceBytes } from '../services/evidence-files';
import { EVIDENCE_NOT_FOUND } from '../trpc/error-messages';

const ROUTE = /^\/files\/evidence\/(\d{1,10})(\/thumbnail)?$/;

/** Whether the path is one of the evidence download routes (`/files/evidence/<id>[/thumbnail]`). */
export const isEvidencePath = (url: string): boolean => url.startsWith('/files/evidence/');

function sendText(res: ServerResponse, status: number, text: Localized): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(localize(text));
}

/**
 * Downloads of evidence files, for whoever may read the report (the session
 * cookie and `readableReportIds`, as the API). Only photos and thumbnails
 * are shown inline; every other file downloads (`attachment`), and the
 * answer may not be sniffed, framed or run as a page (`nosniff`, a sandboxing CSP).
 */
export async function serveEvidence(db: Kysely<Database>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  const match = ROUTE.exec(path);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, { zh: '只能下载佐证材料', en: 'Evidence files can only be downloaded' });
  }
  const id = match ? Number(match[1]) : 0;
  if (!match || id < 1 || id > 2_147_483_647) return sendText(res, 404, EVIDENCE_NOT_FOUND);
  const token = readSessionToken(req.headers.cookie);
  const session = token ? await resolveSession(db, token) : null;
  if (!session) return sendText(res, 401, { zh: '尚未登录或登录已过期，请重新登录', en: 'You are not logged in or your session has expired; please log in again' });
  if (session.actor.mustChangePassword) return sendText(res, 403, { zh: '请先修改初始密码', en: 'Change your initial password first' });
  const file = await readEvidenceBytes(db, session.actor, id, match[2] ? 'thumbnail' : 'content');
  // Another school's file, a draft's file for a viewer and a missing one answer alike.
  if (!file) return sendText(res, 404, EVIDENCE_NOT_FOUND);
  const etag = `"${file.sha256}"`;
  const inline = file.mime.startsWith('image/');
  res.setHeader('content-type', file.mime);
  res.setHeader('content-disposition', contentDisposition(file.filename, { type: inline ? 'inline' : 'attachment' }));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', "default-src 'none'; sandbox");
  // Private: only this browser may keep it, and it asks again each time (the session may have ended).
  res.setHeader('cache-control', 'private, no-cache');
  res.setHeader('etag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.setHeader('content-length', String(file.bytes.byteLength));
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}
