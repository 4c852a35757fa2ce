// The test app serving the built web app on a free port of 127.0.0.1, for the browser tests.
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, type TestApp } from './app';

export const WEB_DIR = path.resolve(import.meta.dirname, '../../dist/web');

export async function serveBuiltWebApp(): Promise<{ t: TestApp; base: string }> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist/web is not built: run npm test (it builds the web app) or npm run build:web');
  const t = await createTestApp({ webDir: WEB_DIR });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  return { t, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}
