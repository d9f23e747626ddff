import { AppError } from '@tansiq/core';
import type { Config } from '../config.ts';
import { createPool, type Pool } from './db.ts';
import { type ConnectionFile, openEmbedded } from './embedded.ts';
import { migrate } from './migrate.ts';

export interface Store {
  /** The application's pool: a role that owns nothing. */
  db: Pool;
  /** The owner's pool: migrations, backup and restore. */
  owner: Pool;
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
  return { db, owner, appRole: userOf(appUrl), embedded: !config.databaseUrl, close };
}
