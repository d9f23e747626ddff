import os from 'node:os';
import path from 'node:path';
import { AppError, fieldErrors, type Lang, pickLang, summarizeFieldErrors } from '@tansiq/core';
import { z } from 'zod';

/** The only reader of the environment: everything else receives a Config. */
const Env = z.object({
  DATABASE_URL: z.url().optional(),
  DATABASE_OWNER_URL: z.url().optional(),
  TANSIQ_DATA_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  TANSIQ_LOCALE: z.string().optional(),
  LANG: z.string().optional(),
  LC_ALL: z.string().optional(),
  TANSIQ_SHARED_DIR: z.string().optional(),
  TANSIQ_DEMO: z.string().optional(),
  TANSIQ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  XDG_DATA_HOME: z.string().optional(),
});

export interface Config {
  /** The application's connection (a role that owns nothing); undefined means the embedded server. */
  databaseUrl: string | undefined;
  /** The connection that runs migrations; defaults to databaseUrl when only that is given. */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  locale: Lang;
  sharedDir: string;
  demo: boolean;
  logLevel: z.infer<typeof Env>['TANSIQ_LOG_LEVEL'];
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error.issues, 'en');
    throw new AppError('config.invalid', { summary: summarizeFieldErrors(fields), fields });
  }
  const e = parsed.data;
  const dataHome = e.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return {
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    dataDir: path.resolve(e.TANSIQ_DATA_DIR ?? path.join(dataHome, 'tansiq')),
    port: e.PORT,
    host: e.HOST,
    locale: pickLang(e.TANSIQ_LOCALE, e.LC_ALL, e.LANG),
    sharedDir: path.resolve(repoRoot, e.TANSIQ_SHARED_DIR ?? '../shared'),
    demo: e.TANSIQ_DEMO === '1' || e.TANSIQ_DEMO === 'true',
    logLevel: e.TANSIQ_LOG_LEVEL,
  };
}
