import { type AuditEntryView, AuditListQuery, type AuditPage } from '@tansiq/core';
import type { z } from 'zod';
import { type AuditRow, listAuditEntries } from '../store/audit.ts';
import type { Ctx } from './context.ts';
import { validate } from './validate.ts';

export function presentAuditEntry(row: AuditRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    operation: row.operation,
    table: row.table_name,
    recordId: row.record_id,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The audit log, newest first, with a keyset cursor (the last entry's seq): it only grows. */
export async function listAudit(ctx: Ctx, input: z.input<typeof AuditListQuery>): Promise<AuditPage> {
  const query = validate(AuditListQuery, input);
  const rows = await listAuditEntries(ctx.db, {
    table: query.table,
    recordId: query.recordId,
    actor: query.actor,
    from: query.from,
    to: query.to,
    beforeSeq: query.cursor === undefined ? undefined : Number(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentAuditEntry),
    nextCursor: rows.length > query.limit && last ? String(last.seq) : null,
  };
}
