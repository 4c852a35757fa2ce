import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { homePathFor, isOwnerView, useSession, useSessionActions } from './auth/session';
import { Dots } from './components/plain';
import { notifyError, watchWaitingMessages } from './lib/feedback';

// Everything but this shell loads on demand, antd, the two layouts and the login page included:
// an owner who opens the public page of a vote from a QR code on a phone loads that page and
// what it uses, not the staff desktop (measured in test/e2e/phone-weight.test.ts).
const AntdShell = lazy(() => import('./components/AntdShell'));
const AppLayout = lazy(() => import('./components/AppLayout').then((m) => ({ default: m.AppLayout })));
const OwnerLayout = lazy(() => import('./components/OwnerLayout').then((m) => ({ default: m.OwnerLayout })));
const FeedbackBridge = lazy(() => import('./components/FeedbackBridge'));
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./pages/HomePage'));
const QuarterListPage = lazy(() => import('./pages/QuarterListPage'));
const QuarterFormPage = lazy(() => import('./pages/QuarterFormPage'));
const DossierPage = lazy(() => import('./pages/dossier/DossierPage'));
const PlacesPage = lazy(() => import('./pages/PlacesPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const OwnerHomePage = lazy(() => import('./pages/OwnerHomePage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const OrganizationsActionsPage = lazy(() => import('./modules/organizations/ActionsPage'));
const VoteListPage = lazy(() => import('./pages/votes/VoteListPage'));
const VoteCreatePage = lazy(() => import('./pages/votes/VoteListPage').then((m) => ({ default: m.VoteCreatePage })));
const VoteDetailPage = lazy(() => import('./pages/votes/VoteDetailPage'));
const OwnerVotePage = lazy(() => import('./pages/votes/OwnerVotePage'));
const PublicVotePage = lazy(() => import('./pages/votes/PublicVotePage'));

function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      // A failed first load is shown by the page itself; a failed refresh of data already on
      // screen would otherwise go unnoticed, so it gets a message.
      onError: (error, query) => {
        if (query.state.data !== undefined) notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.meta?.handlesErrors) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        // 4xx answers do not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
    },
  });
}

function PageLoading() {
  return (
    <div className="gz-page-loading">
      <Dots />
    </div>
  );
}

/** A page built with antd: antd's provider (theme, texts) is loaded with it. */
function withAntd(node: ReactNode) {
  return (
    <Suspense fallback={<PageLoading />}>
      <AntdShell>{node}</AntdShell>
    </Suspense>
  );
}

/** Sends a lost session (any 401) back to the login page, remembering where the user was. */
function UnauthorizedBridge() {
  const { sessionLost } = useSessionActions();
  useEffect(() => {
    setUnauthorizedHandler(sessionLost);
    return () => setUnauthorizedHandler(null);
  }, [sessionLost]);
  return null;
}

function RequireAuth({ children, area }: { children: ReactNode; area: 'staff' | 'owner' | 'any' }) {
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (error && !session) {
    // The server cannot be reached: the login page shows why and lets the user retry.
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  const owner = isOwnerView(session.user);
  if (area === 'staff' && owner) return <Navigate to="/me" replace />;
  if (area === 'owner' && !owner) return <Navigate to={homePathFor(session.user)} replace />;
  return <>{children}</>;
}

function AccountRoute() {
  const { data: session } = useSession();
  const page = (
    <Suspense fallback={<PageLoading />}>
      <AccountPage />
    </Suspense>
  );
  if (session && isOwnerView(session.user)) return withAntd(<OwnerLayout>{page}</OwnerLayout>);
  return withAntd(<AppLayout>{page}</AppLayout>);
}

function LoginRoute() {
  const { data: session, isPending } = useSession();
  const navigate = useNavigate();
  useEffect(() => {
    if (session) navigate(homePathFor(session.user), { replace: true });
  }, [session, navigate]);
  if (isPending) return <PageLoading />;
  return withAntd(<LoginPage />);
}

function lazyPage(node: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{node}</Suspense>;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      {/* The public notice of a vote: no login (SPEC module 3, the quarter's public board). It is
          drawn without antd (components/plain.tsx). */}
      <Route path="/public/votes/:id" element={lazyPage(<PublicVotePage />)} />
      <Route
        path="/me/votes/:id"
        element={
          <RequireAuth area="owner">
            {withAntd(<OwnerLayout>{lazyPage(<OwnerVotePage />)}</OwnerLayout>)}
          </RequireAuth>
        }
      />
      <Route
        path="/me"
        element={
          <RequireAuth area="owner">
            {withAntd(<OwnerLayout>{lazyPage(<OwnerHomePage />)}</OwnerLayout>)}
          </RequireAuth>
        }
      />
      <Route
        path="/account"
        element={
          <RequireAuth area="any">
            <AccountRoute />
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth area="staff">{withAntd(<AppLayout />)}</RequireAuth>
        }
      >
        <Route index element={lazyPage(<HomePage />)} />
        <Route path="quarters" element={lazyPage(<QuarterListPage />)} />
        <Route path="quarters/new" element={lazyPage(<QuarterFormPage />)} />
        <Route path="quarters/:id" element={lazyPage(<DossierPage />)} />
        <Route path="quarters/:id/edit" element={lazyPage(<QuarterFormPage />)} />
        <Route path="places" element={lazyPage(<PlacesPage />)} />
        <Route path="audit" element={lazyPage(<AuditPage />)} />
        <Route path="users" element={lazyPage(<UsersPage />)} />
        <Route path="organizations" element={lazyPage(<OrganizationsActionsPage />)} />
        <Route path="votes" element={lazyPage(<VoteListPage />)} />
        <Route path="votes/new" element={lazyPage(<VoteCreatePage />)} />
        <Route path="votes/:id" element={lazyPage(<VoteDetailPage />)} />
        <Route path="*" element={lazyPage(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}

/** Mounts the message bridge when the first message is to be shown. */
function FeedbackHost() {
  const [needed, setNeeded] = useState(false);
  useEffect(() => watchWaitingMessages(() => setNeeded(true)), []);
  return needed ? (
    <Suspense fallback={null}>
      <FeedbackBridge />
    </Suspense>
  ) : null;
}

export function App() {
  const queryClient = useMemo(createQueryClient, []);
  return (
    <QueryClientProvider client={queryClient}>
      <FeedbackHost />
      <BrowserRouter>
        <UnauthorizedBridge />
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { handlesErrors?: boolean };
  }
}
