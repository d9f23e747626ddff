import {
  AppError,
  type ClaimSubjectResource,
  type ClaimView,
  claimSubjectResources,
  ReviewAcceptInput,
  type ReviewAcceptResult,
  type ReviewFacts,
  type Sensitivity,
  sensitivities,
  uuidv7,
} from '@tansiq/core';
import { type Db, inTransaction } from '../store/db.ts';
import { decideCandidate, findReviewSource } from '../store/review.ts';
import { ownershipForCreate } from './access.ts';
import { planAcceptance, precisionsOf } from './candidate-mapping.ts';
import { claimSubjects, existingRecords } from './claim-subjects.ts';
import { actorName, type Ctx } from './context.ts';
import { insertRecords } from './create-records.ts';
import { mapDbError } from './db-errors.ts';
import { findDecidableCandidate, findVisibleCandidate, presentCandidate } from './list-candidates.ts';
import type { Resource } from './resource.ts';
import { agreements } from './resources/agreements.ts';
import { claims } from './resources/claims.ts';
import { distributions } from './resources/distributions.ts';
import { meetings } from './resources/meetings.ts';
import { populationMovements } from './resources/population-movements.ts';
import { shipments } from './resources/shipments.ts';
import { validate } from './validate.ts';

/** The records an accepted event can create. */
const creatable: Partial<Record<ClaimSubjectResource, Resource>> = {
  meetings: meetings as Resource,
  shipments: shipments as Resource,
  distributions: distributions as Resource,
  agreements: agreements as Resource,
  'population-movements': populationMovements as Resource,
};

const strictest = (a: string, b: string): Sensitivity =>
  sensitivities[
    Math.max(sensitivities.indexOf(a as Sensitivity), sensitivities.indexOf(b as Sensitivity), 0)
  ] ?? 'public';

/** Creates records inside the caller's transaction; the decision (claims.propose) is the permission. */
async function createIn(
  ctx: Ctx,
  tx: Db,
  resource: Resource,
  inputs: readonly Record<string, unknown>[],
  ownership: Record<string, unknown>,
): Promise<unknown[]> {
  const rows = inputs.map((raw) => {
    const input = validate(resource.input, raw) as Record<string, unknown>;
    const values = resource.toColumns(input);
    if (resource.owned) Object.assign(values, ownership);
    return { id: typeof input.id === 'string' ? input.id : uuidv7(ctx.now().getTime()), values, input };
  });
  try {
    return await insertRecords(ctx, tx, resource, rows);
  } catch (error) {
    throw mapDbError(error, resource);
  }
}

/** The resource of an existing record named by its id (and optionally its resource). */
async function linkedResource(
  tx: Db,
  id: string,
  resource: ClaimSubjectResource | undefined,
): Promise<ClaimSubjectResource> {
  for (const candidate of resource ? [resource] : claimSubjectResources) {
    if ((await existingRecords(tx, claimSubjects[candidate], [id])).has(id)) return candidate;
  }
  throw new AppError('record.not_found', {
    resource: resource ? claimSubjects[resource].resource : 'record',
    id,
  });
}

/**
 * `POST /api/review/candidates/:id/accept`: in one transaction, creates the record the fact is
 * about (or takes the existing one the analyst links) and the claims citing the exact words,
 * reported by the claimant the text names when the registry knows it. The edits correct what the
 * text got wrong and give what it does not say; a field still missing refuses the acceptance and
 * names the field.
 */
export async function acceptCandidate(ctx: Ctx, id: string, raw: unknown = {}): Promise<ReviewAcceptResult> {
  const edits = validate(ReviewAcceptInput, raw ?? {});
  return await inTransaction(ctx.db, async (tx) => {
    const row = await findDecidableCandidate(ctx, tx, id);
    const facts = (row.proposal as { facts: ReviewFacts }).facts;
    const linked = edits.link ? await linkedResource(tx, edits.link, edits.linkResource) : undefined;
    const plan = planAcceptance(facts, edits, linked);
    if (plan.missing.includes('link')) throw new AppError('review.link_required', { id, kind: row.kind });
    if (plan.missing.length > 0)
      throw new AppError('review.field_required', { id, fields: plan.missing.join(', ') });
    if (!plan.resource) throw new AppError('review.link_required', { id, kind: row.kind });

    const source = await findReviewSource(tx, row.source_id);
    if (!source) throw new AppError('record.not_found', { resource: 'source', id: row.source_id });
    const ownership = ownershipForCreate(ctx, {
      ownerOrganizationId: source.owner_organization_id ?? undefined,
    });

    let record: unknown = null;
    let subjectId = edits.link ?? null;
    let sensitivity = strictest(source.sensitivity, 'public');
    const resource = creatable[plan.resource];
    if (plan.action === 'create' && plan.record && resource) {
      // A fact from a confidential source makes a confidential record: never less guarded than its source.
      const parsed = validate(resource.input, plan.record) as { sensitivity?: string };
      sensitivity = strictest(source.sensitivity, parsed.sensitivity ?? 'public');
      [record] = await createIn(ctx, tx, resource, [{ ...plan.record, sensitivity }], ownership);
      subjectId = (record as { id: string }).id;
    }
    if (!subjectId) throw new AppError('review.link_required', { id, kind: row.kind });

    const precisions = precisionsOf(facts);
    const claimedOn = source.published_on
      ? { date: source.published_on, precision: source.published_precision }
      : null;
    const claimant = plan.claimant.personId
      ? { personId: plan.claimant.personId }
      : { organizationId: plan.claimant.organizationId ?? undefined };
    const created = (await createIn(
      ctx,
      tx,
      claims as Resource,
      plan.claims.map((draft) => ({
        operationId: row.operation_id,
        subject: { resource: plan.resource, id: subjectId },
        field: draft.field,
        value: draft.value,
        claimant,
        sourceId: row.source_id,
        quote: draft.quote,
        claimedOn,
        timePrecision: draft.field === 'status' || draft.field === 'period' ? precisions.timePrecision : null,
        placePrecision: precisions.placePrecision,
        reporterRole: plan.reporterRole,
        sensitivity: strictest(source.sensitivity, 'public'),
      })),
      ownership,
    )) as ClaimView[];

    const decided = await decideCandidate(tx, id, {
      status: 'accepted',
      decidedBy: actorName(ctx.actor),
      edits,
      record: { resource: plan.resource, id: subjectId, created: record !== null },
      claimIds: created.map((claim) => claim.id),
    });
    if (!decided) throw new AppError('review.already_decided', { id, status: 'accepted' });
    return { candidate: presentCandidate(await findVisibleCandidate(tx, id)), record, claims: created };
  });
}
