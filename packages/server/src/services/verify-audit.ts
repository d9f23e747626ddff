import { createHash } from 'node:crypto';
import type { AuditProblem, AuditVerification } from '@tansiq/core';
import { auditChainPage, auditCheckpoint, auditGenesisHash, onAuditSnapshot } from '../store/audit.ts';
import type { Pool } from '../store/db.ts';
import type { Ctx } from './context.ts';

const maxProblems = 100;

/**
 * Walks the audit log in seq order on one snapshot, a page at a time (memory stays bounded
 * whatever its length), recomputing each entry's hash here rather than trusting the database:
 * an altered entry, a removed or inserted one, a broken link, and a last entry other than the
 * checkpoint's (the newest entries removed) are each reported. `db` is the owner's pool for
 * the CLI; the API reads through the application's.
 */
export async function verifyAudit(
  ctx: Ctx,
  db: Pool = ctx.db,
  options: { pageSize?: number } = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 1000;
  return await onAuditSnapshot(db, async (client) => {
    const problems: AuditProblem[] = [];
    let problemCount = 0;
    const report = (problem: AuditProblem) => {
      problemCount++;
      if (problems.length < maxProblems) problems.push(problem);
    };
    const checkpoint = await auditCheckpoint(client);
    let entries = 0;
    let previous = { seq: 0, hash: auditGenesisHash };
    for (;;) {
      const page = await auditChainPage(client, previous.seq, pageSize);
      for (const row of page) {
        entries++;
        if (row.seq !== previous.seq + 1) {
          report({ seq: row.seq, kind: 'gap', expected: String(previous.seq + 1), found: String(row.seq) });
        }
        if (row.prev_hash !== previous.hash) {
          report({ seq: row.seq, kind: 'chain_break', expected: previous.hash, found: row.prev_hash });
        }
        const computed = createHash('sha256')
          .update(row.prev_hash + row.entry_text, 'utf8')
          .digest('hex');
        if (computed !== row.hash)
          report({ seq: row.seq, kind: 'hash_mismatch', expected: computed, found: row.hash });
        previous = { seq: row.seq, hash: row.hash };
      }
      if (page.length < pageSize) break;
    }
    if (!checkpoint) {
      report({ seq: null, kind: 'checkpoint_missing' });
    } else if (checkpoint.seq !== previous.seq || checkpoint.hash !== previous.hash) {
      report({
        seq: checkpoint.seq,
        kind: 'checkpoint_mismatch',
        expected: `${checkpoint.seq} ${checkpoint.hash}`,
        found: `${previous.seq} ${previous.hash}`,
      });
    }
    ctx.log.info({ entries, problems: problemCount }, 'audit log verified');
    return { intact: problemCount === 0, entries, checkpoint: checkpoint ?? null, problems, problemCount };
  });
}
