import { QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createSessionStore, type SessionStore } from './session';
import { makeQueryClient, makeTrpcClient, TRPCProvider } from './trpc';

const SessionContext = createContext<SessionStore | null>(null);

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore outside AppProviders');
  return store;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [session] = useState(createSessionStore);
  const [queryClient] = useState(() => makeQueryClient(session));
  const [trpcClient] = useState(makeTrpcClient);
  // Answers hold texts the server built in the old language (advice, warnings, labels): fetch them again.
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries();
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [queryClient]);
  return (
    <SessionContext.Provider value={session}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </SessionContext.Provider>
  );
}
