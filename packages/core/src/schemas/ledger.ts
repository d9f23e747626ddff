import { z } from 'zod';
import {
  IsoDate,
  ListQuery,
  LocalizedText,
  OperationRef,
  Period,
  PlaceRef,
  patchOf,
  RecordMeta,
  Sensitivity,
  StatusEventView,
  statusEventInput,
  Uuid,
} from './common.ts';
import { disaggregatedTotal, SexAgeDisaggregation } from './population-movements.ts';
import { siteTypes, UnitCode } from './registry.ts';

/** One word per stage everywhere (API, UI, reports): pledged → dispatched → received → distributed. */
export const pipelineStages = ['pledged', 'dispatched', 'received', 'distributed'] as const;

const Quantity = z.number().positive().finite().max(1e12);
const Titles = LocalizedText.optional();
const isoDateTime = z.iso.datetime({ offset: true });
const InitialEvents = <S extends readonly [string, ...string[]]>(statuses: S) =>
  z.array(statusEventInput(statuses)).max(50).optional();

// Pledges and funding flows.
export const pledgeStatuses = ['pledged', 'committed', 'paid'] as const;
const PledgeFields = z
  .object({
    id: Uuid.optional(),
    operationId: OperationRef,
    titles: Titles,
    sourceOrganizationId: Uuid,
    destinationOrganizationId: Uuid.nullable().optional(),
    modality: z.enum(['financial', 'in_kind']),
    amount: z.number().nonnegative().finite().nullable().optional(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .optional(),
    amountUsd: z.number().nonnegative().finite().nullable().optional(),
    itemId: Uuid.nullable().optional(),
    quantity: Quantity.nullable().optional(),
    unit: UnitCode.nullable().optional(),
    approximate: z.boolean().default(false),
    period: Period.nullable().optional(),
    place: PlaceRef.optional(),
    sensitivity: Sensitivity.default('public'),
    statusHistory: InitialEvents(pledgeStatuses),
  })
  .strict();
export const PledgeInput = PledgeFields.superRefine((pledge, ctx) => {
  if (pledge.modality === 'financial' && (pledge.amount == null || !pledge.currency)) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'pledge.financial_needs_amount' });
  }
  if (pledge.modality === 'in_kind' && (!pledge.itemId || pledge.quantity == null || !pledge.unit)) {
    ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'pledge.in_kind_needs_item' });
  }
});
export type PledgeInput = z.infer<typeof PledgeInput>;
export const PledgePatch = patchOf(PledgeFields.omit({ id: true, operationId: true, statusHistory: true }));
export type PledgePatch = z.infer<typeof PledgePatch>;

const aidFlag = z
  .boolean()
  .describe('Delivery or distribution is tied to a political condition of an agreement.');

export const PledgeView = RecordMeta.extend({
  operationId: z.string(),
  titles: z.object({ ar: z.string().optional(), en: z.string().optional() }),
  sourceOrganizationId: z.string(),
  destinationOrganizationId: z.string().nullable(),
  modality: z.enum(['financial', 'in_kind']),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  amountUsd: z.number().nullable(),
  itemId: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  baseQuantity: z.number().nullable(),
  approximate: z.boolean(),
  status: z.enum(pledgeStatuses),
  statusHistory: z.array(StatusEventView),
  period: Period.nullable(),
  place: z.object({ adminUnitId: z.string().nullable(), text: z.string().nullable() }),
  sensitivity: Sensitivity,
  conditionedOnPoliticalAgreement: aidFlag,
});
export type PledgeView = z.infer<typeof PledgeView>;
export const PledgeListQuery = ListQuery.extend({
  operationId: Uuid.optional(),
  status: z.enum(pledgeStatuses).optional(),
  modality: z.enum(['financial', 'in_kind']).optional(),
  itemId: Uuid.optional(),
  sourceOrganizationId: Uuid.optional(),
  conditionedOnPoliticalAgreement: z.stringbool().optional(),
});

// Shipments.
export const shipmentStatuses = [
  'planned',
  'approved',
  'dispatched',
  'in_transit',
  'held_at_crossing',
  'arrived',
  'received_partial',
  'received',
  'distributed',
  'cancelled',
  'returned',
] as const;
export const shipmentModes = ['road', 'air', 'sea', 'rail', 'cross_border', 'mixed', 'unknown'] as const;

export const ShipmentLineInput = z
  .object({
    id: Uuid.optional(),
    itemId: Uuid,
    quantity: Quantity,
    unit: UnitCode,
    approximate: z.boolean().default(false),
  })
  .strict();
export type ShipmentLineInput = z.infer<typeof ShipmentLineInput>;

const ShipmentFields = z
  .object({
    id: Uuid.optional(),
    operationId: OperationRef,
    reference: z.string().trim().min(1).max(100).nullable().optional(),
    titles: Titles,
    donorIds: z.array(Uuid).max(50).default([]),
    consigneeId: Uuid.nullable().optional(),
    originSiteId: Uuid.nullable().optional(),
    origin: PlaceRef.optional(),
    destination: PlaceRef.optional(),
    destinationSiteTypes: z.array(z.enum(siteTypes)).max(10).default([]),
    mode: z.enum(shipmentModes).default('unknown'),
    period: Period.nullable().optional(),
    sensitivity: Sensitivity.default('restricted'),
    lines: z.array(ShipmentLineInput).min(1).max(500),
    statusHistory: InitialEvents(shipmentStatuses),
  })
  .strict();
export const ShipmentInput = ShipmentFields;
export type ShipmentInput = z.infer<typeof ShipmentInput>;
export const ShipmentPatch = patchOf(
  ShipmentFields.omit({ id: true, operationId: true, statusHistory: true }),
);
export type ShipmentPatch = z.infer<typeof ShipmentPatch>;

export const ShipmentLineView = z.object({
  id: z.string(),
  itemId: z.string(),
  quantity: z.number(),
  unit: z.string(),
  baseQuantity: z.number(),
  approximate: z.boolean(),
  dispatched: z.number(),
  received: z.number(),
  discrepancy: z.number(),
  inPipeline: z.number(),
});
export const ShipmentView = RecordMeta.extend({
  operationId: z.string(),
  reference: z.string().nullable(),
  titles: z.object({ ar: z.string().optional(), en: z.string().optional() }),
  donorIds: z.array(z.string()),
  consigneeId: z.string().nullable(),
  originSiteId: z.string().nullable(),
  origin: z.object({ adminUnitId: z.string().nullable(), text: z.string().nullable() }),
  destination: z.object({
    adminUnitId: z.string().nullable(),
    siteId: z.string().nullable(),
    text: z.string().nullable(),
  }),
  destinationSiteTypes: z.array(z.string()),
  mode: z.enum(shipmentModes),
  status: z.enum(shipmentStatuses),
  statusHistory: z.array(StatusEventView),
  period: Period.nullable(),
  sensitivity: Sensitivity,
  lines: z.array(ShipmentLineView),
  conditionedOnPoliticalAgreement: aidFlag,
});
export type ShipmentView = z.infer<typeof ShipmentView>;
export const ShipmentListQuery = ListQuery.extend({
  operationId: Uuid.optional(),
  status: z.enum(shipmentStatuses).optional(),
  consigneeId: Uuid.optional(),
  itemId: Uuid.optional(),
  destinationAdminUnitId: Uuid.optional(),
  conditionedOnPoliticalAgreement: z.stringbool().optional(),
});

/** A receipt against one shipment line: what arrived, and what did not (with why). */
export const ShipmentReceiptInput = z
  .object({
    lineId: Uuid,
    receivedOn: IsoDate,
    receivedQuantity: z.number().nonnegative().finite(),
    unit: UnitCode.optional(),
    discrepancyQuantity: z.number().nonnegative().finite().default(0),
    discrepancyReason: z.string().trim().min(1).max(500).optional(),
    siteId: Uuid.nullable().optional(),
  })
  .strict()
  .refine((r) => r.receivedQuantity > 0 || r.discrepancyQuantity > 0, {
    message: 'receipt.empty',
    path: ['receivedQuantity'],
  })
  .refine((r) => r.discrepancyQuantity === 0 || Boolean(r.discrepancyReason), {
    message: 'receipt.reason_required',
    path: ['discrepancyReason'],
  });
export type ShipmentReceiptInput = z.infer<typeof ShipmentReceiptInput>;

// Stock movements: the ledger.
/** What a user records directly; a shipment's events add dispatches into and returns out of its pipeline. */
export const stockMovementTypes = [
  'receipt',
  'dispatch',
  'transfer',
  'distribution',
  'adjustment',
  'loss',
] as const;
export const ledgerMovementTypes = [...stockMovementTypes, 'return'] as const;
export const accountKinds = ['site', 'pipeline', 'external', 'beneficiaries', 'loss', 'adjustment'] as const;

export const StockMovementInput = z
  .object({
    id: Uuid.optional(),
    operationId: OperationRef,
    type: z.enum(stockMovementTypes),
    itemId: Uuid,
    quantity: Quantity,
    unit: UnitCode,
    /** Where stock leaves: needed for dispatch, transfer, distribution, loss, and adjustments out. */
    fromSiteId: Uuid.nullable().optional(),
    /** Where stock arrives: needed for receipt, transfer, and adjustments in. */
    toSiteId: Uuid.nullable().optional(),
    occurredAt: isoDateTime,
    organizationId: Uuid.nullable().optional(),
    reason: z.string().trim().min(1).max(500).nullable().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const needsFrom = ['dispatch', 'transfer', 'distribution', 'loss'].includes(m.type);
    const needsTo = ['receipt', 'transfer'].includes(m.type);
    if (needsFrom && !m.fromSiteId)
      ctx.addIssue({ code: 'custom', path: ['fromSiteId'], message: 'movement.site_required' });
    if (needsTo && !m.toSiteId)
      ctx.addIssue({ code: 'custom', path: ['toSiteId'], message: 'movement.site_required' });
    if (m.type === 'adjustment') {
      if (Boolean(m.fromSiteId) === Boolean(m.toSiteId)) {
        ctx.addIssue({ code: 'custom', path: ['fromSiteId'], message: 'movement.adjustment_one_site' });
      }
      if (!m.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'movement.reason_required' });
    }
    if (m.type === 'transfer' && m.fromSiteId && m.fromSiteId === m.toSiteId) {
      ctx.addIssue({ code: 'custom', path: ['toSiteId'], message: 'movement.same_site' });
    }
  });
export type StockMovementInput = z.infer<typeof StockMovementInput>;

export const ReverseMovementInput = z
  .object({ reason: z.string().trim().min(1).max(500), occurredAt: isoDateTime.optional() })
  .strict();
export type ReverseMovementInput = z.infer<typeof ReverseMovementInput>;

export const StockMovementView = z.object({
  id: z.string(),
  operationId: z.string(),
  type: z.enum(ledgerMovementTypes),
  itemId: z.string(),
  quantity: z.number(),
  enteredQuantity: z.number(),
  enteredUnit: z.string(),
  from: z.object({ kind: z.enum(accountKinds), ref: z.string().nullable() }),
  to: z.object({ kind: z.enum(accountKinds), ref: z.string().nullable() }),
  occurredAt: z.string(),
  recordedAt: z.string(),
  placeAdminUnitId: z.string().nullable(),
  organizationId: z.string().nullable(),
  reason: z.string().nullable(),
  reversesId: z.string().nullable(),
  shipmentId: z.string().nullable(),
  distributionId: z.string().nullable(),
});
export type StockMovementView = z.infer<typeof StockMovementView>;
export const StockMovementListQuery = z.object({
  operationId: Uuid.optional(),
  itemId: Uuid.optional(),
  siteId: Uuid.optional(),
  type: z.enum(ledgerMovementTypes).optional(),
  shipmentId: Uuid.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type StockMovementListQuery = z.infer<typeof StockMovementListQuery>;

// Distributions.
export const distributionStatuses = ['planned', 'completed', 'cancelled'] as const;
const DistributionFields = z
  .object({
    id: Uuid.optional(),
    operationId: OperationRef,
    titles: Titles,
    organizationId: Uuid.nullable().optional(),
    itemId: Uuid,
    quantity: Quantity,
    unit: UnitCode,
    approximate: z.boolean().default(false),
    fromSiteId: Uuid.nullable().optional(),
    shipmentId: Uuid.nullable().optional(),
    place: PlaceRef.optional(),
    targetSiteTypes: z.array(z.enum(siteTypes)).max(10).default([]),
    /** How many places (cities, camps) it covers, when the source gives a count, not a list. */
    placeCount: z.number().int().positive().nullable().optional(),
    period: Period.nullable().optional(),
    individuals: z.number().int().nonnegative().nullable().optional(),
    households: z.number().int().nonnegative().nullable().optional(),
    disaggregation: SexAgeDisaggregation.nullable().optional(),
    sensitivity: Sensitivity.default('public'),
    statusHistory: InitialEvents(distributionStatuses),
  })
  .strict();
export const DistributionInput = DistributionFields.superRefine((d, ctx) => {
  if (d.individuals != null && d.disaggregation && disaggregatedTotal(d.disaggregation) > d.individuals) {
    ctx.addIssue({ code: 'custom', path: ['disaggregation'], message: 'disaggregation.exceeds_total' });
  }
});
export type DistributionInput = z.infer<typeof DistributionInput>;
export const DistributionPatch = patchOf(
  DistributionFields.omit({ id: true, operationId: true, statusHistory: true }),
);
export type DistributionPatch = z.infer<typeof DistributionPatch>;
export const DistributionView = RecordMeta.extend({
  operationId: z.string(),
  titles: z.object({ ar: z.string().optional(), en: z.string().optional() }),
  organizationId: z.string().nullable(),
  itemId: z.string(),
  quantity: z.number(),
  unit: z.string(),
  baseQuantity: z.number(),
  approximate: z.boolean(),
  fromSiteId: z.string().nullable(),
  shipmentId: z.string().nullable(),
  place: z.object({
    adminUnitId: z.string().nullable(),
    siteId: z.string().nullable(),
    text: z.string().nullable(),
  }),
  targetSiteTypes: z.array(z.string()),
  placeCount: z.number().nullable(),
  status: z.enum(distributionStatuses),
  statusHistory: z.array(StatusEventView),
  period: Period.nullable(),
  individuals: z.number().nullable(),
  households: z.number().nullable(),
  disaggregation: SexAgeDisaggregation.nullable(),
  sensitivity: Sensitivity,
  conditionedOnPoliticalAgreement: aidFlag,
});
export type DistributionView = z.infer<typeof DistributionView>;
export const DistributionListQuery = ListQuery.extend({
  operationId: Uuid.optional(),
  status: z.enum(distributionStatuses).optional(),
  itemId: Uuid.optional(),
  organizationId: Uuid.optional(),
  placeAdminUnitId: Uuid.optional(),
  conditionedOnPoliticalAgreement: z.stringbool().optional(),
});

// Reports.
export const PipelineQuery = z.object({
  operationId: Uuid.optional(),
  itemId: Uuid.optional(),
  /** An admin unit: figures for places inside it. */
  adminUnitId: Uuid.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type PipelineQuery = z.infer<typeof PipelineQuery>;
export const PipelineRow = z.object({
  itemId: z.string(),
  names: z.object({ ar: z.string().optional(), en: z.string().optional() }),
  baseUnit: z.string(),
  pledged: z.number(),
  dispatched: z.number(),
  received: z.number(),
  distributed: z.number(),
  lost: z.number(),
  inPipeline: z.number(),
  inStock: z.number(),
  plannedDistribution: z.number(),
});
export type PipelineRow = z.infer<typeof PipelineRow>;

export const ThreeWQuery = z.object({
  operationId: Uuid.optional(),
  organizationId: Uuid.optional(),
  sector: z.string().optional(),
  governorateId: Uuid.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  groupBy: z.enum(['month', 'quarter', 'year']).default('month'),
});
export type ThreeWQuery = z.infer<typeof ThreeWQuery>;
export const ThreeWRow = z.object({
  organization: z.object({ id: z.string(), names: LocalizedText.or(z.object({})) }).nullable(),
  sector: z.string(),
  governorate: z
    .object({
      id: z.string(),
      pcode: z.string(),
      names: z.object({ ar: z.string().optional(), en: z.string().optional() }),
    })
    .nullable(),
  period: z.string(),
  status: z.enum(['completed', 'planned']),
  activities: z.number(),
  items: z.number(),
  individuals: z.number(),
});
export type ThreeWRow = z.infer<typeof ThreeWRow>;

export const StockQuery = z.object({
  operationId: Uuid.optional(),
  itemId: Uuid.optional(),
  siteId: Uuid.optional(),
});
export const StockRow = z.object({
  siteId: z.string(),
  itemId: z.string(),
  quantity: z.number(),
  baseUnit: z.string(),
});
