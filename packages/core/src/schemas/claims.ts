import { z } from 'zod';
import { factorToBase, type ItemUnits } from '../units.ts';
import { DatePrecision, IsoDate, ListQuery, OperationRef, RecordMeta, Sensitivity, Uuid } from './common.ts';
import { UnitCode } from './registry.ts';

/**
 * Claims: someone (an organization or a person) asserts a value about a record's field, in a
 * source, in words quoted exactly. Records keep what their operators entered; claims stand
 * beside them, are verified on their own, and never overwrite them.
 */

/** The resources a claim can be about (API resource names). */
export const claimSubjectResources = [
  'meetings',
  'agreements',
  'pledges',
  'shipments',
  'distributions',
  'population-movements',
  'stock-movements',
  'sites',
  'admin-units',
  'organizations',
  'items',
] as const;
export const ClaimSubjectResource = z.enum(claimSubjectResources);
export type ClaimSubjectResource = z.infer<typeof ClaimSubjectResource>;

export const claimStatuses = [
  'reported',
  'corroborated',
  'confirmed',
  'disputed',
  'refuted',
  'retracted',
] as const;
export const ClaimStatus = z.enum(claimStatuses);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** Where a claim's status may go next. A retraction is final. */
export const claimTransitions: Record<ClaimStatus, readonly ClaimStatus[]> = {
  reported: ['corroborated', 'confirmed', 'disputed', 'refuted', 'retracted'],
  corroborated: ['confirmed', 'disputed', 'refuted', 'retracted'],
  confirmed: ['disputed', 'retracted'],
  disputed: ['corroborated', 'confirmed', 'refuted', 'retracted'],
  refuted: ['disputed', 'retracted'],
  retracted: [],
};

export function claimTransitionAllowed(from: ClaimStatus, to: ClaimStatus): boolean {
  return claimTransitions[from].includes(to);
}

export const verificationMethods = [
  'document_review',
  'cross_check',
  'field_visit',
  'official_confirmation',
  'partner_report',
  'source_correction',
  'other',
] as const;
export const timePrecisions = ['exact', 'day', 'month', 'year', 'approximate', 'unknown'] as const;
export const placePrecisions = ['exact', 'site', 'admin3', 'admin2', 'admin1', 'country', 'unknown'] as const;
export const reporterRoles = ['primary', 'secondary'] as const;

/** A field or relation of the subject, as a path: 'quantity', 'lines.0.quantity', 'attendance'. */
export const ClaimField = z
  .string()
  .trim()
  .max(200)
  .regex(/^[A-Za-z][A-Za-z0-9]*(\.([A-Za-z][A-Za-z0-9]*|\d+))*$/);

/** A quantity as claimed: "about 160 tonnes" is `{ amount: 160, unit: 'tonne', approximate: true }`. */
export const ClaimedQuantity = z
  .object({ amount: z.number().nonnegative().finite(), unit: UnitCode, approximate: z.boolean().optional() })
  .strict();
export type ClaimedQuantity = z.infer<typeof ClaimedQuantity>;

/** Fields whose claimed value must be a quantity with its unit. */
export function isQuantityField(field: string): boolean {
  return /(^|\.)quantity$/.test(field);
}

/** The claimed value: any JSON, kept as said (small: a value, not a document). */
export const ClaimValue = z
  .json()
  .refine((value) => value !== null, { message: 'claim.value_null' })
  .refine((value) => JSON.stringify(value).length <= 10_000, { message: 'claim.value_too_large' });

/** The exact words in the source: `text === source.slice(start, end)` (UTF-16 code units). */
export const ClaimQuote = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    text: z.string().min(1).max(10_000),
  })
  .strict()
  .refine((quote) => quote.end > quote.start, { message: 'claim.quote_order', path: ['end'] });
export type ClaimQuote = z.infer<typeof ClaimQuote>;

export const ClaimedOn = z.object({ date: IsoDate, precision: DatePrecision.default('day') }).strict();

const Claimant = z
  .object({ organizationId: Uuid.optional(), personId: Uuid.optional() })
  .strict()
  .refine((c) => (c.organizationId === undefined) !== (c.personId === undefined), {
    message: 'claim.claimant_one_of',
  });

export const ClaimInput = z
  .object({
    id: Uuid.optional(),
    operationId: OperationRef,
    subject: z.object({ resource: ClaimSubjectResource, id: Uuid }).strict(),
    field: ClaimField,
    value: ClaimValue,
    claimant: Claimant,
    sourceId: Uuid,
    quote: ClaimQuote.optional(),
    claimedOn: ClaimedOn.nullable().optional(),
    timePrecision: z.enum(timePrecisions).nullable().optional(),
    placePrecision: z.enum(placePrecisions).nullable().optional(),
    reporterRole: z.enum(reporterRoles).default('primary'),
    sensitivity: Sensitivity.default('public'),
  })
  .strict()
  .superRefine((claim, ctx) => {
    if (isQuantityField(claim.field) && !ClaimedQuantity.safeParse(claim.value).success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'claim.quantity_value' });
    }
  });
export type ClaimInput = z.infer<typeof ClaimInput>;

/** What someone said is never edited: corrections are new claims or verifications. */
export const ClaimPatch = z
  .object({
    sensitivity: Sensitivity.optional(),
    timePrecision: z.enum(timePrecisions).nullable().optional(),
    placePrecision: z.enum(placePrecisions).nullable().optional(),
    reporterRole: z.enum(reporterRoles).optional(),
  })
  .strict();
export type ClaimPatch = z.infer<typeof ClaimPatch>;

export const ClaimVerificationInput = z
  .object({
    toStatus: ClaimStatus,
    method: z.enum(verificationMethods),
    reason: z
      .object({
        ar: z.string().trim().min(1).max(2000).optional(),
        en: z.string().trim().min(1).max(2000).optional(),
      })
      .strict()
      .refine((r) => Boolean(r.ar || r.en), { message: 'texts.required' }),
    byOrganizationId: Uuid.nullable().optional(),
    evidenceSourceId: Uuid.nullable().optional(),
  })
  .strict();
export type ClaimVerificationInput = z.infer<typeof ClaimVerificationInput>;

export const ClaimVerificationView = z.object({
  id: z.string(),
  fromStatus: ClaimStatus,
  toStatus: ClaimStatus,
  method: z.enum(verificationMethods),
  reason: z.object({ ar: z.string().optional(), en: z.string().optional() }),
  /** Who: 'user:<id>', or 'system' for the command line. */
  actor: z.string(),
  /** An analyst's proposal: the claim's status did not change (a coordinator decides). */
  proposed: z.boolean(),
  byOrganizationId: z.string().nullable(),
  evidenceSourceId: z.string().nullable(),
  verifiedAt: z.string(),
});
export type ClaimVerificationView = z.infer<typeof ClaimVerificationView>;

/** A source as claims cite it: never its whole text. */
export const ClaimSourceSummary = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string().nullable(),
  outletId: z.string().nullable(),
  published: z.object({ date: z.string(), precision: DatePrecision }).nullable(),
});
export type ClaimSourceSummary = z.infer<typeof ClaimSourceSummary>;

export const ClaimView = RecordMeta.extend({
  operationId: z.string(),
  subject: z.object({ resource: ClaimSubjectResource, id: z.string() }),
  field: z.string(),
  value: z.unknown(),
  claimant: z.object({ organizationId: z.string().nullable(), personId: z.string().nullable() }),
  source: ClaimSourceSummary.nullable(),
  quote: z.object({ start: z.number(), end: z.number(), text: z.string() }).nullable(),
  claimedOn: z.object({ date: z.string(), precision: DatePrecision }).nullable(),
  timePrecision: z.enum(timePrecisions).nullable(),
  placePrecision: z.enum(placePrecisions).nullable(),
  reporterRole: z.enum(reporterRoles),
  status: ClaimStatus,
  /** Every status change, oldest first. */
  verifications: z.array(ClaimVerificationView),
  /** Claims giving a different value for the same subject and field. */
  contradictionIds: z.array(z.string()),
  sensitivity: Sensitivity,
});
export type ClaimView = z.infer<typeof ClaimView>;

export const ClaimListQuery = ListQuery.extend({
  operationId: Uuid.optional(),
  subjectResource: ClaimSubjectResource.optional(),
  subjectId: Uuid.optional(),
  field: ClaimField.optional(),
  sourceId: Uuid.optional(),
  claimantOrganizationId: Uuid.optional(),
  claimantPersonId: Uuid.optional(),
  status: ClaimStatus.optional(),
});
export type ClaimListQuery = z.infer<typeof ClaimListQuery>;

/** GET /api/R/:id/provenance: what is claimed about a record, by whom, where, and how it stands. */
export const ProvenanceView = z.object({
  subject: z.object({ resource: z.string(), id: z.string() }),
  claims: z.array(ClaimView),
  /** Sources cited by the claims and by their verifications. */
  sources: z.array(ClaimSourceSummary),
  /** Pairs of contradicting claims (the smaller id first). */
  contradictions: z.array(z.tuple([z.string(), z.string()])),
});
export type ProvenanceView = z.infer<typeof ProvenanceView>;

/** JSON with object keys sorted: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A claimed figure: a bare number, or `{ amount, unit?, approximate? }`. */
export interface ClaimedFigure {
  amount: number;
  unit: string | null;
  approximate: boolean;
}

export function claimedFigure(value: unknown): ClaimedFigure | null {
  if (typeof value === 'number' && Number.isFinite(value))
    return { amount: value, unit: null, approximate: false };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const { amount, unit, approximate } = value as Record<string, unknown>;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  return {
    amount,
    unit: typeof unit === 'string' ? unit.toLowerCase() : null,
    approximate: approximate === true,
  };
}

/**
 * Do two claims give the same value? Figures compare by amount, in one unit when the item's
 * units (or the standard units) relate them: 160 tonnes is 160,000 kg. Anything else compares
 * as canonical JSON.
 */
export function sameClaimedValue(a: unknown, b: unknown, units?: ItemUnits): boolean {
  const x = claimedFigure(a);
  const y = claimedFigure(b);
  if (x && y) {
    if (x.unit === null && y.unit === null) return x.amount === y.amount;
    if (x.unit !== null && y.unit !== null) {
      const scale = units ?? { baseUnit: x.unit, conversions: [] };
      const fx = factorToBase(scale, x.unit);
      const fy = factorToBase(scale, y.unit);
      if (fx !== undefined && fy !== undefined) {
        const left = x.amount * fx;
        const right = y.amount * fy;
        return Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
      }
    }
  }
  return canonicalJson(a) === canonicalJson(b);
}

// The claimed-vs-confirmed report: claimed figures beside what the record and the ledger show.
export const claimedFigureResources = [
  'shipments',
  'distributions',
  'pledges',
  'population-movements',
] as const;

export const ClaimedVsConfirmedQuery = z.object({
  operationId: Uuid.optional(),
  subjectResource: z.enum(claimedFigureResources).optional(),
  subjectId: Uuid.optional(),
  status: ClaimStatus.optional(),
});
export type ClaimedVsConfirmedQuery = z.infer<typeof ClaimedVsConfirmedQuery>;

export const recordedBases = ['ledger_received', 'ledger_distributed', 'record'] as const;

export const ClaimedFigureView = z.object({
  claimId: z.string(),
  /** The value as claimed. */
  value: z.unknown(),
  amount: z.number().nullable(),
  unit: z.string().nullable(),
  approximate: z.boolean(),
  /** The claimed amount in the row's unit, when the units relate. */
  comparable: z.number().nullable(),
  /** comparable − recorded. */
  difference: z.number().nullable(),
  /** comparable ÷ recorded. */
  ratio: z.number().nullable(),
  status: ClaimStatus,
  claimant: z.object({
    organizationId: z.string().nullable(),
    personId: z.string().nullable(),
    names: z.object({ ar: z.string().optional(), en: z.string().optional() }),
  }),
  source: ClaimSourceSummary.nullable(),
  quote: z.string().nullable(),
});
export type ClaimedFigureView = z.infer<typeof ClaimedFigureView>;

export const ClaimedVsConfirmedRow = z.object({
  subject: z.object({ resource: z.enum(claimedFigureResources), id: z.string() }),
  field: z.string(),
  itemId: z.string().nullable(),
  /** The unit of the recorded figures and of `comparable`: the item's base unit, a currency, or null for counts. */
  unit: z.string().nullable(),
  recorded: z.object({
    /** The figure the claims are compared with. */
    value: z.number().nullable(),
    basis: z.enum(recordedBases),
    /** Shipments: what the ledger shows dispatched into the shipment's pipeline. */
    dispatched: z.number().nullable(),
    /** Shipment lines and distributions: the quantity the record plans. */
    planned: z.number().nullable(),
  }),
  claims: z.array(ClaimedFigureView),
});
export type ClaimedVsConfirmedRow = z.infer<typeof ClaimedVsConfirmedRow>;

export const ClaimedVsConfirmedReport = z.object({ items: z.array(ClaimedVsConfirmedRow) });
export type ClaimedVsConfirmedReport = z.infer<typeof ClaimedVsConfirmedReport>;
