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
  TANSIQ_EXTRACT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  TANSIQ_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  TANSIQ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  XDG_DATA_HOME: z.string().optional(),
  TANSIQ_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  TANSIQ_SUPPRESS_PUBLIC: z.coerce.number().int().min(1).default(10),
  TANSIQ_SUPPRESS_PARTNERS: z.coerce.number().int().min(1).default(5),
  TANSIQ_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  TANSIQ_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  TANSIQ_SECURE_COOKIES: z.enum(['0', '1', 'true', 'false']).optional(),
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
  /** The largest text `tansiq extract` and `POST /api/extract` accept, in UTF-8 bytes. */
  extractMaxBytes: number;
  /** The largest file `tansiq import` and `POST /api/imports` accept, in bytes. */
  importMaxBytes: number;
  demo: boolean;
  logLevel: z.infer<typeof Env>['TANSIQ_LOG_LEVEL'];
  access: AccessConfig;
}

export interface AccessConfig {
  sessionHours: number;
  /** Published figures under this are suppressed (issue 5: 10 for the public, 5 for partners). */
  publicThreshold: number;
  partnerThreshold: number;
  /** Requests per minute per client on the API, and sign-in attempts per minute per address. */
  rateLimitPerMinute: number;
  signInRateLimitPerMinute: number;
  /** Session cookies marked Secure: on unless the server listens on loopback only (plain http in development). */
  secureCookies: boolean;
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
    extractMaxBytes: e.TANSIQ_EXTRACT_MAX_BYTES,
    importMaxBytes: e.TANSIQ_IMPORT_MAX_BYTES,
    demo: e.TANSIQ_DEMO === '1' || e.TANSIQ_DEMO === 'true',
    logLevel: e.TANSIQ_LOG_LEVEL,
    access: {
      sessionHours: e.TANSIQ_SESSION_HOURS,
      publicThreshold: e.TANSIQ_SUPPRESS_PUBLIC,
      partnerThreshold: e.TANSIQ_SUPPRESS_PARTNERS,
      rateLimitPerMinute: e.TANSIQ_RATE_LIMIT,
      signInRateLimitPerMinute: e.TANSIQ_SIGNIN_RATE_LIMIT,
      secureCookies:
        e.TANSIQ_SECURE_COOKIES === undefined
          ? !['127.0.0.1', 'localhost', '::1'].includes(e.HOST)
          : e.TANSIQ_SECURE_COOKIES === '1' || e.TANSIQ_SECURE_COOKIES === 'true',
    },
  };
}
