import { lazy, Suspense } from 'react';
import { Dots } from './plain';

// The error view is drawn with antd's Result (and its illustrations): it loads only when a page
// has an error to show, with antd's provider for the pages that load no antd otherwise.
const QueryErrorResult = lazy(() => import('./QueryErrorResult'));

/** What a page shows when its data could not be loaded: the server's reason, and a way out. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Suspense fallback={null}>
      <QueryErrorResult error={error} onRetry={onRetry} />
    </Suspense>
  );
}

export function Loading() {
  return (
    <div className="gz-page-loading">
      <Dots />
    </div>
  );
}
