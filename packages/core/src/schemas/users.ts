import { z } from 'zod';
import { roles } from '../access.ts';
import { Uuid } from './common.ts';

/** The shortest password accepted: long passphrases beat composition rules. */
export const minPasswordLength = 10;

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, { message: 'user.email' });
const Password = z.string().min(1).max(1024);
const Role = z.enum(roles);
const Locale = z.enum(['ar', 'en']);

export const UserInput = z
  .object({
    id: Uuid.optional(),
    email: Email,
    name: z.string().trim().min(1).max(200).nullable().optional(),
    organizationId: Uuid,
    roles: z.array(Role).min(1).max(roles.length),
    locale: Locale.default('en'),
    /** Omitted: the user signs in with tokens only (an admin can set one later). */
    password: Password.optional(),
  })
  .strict();
export type UserInput = z.infer<typeof UserInput>;

export const UserPatch = z
  .object({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    roles: z.array(Role).min(1).max(roles.length).optional(),
    locale: Locale.optional(),
    password: Password.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserPatch = z.infer<typeof UserPatch>;

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  organizationId: z.string(),
  roles: z.array(Role),
  locale: Locale,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const SignInInput = z.object({ email: Email, password: Password }).strict();
export type SignInInput = z.infer<typeof SignInInput>;

export const SessionView = z.object({
  user: UserView,
  /** Send it back in the x-csrf-token header on every write made with the session cookie. */
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
  via: z.enum(['session', 'token']),
});
export type SessionView = z.infer<typeof SessionView>;

export const tokenScopes = ['read', 'write'] as const;

export const TokenInput = z
  .object({
    /** An admin may create a token for another user; everyone else for themselves. */
    userId: Uuid.optional(),
    name: z.string().trim().min(1).max(200).nullable().optional(),
    scopes: z.array(z.enum(tokenScopes)).min(1).max(2).default(['read', 'write']),
    expiresInDays: z.number().int().min(1).max(3650).nullable().default(90),
  })
  .strict();
export type TokenInput = z.infer<typeof TokenInput>;

export const TokenView = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string().nullable(),
  scopes: z.array(z.enum(tokenScopes)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenView>;

/** The token itself is shown once, when it is created: only its hash is stored. */
export const CreatedToken = TokenView.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;
