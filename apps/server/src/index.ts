// Public surface of @union/server: the router type for the web client and
// the server factory for tests and benchmarks.
export type { AppRouter, RouterInputs, RouterOutputs } from './routers/index';
export { appRouter } from './routers/index';
export { createAppServer, type AppServerOptions } from './http/app-server';
export type { ErrorData } from './trpc/trpc';
export { ensureScores } from './services/scores';
export { createSession } from './auth/sessions';
export { SESSION_COOKIE } from './auth/session-cookie';
