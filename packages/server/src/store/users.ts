import type { Db } from './db.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  organization_id: string;
  roles: string[];
  locale: 'ar' | 'en';
  password_hash: string | null;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const userColumns = `id, email, name, organization_id, roles, locale, password_hash, disabled_at, created_at, updated_at`;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const result = await db.query<UserRow>(`SELECT ${userColumns} FROM users WHERE email = $1`, [
    email.toLowerCase(),
  ]);
  return result.rows[0];
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const result = await db.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1`, [id]);
  return result.rows[0];
}

export async function listUsers(db: Db, organizationId: string | null): Promise<UserRow[]> {
  const result = await db.query<UserRow>(
    `SELECT ${userColumns} FROM users WHERE $1::uuid IS NULL OR organization_id = $1 ORDER BY email`,
    [organizationId],
  );
  return result.rows;
}

export interface NewUser {
  id: string;
  email: string;
  name: string | null;
  organizationId: string;
  roles: string[];
  locale: 'ar' | 'en';
  passwordHash: string | null;
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const result = await db.query<UserRow>(
    `INSERT INTO users (id, email, name, organization_id, roles, locale, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${userColumns}`,
    [user.id, user.email, user.name, user.organizationId, user.roles, user.locale, user.passwordHash],
  );
  return result.rows[0] as UserRow;
}

export interface UserChanges {
  name?: string | null;
  roles?: string[];
  locale?: 'ar' | 'en';
  passwordHash?: string;
  disabled?: boolean;
}

export async function updateUser(db: Db, id: string, changes: UserChanges): Promise<UserRow | undefined> {
  const result = await db.query<UserRow>(
    `UPDATE users SET
       name = CASE WHEN $2 THEN $3 ELSE name END,
       roles = coalesce($4, roles),
       locale = coalesce($5, locale),
       password_hash = coalesce($6, password_hash),
       disabled_at = CASE WHEN $7::boolean IS NULL THEN disabled_at WHEN $7 THEN coalesce(disabled_at, now()) END,
       updated_at = now()
     WHERE id = $1 RETURNING ${userColumns}`,
    [
      id,
      changes.name !== undefined,
      changes.name ?? null,
      changes.roles ?? null,
      changes.locale ?? null,
      changes.passwordHash ?? null,
      changes.disabled ?? null,
    ],
  );
  return result.rows[0];
}

/** Failed sign-ins since the last success, within the window. */
export async function recentFailures(db: Db, email: string, windowMinutes: number): Promise<number> {
  const result = await db.query<{ failures: number }>(
    `SELECT count(*)::int AS failures FROM signin_attempts
     WHERE email = $1 AND NOT succeeded AND at > now() - make_interval(mins => $2)
       AND at > coalesce((SELECT max(at) FROM signin_attempts WHERE email = $1 AND succeeded), '-infinity')`,
    [email, windowMinutes],
  );
  return result.rows[0]?.failures ?? 0;
}

export async function recordSignInAttempt(
  db: Db,
  email: string,
  succeeded: boolean,
  address: string | null,
): Promise<void> {
  await db.query('INSERT INTO signin_attempts (email, succeeded, address) VALUES ($1, $2, $3)', [
    email,
    succeeded,
    address,
  ]);
}

export async function insertSession(
  db: Db,
  session: { id: string; secretSha256: Buffer; csrfSha256: Buffer; userId: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (id, secret_sha256, csrf_sha256, user_id, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [session.id, session.secretSha256, session.csrfSha256, session.userId, session.expiresAt],
  );
}

/** The live session with this secret, and its user (not disabled). */
export async function findSession(
  db: Db,
  secretSha256: Buffer,
): Promise<{ sessionId: string; csrfSha256: Buffer; expiresAt: Date; user: UserRow } | undefined> {
  const result = await db.query<UserRow & { session_id: string; csrf_sha256: Buffer; expires_at: Date }>(
    `SELECT s.id AS session_id, s.csrf_sha256, s.expires_at, ${userColumns
      .split(', ')
      .map((c) => `u.${c}`)
      .join(', ')}
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.secret_sha256 = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [secretSha256],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const { session_id, csrf_sha256, expires_at, ...user } = row;
  return { sessionId: session_id, csrfSha256: csrf_sha256, expiresAt: expires_at, user };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [sessionId]);
}

export interface TokenRow {
  id: string;
  user_id: string;
  name: string | null;
  scopes: string[];
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const tokenColumns = `t.id, t.user_id, t.name, t.scopes, t.created_at, t.expires_at, t.revoked_at, u.last_used_at`;

export async function insertToken(
  db: Db,
  token: {
    id: string;
    userId: string;
    name: string | null;
    secretSha256: Buffer;
    scopes: string[];
    expiresAt: Date | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO api_tokens (id, user_id, name, secret_sha256, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [token.id, token.userId, token.name, token.secretSha256, token.scopes, token.expiresAt],
  );
}

export async function listTokens(db: Db, userId: string | null): Promise<TokenRow[]> {
  const result = await db.query<TokenRow>(
    `SELECT ${tokenColumns} FROM api_tokens t LEFT JOIN api_token_uses u ON u.token_id = t.id
     WHERE $1::uuid IS NULL OR t.user_id = $1 ORDER BY t.created_at DESC, t.id`,
    [userId],
  );
  return result.rows;
}

export async function findToken(db: Db, id: string): Promise<TokenRow | undefined> {
  const result = await db.query<TokenRow>(
    `SELECT ${tokenColumns} FROM api_tokens t LEFT JOIN api_token_uses u ON u.token_id = t.id WHERE t.id = $1`,
    [id],
  );
  return result.rows[0];
}

export async function revokeToken(db: Db, id: string): Promise<void> {
  await db.query(
    'UPDATE api_tokens SET revoked_at = now(), updated_at = now() WHERE id = $1 AND revoked_at IS NULL',
    [id],
  );
}

/**
 * The live token with this secret, and its user (not disabled); marks it used, at most once a
 * minute, so that a busy script does not rewrite the row on every request.
 */
export async function useToken(
  db: Db,
  secretSha256: Buffer,
): Promise<{ tokenId: string; scopes: string[]; user: UserRow } | undefined> {
  const result = await db.query<UserRow & { token_id: string; scopes: string[] }>(
    `SELECT t.id AS token_id, t.scopes, ${userColumns
      .split(', ')
      .map((c) => `u.${c}`)
      .join(', ')}
     FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.secret_sha256 = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
       AND u.disabled_at IS NULL`,
    [secretSha256],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const { token_id, scopes, ...user } = row;
  await db.query(
    `INSERT INTO api_token_uses (token_id, last_used_at) VALUES ($1, now())
     ON CONFLICT (token_id) DO UPDATE SET last_used_at = excluded.last_used_at
     WHERE api_token_uses.last_used_at < excluded.last_used_at - interval '1 minute'`,
    [token_id],
  );
  return { tokenId: token_id, scopes, user };
}
