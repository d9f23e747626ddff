import { z } from 'zod';
import { ClaimField, ClaimSubjectResource, ClaimView, reporterRoles } from './claims.ts';
import { DatePrecision, IsoDate, ListQuery, Uuid } from './common.ts';
import { UnitCode } from './registry.ts';

/**
 * The review queue (issue 6, docs/review-queue.md): what the extractor found in a source's text,
 * as candidates an analyst accepts (the record and its claims are created then), edits then
 * accepts, or rejects. Nothing found in a text enters the record without this decision.
 */

/** An event (with its date, place, participants, claimant and figures), or a figure stated alone. */
export const reviewCandidateKinds = ['event', 'quantity'] as const;
export const ReviewCandidateKind = z.enum(reviewCandidateKinds);
export type ReviewCandidateKind = z.infer<typeof ReviewCandidateKind>;

export const reviewCandidateStatuses = ['pending', 'accepted', 'rejected'] as const;
export const ReviewCandidateStatus = z.enum(reviewCandidateStatuses);
export type ReviewCandidateStatus = z.infer<typeof ReviewCandidateStatus>;

const Quote = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

/** A name the text gives and the registry record it matched exactly, if any. */
const Named = z.object({ name: z.string(), organizationId: z.string().nullable() });

/**
 * What the text says, read once at extraction and kept with the candidate: the figures, the
 * date, the place and the organizations, each with what it matched in the registry. Accepting
 * builds the record and claims from these (and the analyst's edits), so that what is shown for
 * review is what gets created.
 */
export const ReviewFacts = z.object({
  kind: ReviewCandidateKind,
  /** Events: the contract's type and status (extraction-contract.md). */
  eventType: z.string().nullable(),
  eventStatus: z.string().nullable(),
  language: z.enum(['ar', 'en']),
  quote: Quote,
  /** The source's publication day, when known to the day. */
  published: IsoDate.nullable(),
  date: z.object({ start: IsoDate, end: IsoDate.nullable(), precision: DatePrecision }).nullable(),
  place: z
    .object({
      name: z.string(),
      text: z.string().nullable(),
      pcode: z.string().nullable(),
      adminUnitId: z.string().nullable(),
    })
    .nullable(),
  claimant: Named.nullable(),
  /** The source's outlet: it stands as the claimant when the one the text names is not in the registry. */
  outletId: z.string().nullable(),
  participants: z.array(Named),
  quantities: z.array(
    z.object({
      value: z.number(),
      unit: z.string(),
      item: z.string().nullable(),
      approximate: z.boolean(),
      quote: Quote,
      itemId: z.string().nullable(),
    }),
  ),
});
export type ReviewFacts = z.infer<typeof ReviewFacts>;

/** A claim that accepting creates: about the record's field, in the quoted words. */
export const ReviewClaimDraft = z.object({
  field: z.string(),
  value: z.unknown(),
  quote: Quote,
});
export type ReviewClaimDraft = z.infer<typeof ReviewClaimDraft>;

/** What accepting would do, computed from the facts (and, on accept, the edits). */
export const ReviewPlanView = z.object({
  /** The resource of the record created, or of the record linked; null until a link is named. */
  resource: ClaimSubjectResource.nullable(),
  /** 'create': a new record; 'link': the claims are about an existing record the analyst names. */
  action: z.enum(['create', 'link']),
  /** The record's own status word after creation (core/schemas: meetings, shipments …). */
  recordStatus: z.string().nullable(),
  /** The input of the record created (as POST /api/<resource> takes it); null when linking. */
  record: z.record(z.string(), z.unknown()).nullable(),
  claims: z.array(ReviewClaimDraft),
  claimant: z.object({
    organizationId: z.string().nullable(),
    personId: z.string().nullable(),
    /** The name as written, kept when it matched nothing in the registry. */
    text: z.string().nullable(),
  }),
  reporterRole: z.enum(reporterRoles),
  /** Fields the accept body must supply (what the text cannot give): 'link', 'quantities.0.itemId' … */
  missing: z.array(z.string()),
});
export type ReviewPlanView = z.infer<typeof ReviewPlanView>;

export const ReviewCandidateView = z.object({
  id: z.string(),
  operationId: z.string(),
  sourceId: z.string(),
  kind: ReviewCandidateKind,
  /** The event's type, or the figure's unit. */
  type: z.string(),
  status: ReviewCandidateStatus,
  quote: Quote,
  /** The mention exactly as extract() returned it. */
  extracted: z.unknown(),
  facts: ReviewFacts,
  /** What accepting without edits would do. */
  proposal: ReviewPlanView,
  decision: z
    .object({
      by: z.string(),
      at: z.string(),
      reason: z.string().nullable(),
      edits: z.unknown().nullable(),
      record: z.object({ resource: z.string(), id: z.string(), created: z.boolean() }).nullable(),
      claimIds: z.array(z.string()),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewCandidateView = z.infer<typeof ReviewCandidateView>;

export const ReviewCandidateListQuery = ListQuery.omit({ q: true, sort: true }).extend({
  status: ReviewCandidateStatus.optional(),
  sourceId: Uuid.optional(),
  kind: ReviewCandidateKind.optional(),
});
export type ReviewCandidateListQuery = z.infer<typeof ReviewCandidateListQuery>;

/** A figure as the analyst corrects it: by position in the candidate's `facts.quantities`. */
export const ReviewQuantityEdit = z
  .object({
    value: z.number().nonnegative().finite().optional(),
    unit: UnitCode.optional(),
    approximate: z.boolean().optional(),
    /** The registry item counted (shipment lines and distributions need one). */
    itemId: Uuid.optional(),
  })
  .strict();

const DateEdit = z.union([
  IsoDate,
  z
    .object({ start: IsoDate, end: IsoDate.nullable().optional(), precision: DatePrecision.default('day') })
    .strict(),
]);

/**
 * POST /api/review/candidates/:id/accept. Every field is optional: without any, the proposal is
 * accepted as shown. `link` attaches the claims to an existing record instead of creating one
 * (a figure stated alone always needs one).
 */
export const ReviewAcceptInput = z
  .object({
    link: Uuid.optional(),
    /** The linked record's resource, when its id alone is ambiguous (it is looked up otherwise). */
    linkResource: ClaimSubjectResource.optional(),
    /** The claim's field on a linked record (a figure's default depends on the resource). */
    field: ClaimField.optional(),
    /** The record's status word instead of the mapped one. */
    status: z.string().trim().min(1).max(40).optional(),
    date: DateEdit.optional(),
    quantities: z.array(ReviewQuantityEdit.nullable()).max(50).optional(),
    claimantOrganizationId: Uuid.optional(),
    claimantPersonId: Uuid.optional(),
    /** More fields of the record created, checked by its own schema (consigneeId, domains …). */
    record: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((edits) => !(edits.claimantOrganizationId && edits.claimantPersonId), {
    message: 'claim.claimant_one_of',
    path: ['claimantPersonId'],
  });
export type ReviewAcceptInput = z.infer<typeof ReviewAcceptInput>;

/** What accepting did: the decided candidate, the record created (null when linked), the claims. */
export const ReviewAcceptResult = z.object({
  candidate: ReviewCandidateView,
  record: z.unknown().nullable(),
  claims: z.array(ClaimView),
});
export type ReviewAcceptResult = z.infer<typeof ReviewAcceptResult>;

export const ReviewRejectInput = z.object({ reason: z.string().trim().min(1).max(2000).optional() }).strict();
export type ReviewRejectInput = z.infer<typeof ReviewRejectInput>;

/** What extracting a source's text into the queue did. */
export const ExtractCandidatesResult = z.object({
  sourceId: z.string(),
  /** Candidates new to the queue. */
  created: z.number().int(),
  /** Facts already in the queue from an earlier extraction. */
  existing: z.number().int(),
  /** Facts whose words could not be found in the stored text (not queued). */
  unanchored: z.number().int(),
  candidateIds: z.array(z.string()),
});
export type ExtractCandidatesResult = z.infer<typeof ExtractCandidatesResult>;
