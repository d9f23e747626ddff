import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Secrets handed to clients (session cookies, CSRF tokens, API tokens) are 256 random bits, so a
 * plain SHA-256 is enough to store them: there is nothing to guess. Passwords are chosen by
 * people, so they get argon2id.
 */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/* OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): a sign-in costs tens of milliseconds. */
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return await hash(password, argon2Options);
}

/* Checked against when the email is unknown, so that the answer takes as long either way. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoyHash ??= hashPassword(newSecret());
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return await verify(passwordHash, password).catch(() => false);
}
