import { lazy, Suspense, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { homePathFor, isOwnerView, useSession, useSessionActions } from './auth/session';
import { Dots } from './components/plain';
import { notifyError, watchWaitingMessages } from './lib/feedback';
import { dashboardCards, dossierSectionOf, moduleRoutes, ownerHomeCards } from './modules';
import { ALL_TEXT_MODULES, moduleTextsReady } from './i18n';
import { DossierTabsContext } from './modules/dossier-tabs';
import { OwnerHomeCardsContext } from './modules/owner-home-cards';
import { DashboardCardsContext } from './modules/dashboard-cards';

// Everything but this shell loads on demand, antd, the two layouts and the login page included:
// an owner who opens the public page of a vote from a QR code on a phone loads that page and
// what it uses, not the staff desktop (measured in test/e2e/phone-weight.test.ts).
const AntdShell = lazy(() => import('./components/AntdShell'));
const AppLayout = lazy(() => import('./components/AppLayout').then((m) => ({ default: m.AppLayout })));
const OwnerLayout = lazy(() => import('./components/OwnerLayout').then((m) => ({ default: m.OwnerLayout })));
const FeedbackBridge = lazy(() => import('./components/FeedbackBridge'));
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const PlacesPage = lazy(() => import('./pages/PlacesPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

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

/**
 * Shows its children once the texts of the given modules are loaded (suspending until then).
 * A public page waits for its own module's texts only; the staff and owners' frames, which
 * show several modules at once (menu, dossier tabs, audit labels), for all of them.
 */
function ModuleTexts({ modules, children }: { modules: readonly string[]; children: ReactNode }) {
  use(moduleTextsReady(modules));
  return children;
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
  // After a reset, nothing but a new password (the server refuses everything else too).
  if (session.user.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
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
  const frame = session && isOwnerView(session.user) ? <OwnerLayout>{page}</OwnerLayout> : <AppLayout>{page}</AppLayout>;
  return withAntd(<ModuleTexts modules={ALL_TEXT_MODULES}>{frame}</ModuleTexts>);
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
  // The modules' pages come from their descriptors (modules/index.ts); the shell adds login,
  // the account page and the staff pages that belong to no module.
  const staff = moduleRoutes.filter((r) => r.area === 'staff');
  const owner = moduleRoutes.filter((r) => r.area === 'owner');
  const open = moduleRoutes.filter((r) => r.area === 'public');
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      {open.map(({ path, module, page: Page }) => (
        <Route
          key={path}
          path={path}
          element={lazyPage(
            <ModuleTexts modules={[module]}>
              <Page />
            </ModuleTexts>,
          )}
        />
      ))}
      {owner.map(({ path, page: Page }) => (
        <Route
          key={path}
          path={path}
          element={
            <RequireAuth area="owner">
              {withAntd(
                <ModuleTexts modules={ALL_TEXT_MODULES}>
                  <OwnerLayout>{lazyPage(<Page />)}</OwnerLayout>
                </ModuleTexts>,
              )}
            </RequireAuth>
          }
        />
      ))}
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
          <RequireAuth area="staff">
            {withAntd(
              <ModuleTexts modules={ALL_TEXT_MODULES}>
                <AppLayout />
              </ModuleTexts>,
            )}
          </RequireAuth>
        }
      >
        {staff.map(({ path, page: Page }) =>
          path === '' ? <Route key="index" index element={lazyPage(<Page />)} /> : <Route key={path} path={path} element={lazyPage(<Page />)} />,
        )}
        <Route path="places" element={lazyPage(<PlacesPage />)} />
        <Route path="audit" element={lazyPage(<AuditPage />)} />
        <Route path="users" element={lazyPage(<UsersPage />)} />
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
      <OwnerHomeCardsContext value={ownerHomeCards}>
        <DossierTabsContext value={dossierSectionOf}>
          <DashboardCardsContext value={dashboardCards}>
            <BrowserRouter>
              <UnauthorizedBridge />
              <AppRoutes />
            </BrowserRouter>
          </DashboardCardsContext>
        </DossierTabsContext>
      </OwnerHomeCardsContext>
    </QueryClientProvider>
  );
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { handlesErrors?: boolean };
  }
}
