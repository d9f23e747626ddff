import {
  AppError,
  ClaimInput,
  ClaimListQuery,
  ClaimPatch,
  type ClaimSourceSummary,
  type ClaimSubjectResource,
  type ClaimVerificationView,
  ClaimView,
  sameClaimedValue,
} from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import {
  contradictionsOf,
  figureItemId,
  insertContradictions,
  liveClaimsAbout,
  type SourceSummaryRow,
  sourceSummarySql,
  sourceTexts,
  type VerificationRow,
  verificationsOf,
} from '../../store/claims.ts';
import type { Db } from '../../store/db.ts';
import { itemsByIds } from '../../store/ledger.ts';
import type { ColumnValues, Row } from '../../store/registry.ts';
import { claimSubjects, existingRecords } from '../claim-subjects.ts';
import { defined, defineResource, meta } from '../resource.ts';

interface ClaimExtra {
  verifications: ClaimVerificationView[];
  contradictionIds: string[];
}

export function presentSourceSummary(row: SourceSummaryRow): ClaimSourceSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    outletId: row.outletId,
    published: row.publishedOn ? { date: row.publishedOn, precision: row.publishedPrecision } : null,
  };
}

export function presentVerification(row: VerificationRow): ClaimVerificationView {
  const reason: ClaimVerificationView['reason'] = {};
  if (row.reason_ar) reason.ar = row.reason_ar;
  if (row.reason_en) reason.en = row.reason_en;
  return {
    id: row.id,
    fromStatus: row.from_status as ClaimVerificationView['fromStatus'],
    toStatus: row.to_status as ClaimVerificationView['toStatus'],
    method: row.method as ClaimVerificationView['method'],
    reason,
    actor: row.actor,
    byOrganizationId: row.by_organization_id,
    evidenceSourceId: row.evidence_source_id,
    verifiedAt: row.verified_at.toISOString(),
    proposed: row.proposed,
  };
}

type Pending = { values: ColumnValues; input: Record<string, unknown> };

/** Every claim is about a live record: its subject is checked in the subject's own table. */
async function checkSubjects(tx: Db, rows: Pending[]): Promise<void> {
  const byResource = new Map<ClaimSubjectResource, string[]>();
  for (const { values } of rows) {
    const resource = values.subject_resource as ClaimSubjectResource;
    byResource.set(resource, [...(byResource.get(resource) ?? []), String(values.subject_id)]);
  }
  const found = new Map<ClaimSubjectResource, Set<string>>();
  for (const [resource, ids] of byResource) {
    found.set(resource, await existingRecords(tx, claimSubjects[resource], ids));
  }
  rows.forEach(({ values }, index) => {
    const resource = values.subject_resource as ClaimSubjectResource;
    const id = String(values.subject_id);
    if (found.get(resource)?.has(id)) return;
    throw new AppError('record.reference_missing', {
      field: 'subject.id',
      resource: claimSubjects[resource].resource,
      value: id,
      ...(rows.length > 1 ? { index } : {}),
    });
  });
}

/**
 * The source must be in the claim's operation, and a quote must be the source's text exactly:
 * `content.slice(start, end) === quote.text`.
 */
async function checkSourcesAndQuotes(tx: Db, rows: Pending[]): Promise<void> {
  const sources = await sourceTexts(
    tx,
    rows.map((row) => String(row.values.source_id)),
  );
  rows.forEach(({ values }, index) => {
    const at = rows.length > 1 ? { index } : {};
    const sourceId = String(values.source_id);
    const source = sources.get(`${String(values.operation_id)}:${sourceId}`);
    if (!source) {
      throw new AppError('record.reference_missing', {
        field: 'sourceId',
        resource: 'source',
        value: sourceId,
        ...at,
      });
    }
    if (values.quote_start === undefined || values.quote_start === null) return;
    if (source.content === null) throw new AppError('claim.source_has_no_text', { sourceId, ...at });
    const start = Number(values.quote_start);
    const end = Number(values.quote_end);
    const text = String(values.quote_text);
    if (end <= source.content.length && source.content.slice(start, end) === text) return;
    const found = source.content.slice(start, Math.min(end, start + 200));
    throw new AppError('claim.quote_mismatch', { sourceId, start, end, found, ...at });
  });
}

/** Links a new claim to the live claims giving a different value for the same subject and field. */
async function linkContradictions(tx: Db, row: Row): Promise<void> {
  const claim = {
    operationId: String(row.operation_id),
    id: row.id,
    subjectResource: String(row.subject_resource),
    subjectId: String(row.subject_id),
    field: String(row.field),
  };
  const others = await liveClaimsAbout(tx, claim);
  if (others.length === 0) return;
  const itemId = await figureItemId(tx, claim.subjectResource, claim.subjectId, claim.field);
  const item = itemId ? (await itemsByIds(tx, [itemId])).get(itemId) : undefined;
  const units = item ? { baseUnit: item.base_unit, conversions: item.conversions } : undefined;
  const pairs = others
    .filter((other) => !sameClaimedValue(row.value, other.value, units))
    .map((other): [string, string] => [row.id, other.id]);
  await insertContradictions(tx, claim.operationId, pairs);
}

/**
 * Claims: what someone said about a record's field, in which source and words. The value, the
 * subject, the field and the quote are never edited (a correction is a new claim or a
 * verification); only how the claim is handled (sensitivity, precisions, reporter role) is.
 */
export const claims = defineResource({
  resource: 'claim',
  write: 'evidence.write',
  path: 'claims',
  table: {
    table: 'claims',
    columns: [
      'operation_id',
      'subject_resource',
      'subject_id',
      'field',
      'value',
      'claimant_organization_id',
      'claimant_person_id',
      'source_id',
      'quote_start',
      'quote_end',
      'quote_text',
      'claimed_on',
      'claimed_precision',
      'time_precision',
      'place_precision',
      'reporter_role',
      'sensitivity',
    ],
    jsonColumns: ['value'],
    derived: `t.status, (SELECT ${sourceSummarySql('s')} FROM sources s
      WHERE s.operation_id = t.operation_id AND s.id = t.source_id) AS source_summary`,
  },
  input: ClaimInput,
  patch: ClaimPatch,
  query: ClaimListQuery,
  view: ClaimView,
  toColumns: (input) =>
    defined({
      operation_id: input.operationId,
      subject_resource: input.subject?.resource,
      subject_id: input.subject?.id,
      field: input.field,
      value: input.value,
      claimant_organization_id:
        input.claimant === undefined ? undefined : (input.claimant.organizationId ?? null),
      claimant_person_id: input.claimant === undefined ? undefined : (input.claimant.personId ?? null),
      source_id: input.sourceId,
      quote_start: input.quote?.start,
      quote_end: input.quote?.end,
      quote_text: input.quote?.text,
      claimed_on: input.claimedOn === undefined ? undefined : (input.claimedOn?.date ?? null),
      claimed_precision: input.claimedOn?.precision,
      time_precision: input.timePrecision,
      place_precision: input.placePrecision,
      reporter_role: input.reporterRole,
      sensitivity: input.sensitivity,
    }),
  prepare: async (_ctx, tx, rows) => {
    const created = rows.filter((row) => row.current === undefined);
    if (created.length === 0) return;
    await checkSubjects(tx, created);
    await checkSourcesAndQuotes(tx, created);
  },
  present: (row, extra) => {
    const children = extra as ClaimExtra | undefined;
    const source = row.source_summary as SourceSummaryRow | null;
    return {
      ...meta(row),
      operationId: String(row.operation_id),
      subject: { resource: row.subject_resource as ClaimSubjectResource, id: String(row.subject_id) },
      field: String(row.field),
      value: row.value,
      claimant: {
        organizationId: (row.claimant_organization_id as string | null) ?? null,
        personId: (row.claimant_person_id as string | null) ?? null,
      },
      source: source ? presentSourceSummary(source) : null,
      quote:
        row.quote_start === null || row.quote_start === undefined
          ? null
          : { start: Number(row.quote_start), end: Number(row.quote_end), text: String(row.quote_text) },
      claimedOn:
        typeof row.claimed_on === 'string'
          ? { date: row.claimed_on, precision: row.claimed_precision as 'day' | 'month' | 'year' }
          : null,
      timePrecision: (row.time_precision as ClaimView['timePrecision']) ?? null,
      placePrecision: (row.place_precision as ClaimView['placePrecision']) ?? null,
      reporterRole: row.reporter_role as ClaimView['reporterRole'],
      status: row.status as ClaimView['status'],
      verifications: children?.verifications ?? [],
      contradictionIds: children?.contradictionIds ?? [],
      sensitivity: row.sensitivity as ClaimView['sensitivity'],
    };
  },
  children: {
    write: async (_ctx, tx, parents) => {
      for (const { row, input } of parents) if ('value' in input) await linkContradictions(tx, row);
    },
    load: async (db, rows) => {
      const ids = rows.map((row) => row.id);
      // One after the other: `db` may be a transaction's single connection.
      const verifications = await verificationsOf(db, ids);
      const contradictions = await contradictionsOf(db, ids);
      return new Map(
        ids.map((id): [string, ClaimExtra] => [
          id,
          {
            verifications: (verifications.get(id) ?? []).map(presentVerification),
            contradictionIds: contradictions.get(id) ?? [],
          },
        ]),
      );
    },
  },
  searchText: (row) =>
    searchTerms(
      row.quote_text as string | null,
      row.field as string | null,
      typeof row.value === 'string' ? row.value : null,
    ),
  references: [
    { field: 'operationId', column: 'operation_id', table: 'operations', resource: 'operation' },
    {
      field: 'claimant.organizationId',
      column: 'claimant_organization_id',
      table: 'organizations',
      resource: 'organization',
    },
    { field: 'claimant.personId', column: 'claimant_person_id', table: 'persons', resource: 'person' },
    { field: 'sourceId', column: 'source_id', table: 'sources', resource: 'source' },
  ],
  uniques: { claims_pkey: 'id' },
  filters: {
    operationId: 'operation_id',
    subjectResource: 'subject_resource',
    subjectId: 'subject_id',
    field: 'field',
    sourceId: 'source_id',
    claimantOrganizationId: 'claimant_organization_id',
    claimantPersonId: 'claimant_person_id',
    status: 'status',
  },
  sorts: { createdAt: 'created_at', updatedAt: 'updated_at', claimedOn: 'claimed_on', status: 'status' },
  defaultSort: 'createdAt',
});
