import { resolve } from 'node:path';
import { z } from 'zod';

const repoRoot = resolve(import.meta.dirname, '../../..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(resolve(repoRoot, 'data')),
  WEB_DIST_DIR: z.string().default(resolve(repoRoot, 'apps/web/dist')),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  DEBUG_ERRORS: z.enum(['true', 'false']).default('false'),
  ALLOWED_ORIGINS: z.string().default(''),
  HEALTH_TOKEN: z.string().optional(),
  EXTRACT_WORKERS: z.coerce.number().int().min(1).max(32).default(2),
  PUBLIC_URL: z.string().optional(),
  NOTIFICATIONS_POLL_SECONDS: z.coerce.number().min(0.05).max(3600).default(5),
  NOTIFICATIONS_LEASE_SECONDS: z.coerce.number().min(1).max(86_400).default(120),
  PDF_FONT_PATH: z.string().optional(),
  PDF_FONT_BOLD_PATH: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded database under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  webDistDir: string;
  /** Send the session cookie only over HTTPS (set behind a TLS proxy). */
  secureCookies: boolean;
  /** Trust X-Forwarded-For from the reverse proxy for the client address. */
  trustProxy: boolean;
  /** Send stack traces in error answers (development only; never in production). */
  debugErrors: boolean;
  /** Origins besides the site's own whose pages may call mutations (e.g. https://admin.example.cn). */
  allowedOrigins: string[];
  /** Secret for the `X-Health-Token` header that shows /healthz and /readyz details to non-local callers. */
  healthToken: string | undefined;
  /** Worker threads that read pasted/uploaded summaries. */
  extractWorkers: number;
  /** A Chinese font for PDFs instead of the bundled one (`file` or `file.ttc#PostScriptName`). */
  pdfFontPath: string | undefined;
  pdfFontBoldPath: string | undefined;
  /** pino level for the JSON logs on stdout. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where people open the app (links in e-mails and group messages); default: http://HOST:PORT. */
  publicUrl: string | undefined;
  /** How often the notification worker looks for due messages. */
  notificationsPollMs: number;
  /** How long a worker's claim on a message holds (a worker that dies mid-send is taken over after it). */
  notificationsLeaseMs: number;
  /** Seed the demo district into an empty database (the README's start command). */
  seedDemo: boolean;
}

/**
 * Stack traces in error answers only when DEBUG_ERRORS=true; NODE_ENV (which
 * tRPC looks at by default) is not enough. Read where tRPC is initialised.
 */
export function debugErrorsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DEBUG_ERRORS === 'true';
}

/** `ALLOWED_ORIGINS`: comma- or space-separated origins, normalised (scheme://host[:port]). */
function parseAllowedOrigins(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const origin = URL.canParse(entry) ? new URL(entry).origin : 'null';
      if (origin === 'null') throw new Error(`环境变量配置错误 (invalid environment): ALLOWED_ORIGINS: 「${entry}」不是有效的网址来源，例如 https://example.cn`);
      return origin;
    });
}

/** `PUBLIC_URL`: an http(s) address without a trailing slash. */
function parsePublicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new Error(`环境变量配置错误 (invalid environment): PUBLIC_URL: 「${value}」不是有效的网址，例如 https://nianbao.example.cn`);
  }
  return value.replace(/\/+$/, '');
}

/** Configuration comes only from the environment (plus `--demo` from the start script). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`环境变量配置错误 (invalid environment): ${details}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    webDistDir: e.WEB_DIST_DIR,
    secureCookies: e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    debugErrors: debugErrorsEnabled(env),
    allowedOrigins: parseAllowedOrigins(e.ALLOWED_ORIGINS),
    healthToken: e.HEALTH_TOKEN || undefined,
    extractWorkers: e.EXTRACT_WORKERS,
    pdfFontPath: e.PDF_FONT_PATH || undefined,
    pdfFontBoldPath: e.PDF_FONT_BOLD_PATH || undefined,
    // The demo keeps the console readable: request logs only when asked for.
    logLevel: e.LOG_LEVEL ?? (argv.includes('--demo') ? 'warn' : 'info'),
    seedDemo: argv.includes('--demo'),
    publicUrl: parsePublicUrl(e.PUBLIC_URL),
    notificationsPollMs: Math.round(e.NOTIFICATIONS_POLL_SECONDS * 1000),
    notificationsLeaseMs: Math.round(e.NOTIFICATIONS_LEASE_SECONDS * 1000),
  };
}
