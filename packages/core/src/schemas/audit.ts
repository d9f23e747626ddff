import { z } from 'zod';
import { Uuid } from './common.ts';

const isoDateTime = z.iso.datetime({ offset: true });

export const auditOperations = ['insert', 'update', 'delete'] as const;

/**
 * One entry of the audit log: a row written to a table, with its values before and after
 * (values of secret and confidential rows, `content` and `minhash` as 'sha256:…' keyed hashes).
 */
export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  operation: z.enum(auditOperations),
  table: z.string(),
  /** The record the row belongs to: its own id, or its parent's for child rows. */
  recordId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** Newest first; `from` inclusive, `to` exclusive; the cursor is the last entry's seq. */
export const AuditListQuery = z.object({
  table: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/)
    .optional(),
  recordId: Uuid.optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/)
    .optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const auditProblemKinds = [
  /** The entry's hash is not sha256(prev_hash || its text): the entry was altered. */
  'hash_mismatch',
  /** The entry's prev_hash is not the previous entry's hash (or not 64 zeros for the first). */
  'chain_break',
  /** Entries are missing before this one (seq is not the previous seq + 1, or the first is not 1). */
  'gap',
  /** The last entry is not the one the checkpoint names: the newest entries were removed or added. */
  'checkpoint_mismatch',
  /** There is no checkpoint row. */
  'checkpoint_missing',
] as const;
export type AuditProblemKind = (typeof auditProblemKinds)[number];

export const AuditProblem = z.object({
  /** The entry where it was found; for the checkpoint, the seq it names. */
  seq: z.number().int().nullable(),
  kind: z.enum(auditProblemKinds),
  expected: z.string().optional(),
  found: z.string().optional(),
});
export type AuditProblem = z.infer<typeof AuditProblem>;

export const AuditVerification = z.object({
  intact: z.boolean(),
  /** Entries read. */
  entries: z.number().int(),
  checkpoint: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** The first problems found (at most 100); `problemCount` counts them all. */
  problems: z.array(AuditProblem),
  problemCount: z.number().int(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
