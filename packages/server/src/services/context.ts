import type { Lang } from '@tansiq/core';
import type { Config } from '../config.ts';
import type { ActorSettings } from '../store/actor-db.ts';
import type { Pool } from '../store/db.ts';

/**
 * Who is acting. 'system': the CLI and the server's own work (the demo, migrations' seeds): it
 * may do anything. 'public': a request without sign-in. 'user': signed in with a session or a token.
 */
export type Actor =
  | { kind: 'system' }
  | { kind: 'public' }
  | { kind: 'user'; userId: string; organizationId: string; roles: string[]; via: 'session' | 'token' };

export const systemActor: Actor = { kind: 'system' };
export const publicActor: Actor = { kind: 'public' };

/** What row-level security and the audit log see of an actor (013_access.sql). */
export function actorSettings(actor: Actor): ActorSettings {
  if (actor.kind === 'system')
    return { roles: 'system', userId: null, organizationId: null, auditName: 'system' };
  if (actor.kind === 'public')
    return { roles: 'public', userId: null, organizationId: null, auditName: 'public' };
  return {
    roles: `,${actor.roles.join(',')},`,
    userId: actor.userId,
    organizationId: actor.organizationId,
    auditName: `user:${actor.userId}`,
  };
}

/** How the audit log and verifications name an actor. */
export function actorName(actor: Actor): string {
  return actorSettings(actor).auditName;
}

export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** Everything a use case may touch, passed in: no service imports a database or reads the environment. */
export interface Ctx {
  db: Pool;
  config: Config;
  log: Logger;
  now: () => Date;
  actor: Actor;
  lang: Lang;
}
