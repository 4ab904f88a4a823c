import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Kysely } from 'kysely';
import { pino, type Logger } from 'pino';
import sirv from 'sirv';
import type { Database, DbEngine } from '@union/db';
import { localize } from '@union/domain';
import { inLocale, localeOfRequest } from '../i18n/request-locale';
import { appRouter } from '../routers/index';
import { createHttpContextFactory } from '../trpc/context';
import { INTERNAL_ERROR, MAX_BATCH_SIZE } from '../trpc/error-messages';
import { serveEvidence, isEvidencePath } from './evidence-download';
import { checkHealth, checkReadiness, mayReadHealthDetails } from './health';
import { refusalOfApiRequest } from './request-guard';
import { setSecurityHeaders } from './security-headers';

export interface AppServerOptions {
  db: Kysely<Database>;
  engine: DbEngine;
  /** The built web app (apps/web/dist). Served at `/` when present. */
  webDistDir?: string | undefined;
  /** Mark the session cookie `Secure` (the site is served over HTTPS). */
  secureCookies?: boolean;
  /** Take the client address from X-Forwarded-For (behind our reverse proxy). */
  trustProxy?: boolean;
  /** Origins besides the site's own whose pages may call mutations (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Shows /healthz and /readyz details to callers sending it as `X-Health-Token` (HEALTH_TOKEN). */
  healthToken?: string | undefined;
  /** Structured (JSON) logger; silent when absent. */
  logger?: Logger;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The proxy's request id when it sent a sane one, else a new one; echoed back and logged. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/** The whole HTTP surface: `/trpc` (API), `/healthz`, `/readyz`, and the web app at `/`. */
export function createAppServer(options: AppServerOptions): Server {
  const logger = options.logger ?? pino({ level: 'silent' });
  const requestIds = new WeakMap<IncomingMessage, string>();
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    // Excel and evidence uploads arrive base64-encoded in JSON (a 10 MB photo is 13.4 MB of base64).
    maxBodySize: 15 * 1024 * 1024,
    // Bounds the work one request can start (the web client's batch link splits at the same size).
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: createHttpContextFactory({
      db: options.db,
      secureCookies: options.secureCookies ?? false,
      trustProxy: options.trustProxy ?? false,
    }),
    onError({ error, path, req }) {
      // Expected refusals (validation, auth, conflicts) are the client's business; crashes are ours.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ reqId: requestIds.get(req), path, err: error.cause ?? error }, 'procedure failed');
      }
    },
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
    setSecurityHeaders(res, { https: options.secureCookies ?? false });
    const reqId = requestIdOf(req);
    requestIds.set(req, reqId);
    res.setHeader('x-request-id', reqId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Path only: query strings of tRPC GETs carry inputs, which stay out of logs.
      const path = (req.url ?? '/').split('?')[0];
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ reqId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });

    const url = req.url ?? '/';
    const probe = url === '/healthz' || url.startsWith('/healthz?') ? checkHealth : url === '/readyz' || url.startsWith('/readyz?') ? checkReadiness : null;
    if (probe) {
      const detailed = mayReadHealthDetails(req, { trustProxy: options.trustProxy ?? false, healthToken: options.healthToken });
      void probe(options.db, options.engine, detailed).then(({ status, body }) => sendJson(res, status, body));
      return;
    }
    if (url.startsWith('/trpc/')) {
      // Every message built while answering (domain, zod, our errors) follows the caller's locale.
      inLocale(localeOfRequest(req), () => {
        const refusal = refusalOfApiRequest(req, options.allowedOrigins ?? []);
        if (refusal) sendJson(res, refusal.status, { error: { message: refusal.message } });
        else void trpcHandler(req, res);
      });
      return;
    }
    if (isEvidencePath(url)) {
      inLocale(localeOfRequest(req), () => {
        serveEvidence(options.db, req, res).catch((err: unknown) => {
          logger.error({ reqId, path: url.split('?')[0], err }, 'evidence download failed');
          if (!res.headersSent) sendJson(res, 500, { error: { message: localize(INTERNAL_ERROR) } });
          else res.destroy();
        });
      });
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
