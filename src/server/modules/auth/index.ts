// The auth module's public surface: its descriptor, and the functions other modules may call.
// Password login and database sessions.
import type { ModuleDescriptor } from '../../platform/module';
import { authErrors } from './errors';
import { authRoutes } from './routes';

export { loadSession, LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_IP, MAX_FAILURES_PER_USERNAME, SESSION_COOKIE } from './service';

export const authModule: ModuleDescriptor = {
  name: 'auth',
  tables: ['sessions', 'login_attempts'],
  routes: authRoutes,
  errors: authErrors,
  publicEndpoints: ['POST /api/auth/login', 'POST /api/auth/logout'],
};
