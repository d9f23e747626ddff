import { AppError } from '@tansiq/core';
import type pg from 'pg';
import type { Config } from '../config.ts';
import { type ActorSettings, actorDb } from './actor-db.ts';
import { createPool, type Pool } from './db.ts';
import { type ConnectionFile, openEmbedded } from './embedded.ts';
import { migrate } from './migrate.ts';

export interface Store {
  /** The application's connection (a role that owns nothing) acting as the system: CLI, demo, tests. */
  db: Pool;
  /** The application's connection acting as someone: row-level security sees them (013_access.sql). */
  forActor(actor: ActorSettings): Pool;
  /** The application's raw pool, acting as nobody (sees nothing): for the store's own tests. */
  pool: pg.Pool;
  /** The owner's pool: migrations, backup and restore. */
  owner: pg.Pool;
  appRole: string | undefined;
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  holder: ConnectionFile['holder'];
  migrate?: boolean;
  log?: (line: string) => void;
}

function userOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).username) || undefined;
  } catch {
    return undefined;
  }
}

export const systemSettings: ActorSettings = {
  roles: 'system',
  userId: null,
  organizationId: null,
  auditName: 'system',
};

/** The two faces of the application's pool: as the system, and as any actor. */
export function actorBound(pool: pg.Pool): Pick<Store, 'db' | 'forActor' | 'pool'> {
  return { db: actorDb(pool, systemSettings), forActor: (actor) => actorDb(pool, actor), pool };
}

/** DATABASE_URL when set, else the embedded server of the data folder (started or attached to). */
export async function openStore(config: Config, options: OpenStoreOptions): Promise<Store> {
  let appUrl = config.databaseUrl;
  let ownerUrl = config.databaseOwnerUrl;
  let release = async (): Promise<void> => undefined;
  if (!appUrl) {
    const embedded = await openEmbedded({
      dataDir: config.dataDir,
      holder: options.holder,
      log: options.log,
    });
    appUrl = embedded.appUrl;
    ownerUrl = embedded.ownerUrl;
    release = embedded.release;
  }
  const db = createPool(appUrl);
  const owner = ownerUrl === appUrl ? db : createPool(ownerUrl ?? appUrl, 3);
  const close = async () => {
    await db.end();
    if (owner !== db) await owner.end();
    await release();
  };
  try {
    await db.query('SELECT 1');
  } catch (error) {
    await close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('db.unreachable', { reason }, { cause: error });
  }
  if (options.migrate !== false) {
    await migrate(owner, userOf(appUrl)).catch(async (error: unknown) => {
      await close().catch(() => undefined);
      throw error;
    });
  }
  return { ...actorBound(db), owner, appRole: userOf(appUrl), embedded: !config.databaseUrl, close };
}
