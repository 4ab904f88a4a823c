import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const serverDir = resolve(import.meta.dirname, '..');

export interface ServerProcess {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * How long a start may take before it counts as hung. A fresh embedded
 * database (initdb) plus the demo seed takes ~5 s on an idle 2-core machine
 * and over a minute when it is loaded; this is a hang detector, not a
 * performance check (timings: README, "Test suite on a busy machine").
 */
export const SERVER_READY_TIMEOUT_MS = 240_000;

/**
 * Starts the real server (`src/main.ts`) as a child process on a free port,
 * with a fresh embedded database in a temp folder unless DATABASE_URL is given.
 * Resolves once it prints its ready line; a process that never gets there is
 * killed and the start fails with everything it printed.
 */
export async function startServerProcess(
  options: { demo?: boolean; env?: Record<string, string>; nodeArgs?: string[]; readyTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-server-'));
  // `--import tsx` loads TypeScript in the same process (the tsx CLI would add a
  // parent process relaying signals, which can turn a graceful exit into 143).
  const args = [...(options.nodeArgs ?? []), '--import', 'tsx', join(serverDir, 'src', 'main.ts'), ...(options.demo ? ['--demo'] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));

  const readyTimeoutMs = options.readyTimeoutMs ?? SERVER_READY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const url = await new Promise<string>((res, rej) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /server ready\): (http:\/\/[^/\s]+)\//.exec(output);
      if (match) res(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => rej(new Error(`server exited with ${code} before it was ready:\n${output}`)));
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`server not ready after ${readyTimeoutMs / 1000} s:\n${output}`));
    }, readyTimeoutMs);
  }).catch(async (error: unknown) => {
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }).finally(() => clearTimeout(timer));

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
