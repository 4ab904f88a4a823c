// Starts the real server (`apps/server/src/main.ts --demo`) on a free port with
// a fresh embedded database, for the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const serverDir = join(repoRoot, 'apps/server');
const webDist = join(repoRoot, 'apps/web/dist');
const READY_LINE = /\(server ready\): (http:\/\/[^\s/]+:\d+)\//;

export interface RunningServer {
  baseUrl: string;
  /** Everything the server printed so far (for failure messages). */
  output: () => string;
  stop: () => Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`/healthz did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

export async function startDemoServer({ readyTimeoutMs = 180_000 } = {}): Promise<RunningServer> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`The web app is not built (${webDist}/index.html missing): run \`npx vite build\` in apps/web first (turbo runs build before test).`);
  }
  // tsx is a dependency of @union/server: resolve it from there, whatever the cwd.
  const tsxLoader = createRequire(join(serverDir, 'package.json')).resolve('tsx');
  const dataDir = mkdtempSync(join(tmpdir(), 'union-web-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST_DIR: webDist };
  delete env.DATABASE_URL; // embedded PGlite in the temp dir
  delete env.NODE_OPTIONS;

  const child = spawn(process.execPath, ['--import', pathToFileURL(tsxLoader).href, join(serverDir, 'src/main.ts'), '--demo'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    output += chunk;
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 15_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const baseUrl = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server not ready within ${readyTimeoutMs} ms. Output:\n${output}`)),
        readyTimeoutMs,
      );
      child.stdout?.on('data', (chunk: string) => {
        output += chunk;
        const match = READY_LINE.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited early (code ${code}, signal ${signal}). Output:\n${output}`));
      });
    });
    await waitForHealth(baseUrl, 30_000);
    return { baseUrl, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface SessionCookie {
  name: string;
  value: string;
}

/**
 * Logs in over HTTP when the server has accounts (`auth.login`), returning the
 * session cookie for the browser; null when the API is still open to all
 * (no such procedure), so the tests run against either.
 */
export async function loginIfRequired(baseUrl: string, username: string, password: string): Promise<SessionCookie | null> {
  const res = await fetch(new URL('/trpc/auth.login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`auth.login failed: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  const eq = cookie?.indexOf('=') ?? -1;
  if (!cookie || eq <= 0) throw new Error('auth.login succeeded but set no session cookie');
  return { name: cookie.slice(0, eq), value: cookie.slice(eq + 1) };
}

/** Calls a tRPC query over plain HTTP (GET, no transformer), as the browser would. */
export async function trpcQuery<T>(baseUrl: string, path: string, input?: unknown, session?: SessionCookie | null): Promise<T> {
  const url = new URL(`/trpc/${path}`, baseUrl);
  if (input !== undefined) url.searchParams.set('input', JSON.stringify(input));
  const res = await fetch(url, session ? { headers: { cookie: `${session.name}=${session.value}` } } : {});
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok || !body.result) throw new Error(`${path} failed: HTTP ${res.status} ${body.error?.message ?? ''}`);
  return body.result.data;
}
