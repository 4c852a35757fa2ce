import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Permission, Session, SessionUser } from '../api/types';

export const SESSION_KEY = ['session'] as const;

/** GET /api/auth/me; a 401 here simply means "not logged in" and yields null. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/me', undefined, { allowUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: false,
    refetchOnWindowFocus: true,
  });
}

/** Inside <RequireAuth> the user is always there. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside an authenticated page');
  return data.user;
}

export function hasPermission(user: SessionUser | null | undefined, permission: Permission): boolean {
  return !!user?.permissions?.includes(permission);
}

export function useCan(): (permission: Permission) => boolean {
  const { data } = useSession();
  return (permission) => hasPermission(data?.user, permission);
}

export function isOwnerView(user: SessionUser): boolean {
  return user.role === 'owner';
}

/** Where a user lands after login: owners on their phone page, staff on the desktop home. */
export function homePathFor(user: SessionUser): string {
  if (isOwnerView(user)) return '/me';
  // A commissioner, committee or company account is bound to one quarter: its dossier is home.
  if (user.scope.level === 'quarter') return `/quarters/${user.scope.id}`;
  return '/';
}

export function useSessionActions() {
  const queryClient = useQueryClient();
  return useMemo(() => ({
    async login(username: string, password: string): Promise<Session> {
      const session = await api.post<Session>('/api/auth/login', { username, password }, { allowUnauthorized: true });
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, session);
      return session;
    },
    async logout(): Promise<void> {
      try {
        await api.post('/api/auth/logout', undefined, { allowUnauthorized: true });
      } finally {
        setCsrfToken(null);
        queryClient.clear();
        queryClient.setQueryData(SESSION_KEY, null);
      }
    },
    /** After a 401 somewhere: forget the session; <RequireAuth> then shows the login page. */
    sessionLost(): void {
      setCsrfToken(null);
      queryClient.setQueryData(SESSION_KEY, null);
    },
  }), [queryClient]);
}
