// Configuration from the environment, with the defaults of a first local run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Folder of the embedded database and other local state. */
  dataDir: string;
  /** Load demo data into an empty database. */
  demo: boolean;
  webDir: string;
  trustProxy: boolean;
  /** Mark the session cookie Secure always (it is Secure anyway when a request came over HTTPS). */
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.GONGZHI_DATA ?? path.join(process.cwd(), 'data'));
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    demo: env.GONGZHI_DEMO !== '0',
    webDir: path.join(projectRoot, 'dist', 'web'),
    trustProxy: env.GONGZHI_TRUST_PROXY === '1',
    secureCookies: env.GONGZHI_SECURE_COOKIES === '1',
  };
}

/** The PGlite folder inside the data folder. */
export const pgliteDir = (config: Config) => path.join(config.dataDir, 'db');
