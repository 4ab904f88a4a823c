import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { sql, type Kysely } from 'kysely';
import sirv from 'sirv';
import type { Database, DbEngine } from '@union/db';
import { appRouter } from '../routers/index';
import { createHttpContextFactory } from '../trpc/context';

export interface AppServerOptions {
  db: Kysely<Database>;
  engine: DbEngine;
  /** The built web app (apps/web/dist). Served at `/` when present. */
  webDistDir?: string | undefined;
  /** Mark the session cookie `Secure` (the site is served over HTTPS). */
  secureCookies?: boolean;
  /** Take the client address from X-Forwarded-For (behind our reverse proxy). */
  trustProxy?: boolean;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * CSRF guard: tRPC also accepts form and octet-stream POSTs, which a hostile
 * page can send cross-site without a preflight. Only JSON POSTs get through.
 */
function isAcceptableTrpcRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return true;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  return contentType.startsWith('application/json');
}

/** The whole HTTP surface: `/trpc` (API), `/healthz`, and the web app at `/`. */
export function createAppServer(options: AppServerOptions): Server {
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    // Excel uploads arrive base64-encoded in JSON.
    maxBodySize: 10 * 1024 * 1024,
    createContext: createHttpContextFactory({
      db: options.db,
      secureCookies: options.secureCookies ?? false,
      trustProxy: options.trustProxy ?? false,
    }),
  });

  const indexHtml = options.webDistDir ? join(options.webDistDir, 'index.html') : undefined;
  const serveWeb =
    options.webDistDir && indexHtml && existsSync(indexHtml)
      ? sirv(options.webDistDir, {
          single: true,
          etag: true,
          gzip: false,
          // Hashed assets never change; index.html must always be revalidated.
          setHeaders(res, pathname) {
            res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
          },
        })
      : undefined;

  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/healthz' || url.startsWith('/healthz?')) {
      sql`select 1 as ok`
        .execute(options.db)
        .then(() => sendJson(res, 200, { status: 'ok', database: 'reachable', engine: options.engine }))
        .catch((error: unknown) =>
          sendJson(res, 503, { status: 'error', database: 'unreachable', message: error instanceof Error ? error.message : String(error) }),
        );
      return;
    }
    if (url.startsWith('/trpc/')) {
      if (!isAcceptableTrpcRequest(req)) {
        sendJson(res, 415, { error: { message: '请求格式不被接受：只接受 application/json 请求' } });
        return;
      }
      trpcHandler(req, res);
      return;
    }
    if (serveWeb) {
      serveWeb(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('网页尚未构建：请先运行 pnpm build (web app not built)');
  });
}
