import type { IncomingMessage } from 'node:http';
import { MIMEType } from 'node:util';
import { localize } from '@union/domain';

export interface Refusal {
  status: number;
  message: string;
}

// Built per request: the message follows the caller's locale.
const NOT_JSON = (): Refusal => ({
  status: 415,
  message: localize({ zh: '请求格式不被接受：只接受 application/json 请求', en: 'Request format not accepted: only application/json requests are' }),
});
const FOREIGN_ORIGIN = (): Refusal => ({
  status: 403,
  message: localize({ zh: '请求来源不被接受：只接受本网站页面发出的操作', en: 'Request origin not accepted: only this site’s own pages may make changes' }),
});

/** The media type, parsed as browsers do (WHATWG MIME type), or null when unparsable. */
function mediaTypeOf(header: string | undefined): MIMEType | null {
  try {
    return header ? new MIMEType(header) : null;
  } catch {
    return null;
  }
}

function isJson(req: IncomingMessage): boolean {
  const type = mediaTypeOf(req.headers['content-type']);
  if (type?.essence !== 'application/json') return false;
  const charset = type.params.get('charset');
  return charset === null || charset.toLowerCase() === 'utf-8';
}

/** Same host (and port) as the request's own Host, or one of the configured origins. */
function isAcceptedOrigin(origin: string, req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  if (!URL.canParse(origin)) return false; // includes the opaque "null" origin
  const url = new URL(origin);
  return url.host === req.headers.host || allowedOrigins.includes(url.origin);
}

/**
 * CSRF defence for the API, on top of SameSite=Lax cookies. tRPC would also
 * accept form and octet-stream POSTs, which a hostile page can send cross-site
 * without a preflight: a state-changing call (POST) must be JSON, and when the
 * browser says where it comes from (Origin, Sec-Fetch-Site), from our own pages
 * or a configured origin. Clients without those headers (curl, scripts) pass.
 */
export function refusalOfApiRequest(req: IncomingMessage, allowedOrigins: readonly string[]): Refusal | null {
  if (req.method !== 'POST') return null;
  if (!isJson(req)) return NOT_JSON();
  const origin = req.headers.origin;
  if (origin !== undefined) return isAcceptedOrigin(origin, req, allowedOrigins) ? null : FOREIGN_ORIGIN();
  return req.headers['sec-fetch-site'] === 'cross-site' ? FOREIGN_ORIGIN() : null;
}
