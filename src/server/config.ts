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
  /**
   * Where one-time codes for online voting go (GONGZHI_SMS): `log` writes them to the server log,
   * standing in for an SMS gateway (the demo's default); `off` sends none, and owners vote on
   * paper. A gateway is plugged in as the notifications module's `sms` channel.
   */
  sms: 'log' | 'off';
  /**
   * The address the public reaches the server at (GONGZHI_PUBLIC_URL, e.g. https://gongzhi.example.gov.cn),
   * printed with the QR code on the quarters' posters; null: the address of the request that asks.
   */
  publicUrl: string | null;
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
    sms: smsSetting(env.GONGZHI_SMS, env.GONGZHI_DEMO !== '0'),
    publicUrl: publicUrlSetting(env.GONGZHI_PUBLIC_URL),
  };
}

function publicUrlSetting(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`GONGZHI_PUBLIC_URL must be an http(s) address, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`GONGZHI_PUBLIC_URL must be an http(s) address, not "${value}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function smsSetting(value: string | undefined, demo: boolean): Config['sms'] {
  if (value === undefined || value === '') return demo ? 'log' : 'off';
  if (value === 'log' || value === 'off') return value;
  throw new Error(`GONGZHI_SMS must be "log" or "off", not "${value}"`);
}

/** The PGlite folder inside the data folder. */
export const pgliteDir = (config: Config) => path.join(config.dataDir, 'db');
