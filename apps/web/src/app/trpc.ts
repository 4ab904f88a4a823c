import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@union/server';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** What the API returns, after JSON (dates arrive as ISO strings). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    // Plain JSON over HTTP: the server's CSRF guard only accepts application/json POSTs.
    links: [httpBatchLink({ url: '/trpc' })],
  });
}

function isClientError(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a "not found" or a bad input never helps; network hiccups may.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
}
