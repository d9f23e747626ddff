import type { Lang } from '@tansiq/core';
import type { Config } from '../config.ts';
import type { Pool } from '../store/db.ts';

/** Who is acting. Until sign-in exists every call acts as the system; access rules hook in here. */
export type Actor =
  | { kind: 'system' }
  | { kind: 'user'; userId: string; organizationId: string; roles: string[] };

export const systemActor: Actor = { kind: 'system' };

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
