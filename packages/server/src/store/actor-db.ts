import type pg from 'pg';
import type { Pool } from './db.ts';

/** What PostgreSQL's row-level security sees of the actor (013_access.sql). */
export interface ActorSettings {
  /** 'system', 'public', or ',role,role,' for a signed-in user. */
  roles: string;
  userId: string | null;
  organizationId: string | null;
  /** Recorded by the audit log as acting: 'user:<id>', 'system', 'public'. */
  auditName: string;
}

const setActor = `SELECT set_config('tansiq.actor_roles', $1, false), set_config('tansiq.actor_user', $2, false),
  set_config('tansiq.actor_org', $3, false), set_config('tansiq.actor', $4, false)`;

/* Queued before the client goes back to the pool, so the next borrower never inherits an actor. */
const clearActor = `SELECT set_config('tansiq.actor_roles', '', false), set_config('tansiq.actor_user', '', false),
  set_config('tansiq.actor_org', '', false), set_config('tansiq.actor', '', false)`;

/**
 * A pool whose every connection acts as one actor. Services receive this as `ctx.db`, so no query
 * can run without the settings row-level security reads; the raw pool stays inside the store.
 * Session-level settings (not SET LOCAL) because a service may query outside a transaction; they
 * are set on checkout and cleared on release.
 */
export function actorDb(pool: pg.Pool, actor: ActorSettings): Pool {
  const params = [actor.roles, actor.userId ?? '', actor.organizationId ?? '', actor.auditName];
  const connect = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    try {
      await client.query(setActor, params);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    const release = client.release;
    client.release = (error?: Error | boolean) => {
      if (error) {
        release.call(client, error);
        return;
      }
      // Back to the pool once the settings are cleared: the next borrower's first query must not
      // be sent while this one runs (pg queues it today, and warns that it will not).
      client.query(clearActor).then(
        () => release.call(client),
        (failure: unknown) => release.call(client, failure instanceof Error ? failure : true),
      );
    };
    return client;
  };
  const query = (async (text: unknown, values?: unknown) => {
    const client = await connect();
    try {
      return await client.query(text as string, values as unknown[]);
    } finally {
      client.release();
    }
  }) as Pool['query'];
  return { connect, query } as Pool;
}
