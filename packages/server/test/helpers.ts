import { randomBytes } from 'node:crypto';
import type { Role } from '@tansiq/core';
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { type Ctx, silentLogger, systemActor } from '../src/services/context.ts';
import { createPool } from '../src/store/db.ts';
import { actorBound, type Store } from '../src/store/open.ts';
import { buildUser } from './builders.ts';
import { withDatabase } from './db-url.ts';

/** A fresh database cloned from the migrated template: each test file owns its data. */
export async function testStore(): Promise<Store & { name: string; ownerUrl: string; appUrl: string }> {
  const info = inject('testDb');
  const name = `${info.prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: info.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${info.template} OWNER ${info.ownerRole}`);
  await admin.end();
  const appUrl = withDatabase(info.adminUrl, name, info.appRole, info.password);
  const ownerUrl = withDatabase(info.adminUrl, name, info.ownerRole, info.password);
  const db = createPool(appUrl, 5);
  const owner = createPool(ownerUrl, 2);
  return {
    name,
    appUrl,
    ownerUrl,
    ...actorBound(db),
    owner,
    appRole: info.appRole,
    embedded: false,
    close: async () => {
      await db.end();
      await owner.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ TANSIQ_SHARED_DIR: process.env.TANSIQ_SHARED_DIR }), ...overrides };
}

export function testCtx(store: Store, overrides: Partial<Ctx> = {}): Ctx {
  return {
    db: store.db,
    config: testConfig(),
    log: silentLogger,
    now: () => new Date(),
    actor: systemActor,
    lang: 'en',
    ...overrides,
  };
}

/**
 * The app, with every injected request signed in as `as` (default: an admin of a hub organization)
 * unless the request brings its own authorization header or cookie; `as: 'public'` signs nothing.
 * The rate limit is out of the way unless a test sets it.
 */
export async function testApp(
  store: Store,
  options: { as?: Role[] | 'public'; config?: Partial<Config> } = {},
) {
  const config = testConfig({ ...options.config });
  if (!options.config?.access) config.access = { ...config.access, rateLimitPerMinute: 1_000_000 };
  const app = await buildApp({ config, store });
  const as = options.as ?? ['admin'];
  const { token, user, organizationId } = await buildUser(testCtx(store), {
    roles: as === 'public' ? ['viewer'] : as,
  });
  const inject = app.inject.bind(app);
  const signed = (request: InjectOptions | string): InjectOptions => {
    const opts = typeof request === 'string' ? { url: request } : request;
    const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
    if (
      as !== 'public' &&
      headers.authorization === undefined &&
      headers.cookie === undefined &&
      !opts.cookies
    ) {
      headers.authorization = `Bearer ${token}`;
    }
    return { ...opts, headers };
  };
  app.inject = ((request: InjectOptions | string) => inject(signed(request))) as typeof app.inject;
  return Object.assign(app, { testUser: { ...user, token, organizationId } });
}

/**
 * Waits until `read` returns something `done` accepts. The changes feed holds back changes while
 * any older transaction runs anywhere on the server, and test files share one server.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;
