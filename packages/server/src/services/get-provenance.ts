import { AppError, type ClaimView, type ProvenanceView } from '@tansiq/core';
import { sourceSummaries } from '../store/claims.ts';
import { listRows } from '../store/registry.ts';
import { existingRecords, type RecordTable, recordTableOf, stockMovementsTable } from './claim-subjects.ts';
import type { Ctx } from './context.ts';
import { presentRows } from './resource.ts';
import { claims, presentSourceSummary } from './resources/claims.ts';
import { allResources } from './resources/index.ts';

/** Every resource whose records have a provenance: those of the generic routes, and the ledger. */
export function provenanceResources(): Map<string, RecordTable> {
  const tables = [...allResources.map(recordTableOf), stockMovementsTable];
  return new Map(tables.map((table) => [table.path, table]));
}

/** More claims than this about one record is not provenance but a flood; the oldest are shown. */
const maxClaims = 10_000;

/**
 * What is claimed about one record, by whom and in which words, how each claim was verified,
 * which claims contradict each other, and the sources they cite: `GET /api/<resource>/:id/provenance`.
 */
export async function getProvenance(ctx: Ctx, resourcePath: string, id: string): Promise<ProvenanceView> {
  const resources = provenanceResources();
  const target = resources.get(resourcePath);
  if (!target) {
    throw new AppError('validation.invalid', {
      fields: [{ field: 'resource', code: 'invalid_value', values: [...resources.keys()] }],
    });
  }
  if (!(await existingRecords(ctx.db, target, [id])).has(id)) {
    throw new AppError('record.not_found', { resource: target.resource, id });
  }
  const { rows } = await listRows(ctx.db, claims.table, {
    where: [
      { sql: 'subject_resource', value: target.path },
      { sql: 'subject_id', value: id },
    ],
    tsquery: null,
    orderBy: 'created_at',
    limit: maxClaims,
    offset: 0,
  });
  const views: ClaimView[] = await presentRows(ctx.db, claims, rows);
  const cited = new Map(views.flatMap((claim) => (claim.source ? [[claim.source.id, claim.source]] : [])));
  const evidence = views
    .flatMap((claim) => claim.verifications.map((v) => v.evidenceSourceId))
    .filter((sourceId): sourceId is string => sourceId !== null && !cited.has(sourceId));
  for (const row of await sourceSummaries(ctx.db, evidence)) cited.set(row.id, presentSourceSummary(row));
  const contradictions = views.flatMap((claim) =>
    claim.contradictionIds
      .filter((other) => claim.id < other)
      .map((other): [string, string] => [claim.id, other]),
  );
  return {
    subject: { resource: target.path, id },
    claims: views,
    sources: [...cited.values()],
    contradictions,
  };
}
