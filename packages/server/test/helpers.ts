import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { type Ctx, silentLogger, systemActor } from '../src/services/context.ts';
import { createPool } from '../src/store/db.ts';
import type { Store } from '../src/store/open.ts';
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
    db,
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

export async function testApp(store: Store) {
  return await buildApp({ config: testConfig(), store });
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
