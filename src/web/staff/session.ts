// The signed-in user (GET /api/auth/session) as a query, and the helpers built on it.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import type { SessionView } from '../api/types';

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<SessionView> {
  const s = await api<SessionView>('/api/auth/session');
  setCsrfToken(s.csrfToken);
  return s;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export function useAbilities(): Set<string> {
  const { data } = useSession();
  return new Set(data?.user?.abilities ?? []);
}

export function setSession(client: QueryClient, session: SessionView) {
  setCsrfToken(session.csrfToken);
  client.setQueryData(SESSION_KEY, session);
}
