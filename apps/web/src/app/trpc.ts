import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@union/server';
import i18n from 'i18next';
import type { SessionStore } from './session';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** What the API returns, after JSON (dates arrive as ISO strings). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type Me = NonNullable<RouterOutputs['auth']['me']>;

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    // Plain JSON over HTTP: the server's CSRF guard only accepts application/json POSTs,
    // and login/logout must be able to set cookies (no streaming link). The server refuses
    // batches of more than 20 calls (MAX_BATCH_SIZE), so larger ones are split here.
    // Every call names the UI language, so the server's messages (errors, advice, warnings) match it.
    links: [httpBatchLink({ url: '/trpc', maxItems: 20, headers: () => ({ 'x-locale': i18n.language || 'zh-CN' }) })],
  });
}

function errorData(error: unknown): { httpStatus?: number; code?: string } | undefined {
  return error instanceof TRPCClientError ? (error.data as { httpStatus?: number; code?: string } | undefined) : undefined;
}

function isClientError(error: unknown): boolean {
  const status = errorData(error)?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function isUnauthorized(error: unknown): boolean {
  const data = errorData(error);
  return data?.code === 'UNAUTHORIZED' || data?.httpStatus === 401;
}

export function errorCode(error: unknown): string | undefined {
  return errorData(error)?.code;
}

/** The query key prefix tRPC gives `auth.me` (its path as an array). */
export const ME_PATH = ['auth', 'me'] as const;
const isPath = (key: QueryKey | undefined, path: readonly string[]) => {
  const first = key?.[0];
  return Array.isArray(first) && first.length === path.length && path.every((p, i) => first[i] === p);
};

/**
 * The query client. Any query or mutation that answers UNAUTHORIZED while a
 * user is known to be logged in (auth.me has a user) marks the session as
 * expired; the re-login dialog then opens over the page. Login itself answers
 * UNAUTHORIZED for a wrong password, so it is left out.
 */
export function makeQueryClient(session: SessionStore) {
  const loggedIn = () => client.getQueriesData({ queryKey: [ME_PATH] }).some(([, data]) => data != null);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (isUnauthorized(error) && !isPath(query.queryKey, ME_PATH) && loggedIn()) session.markExpired();
      },
    }),
    mutationCache: new MutationCache({
      onError(error, _variables, _context, mutation) {
        const key = mutation.options.mutationKey;
        if (isUnauthorized(error) && !isPath(key, ['auth', 'login']) && loggedIn()) session.markExpired({ duringChange: true });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a "not found", a bad input or a missing login never helps; network hiccups may.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
  return client;
}
