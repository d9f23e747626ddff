import {
  type ClaimedFigureView,
  ClaimedVsConfirmedQuery,
  type ClaimedVsConfirmedReport,
  type ClaimedVsConfirmedRow,
  type ClaimStatus,
  claimedFigure,
  claimedFigureResources,
  type ItemUnits,
  toBaseQuantity,
} from '@tansiq/core';
import {
  distributionFigures,
  type FigureClaimRow,
  figureClaims,
  pledgeFigures,
  populationFigures,
  shipmentLedger,
  shipmentLines,
} from '../store/claims.ts';
import { itemsByIds } from '../store/ledger.ts';
import type { Ctx } from './context.ts';
import { presentSourceSummary } from './resources/claims.ts';
import { validate } from './validate.ts';

type FigureResource = (typeof claimedFigureResources)[number];

/** The claimed figures this report compares, per resource. */
const figureFields: Record<FigureResource, (field: string) => boolean> = {
  shipments: (field) => field === 'quantity' || /^lines\.\d+\.quantity$/.test(field),
  distributions: (field) => field === 'quantity' || field === 'individuals',
  pledges: (field) => field === 'quantity' || field === 'amount',
  'population-movements': (field) => field === 'individuals' || field === 'households',
};

/** What a record (or the ledger) shows for one figure, in `unit`. */
interface Recorded {
  itemId: string | null;
  unit: string | null;
  kind: 'quantity' | 'currency' | 'count';
  recorded: ClaimedVsConfirmedRow['recorded'];
}

const tidy = (value: number) => Math.round(value * 1e9) / 1e9;
const numberOr = (value: string | number | null | undefined) =>
  value === null || value === undefined ? null : Number(value);

/** Loads the records behind the claimed figures, resource by resource, into one lookup. */
async function recordedFigures(
  ctx: Ctx,
  claims: FigureClaimRow[],
): Promise<{ lookup: (claim: FigureClaimRow) => Recorded | undefined; units: Map<string, ItemUnits> }> {
  const idsOf = (resource: FigureResource) => [
    ...new Set(claims.filter((c) => c.subject_resource === resource).map((c) => c.subject_id)),
  ];
  // One after the other: fine for a pool, and the order reads as the report does.
  const lines = await shipmentLines(ctx.db, idsOf('shipments'));
  const ledger = await shipmentLedger(ctx.db, idsOf('shipments'));
  const distributions = new Map(
    (await distributionFigures(ctx.db, idsOf('distributions'))).map((row) => [row.id, row]),
  );
  const pledges = new Map((await pledgeFigures(ctx.db, idsOf('pledges'))).map((row) => [row.id, row]));
  const movements = new Map(
    (await populationFigures(ctx.db, idsOf('population-movements'))).map((row) => [row.id, row]),
  );
  const itemIds = [
    ...lines.map((l) => l.item_id),
    ...[...distributions.values()].map((d) => d.item_id),
    ...[...pledges.values()].flatMap((p) => (p.item_id ? [p.item_id] : [])),
  ];
  const items = await itemsByIds(ctx.db, itemIds);
  const units = new Map(
    [...items.values()].map((item): [string, ItemUnits] => [
      item.id,
      { baseUnit: item.base_unit, conversions: item.conversions },
    ]),
  );
  const baseUnit = (itemId: string | null) => (itemId ? (units.get(itemId)?.baseUnit ?? null) : null);
  const shipped = (shipmentId: string, itemId: string) =>
    ledger.find((row) => row.shipment_id === shipmentId && row.item_id === itemId);

  const shipment = (claim: FigureClaimRow): Recorded | undefined => {
    const own = lines.filter((line) => line.shipment_id === claim.subject_id);
    if (own.length === 0) return undefined;
    const index = /^lines\.(\d+)\./.exec(claim.field);
    const counted = index ? own.filter((line) => line.line_position === Number(index[1]) + 1) : own;
    const itemIds = new Set(counted.map((line) => line.item_id));
    const itemId = itemIds.size === 1 ? (counted[0]?.item_id ?? null) : null;
    const moved = itemId ? shipped(claim.subject_id, itemId) : undefined;
    return {
      itemId,
      unit: baseUnit(itemId),
      kind: 'quantity',
      recorded: {
        value: itemId ? Number(moved?.received ?? 0) : null,
        basis: 'ledger_received',
        dispatched: itemId ? Number(moved?.dispatched ?? 0) : null,
        planned: itemId ? tidy(counted.reduce((sum, line) => sum + Number(line.planned), 0)) : null,
      },
    };
  };

  const lookup = (claim: FigureClaimRow): Recorded | undefined => {
    switch (claim.subject_resource as FigureResource) {
      case 'shipments':
        return shipment(claim);
      case 'distributions': {
        const row = distributions.get(claim.subject_id);
        if (!row) return undefined;
        if (claim.field === 'quantity') {
          return {
            itemId: row.item_id,
            unit: baseUnit(row.item_id),
            kind: 'quantity',
            recorded: {
              value: Number(row.distributed),
              basis: 'ledger_distributed',
              dispatched: null,
              planned: Number(row.planned),
            },
          };
        }
        return count(row.individuals);
      }
      case 'pledges': {
        const row = pledges.get(claim.subject_id);
        if (!row) return undefined;
        if (claim.field === 'amount') {
          return {
            itemId: null,
            unit: row.currency,
            kind: 'currency',
            recorded: { value: numberOr(row.amount), basis: 'record', dispatched: null, planned: null },
          };
        }
        return {
          itemId: row.item_id,
          unit: baseUnit(row.item_id),
          kind: 'quantity',
          recorded: { value: numberOr(row.base_quantity), basis: 'record', dispatched: null, planned: null },
        };
      }
      case 'population-movements': {
        const row = movements.get(claim.subject_id);
        if (!row) return undefined;
        return count(claim.field === 'households' ? row.households : row.individuals);
      }
      default:
        return undefined;
    }
  };
  return { lookup, units };
}

function count(value: number | null): Recorded {
  return {
    itemId: null,
    unit: null,
    kind: 'count',
    recorded: {
      value: value === null ? null : Number(value),
      basis: 'record',
      dispatched: null,
      planned: null,
    },
  };
}

/** The claimed amount in the row's unit, when the units relate (160 tonnes → 160,000 kg). */
function comparableOf(claim: FigureClaimRow, figure: Recorded, units: Map<string, ItemUnits>): number | null {
  const claimed = claimedFigure(claim.value);
  if (!claimed) return null;
  if (figure.kind === 'count') return claimed.amount;
  if (figure.kind === 'currency') {
    return claimed.unit === null || claimed.unit === figure.unit?.toLowerCase() ? claimed.amount : null;
  }
  const itemUnits = figure.itemId ? units.get(figure.itemId) : undefined;
  if (!itemUnits || claimed.unit === null) return null;
  try {
    return toBaseQuantity(itemUnits, claimed.amount, claimed.unit);
  } catch {
    return null;
  }
}

function claimedView(
  claim: FigureClaimRow,
  figure: Recorded,
  units: Map<string, ItemUnits>,
): ClaimedFigureView {
  const claimed = claimedFigure(claim.value);
  const comparable = comparableOf(claim, figure, units);
  const recorded = figure.recorded.value;
  const names: ClaimedFigureView['claimant']['names'] = {};
  if (claim.claimant_name_ar) names.ar = claim.claimant_name_ar;
  if (claim.claimant_name_en) names.en = claim.claimant_name_en;
  return {
    claimId: claim.id,
    value: claim.value,
    amount: claimed?.amount ?? null,
    unit: claimed?.unit ?? null,
    approximate: claimed?.approximate ?? false,
    comparable,
    difference: comparable !== null && recorded !== null ? tidy(comparable - recorded) : null,
    ratio: comparable !== null && recorded !== null && recorded !== 0 ? tidy(comparable / recorded) : null,
    status: claim.status as ClaimStatus,
    claimant: {
      organizationId: claim.claimant_organization_id,
      personId: claim.claimant_person_id,
      names,
    },
    source: claim.source ? presentSourceSummary(claim.source) : null,
    quote: claim.quote_text,
  };
}

/**
 * Claimed figures beside what the records show: a shipment's claimed quantity against what the
 * ledger shows received (and dispatched), a distribution's against what it distributed, a
 * pledge's or a return figure against the stored one. One row per record and field, with every
 * claim about it (claims that disagree sit side by side), each with its difference and ratio
 * when the units relate.
 */
export async function reportClaimedVsConfirmed(ctx: Ctx, raw: unknown): Promise<ClaimedVsConfirmedReport> {
  const query = validate(ClaimedVsConfirmedQuery, raw);
  const claims = (
    await figureClaims(ctx.db, {
      resources: claimedFigureResources,
      operationId: query.operationId,
      subjectResource: query.subjectResource,
      subjectId: query.subjectId,
      status: query.status,
    })
  ).filter((claim) => figureFields[claim.subject_resource as FigureResource]?.(claim.field) ?? false);
  const { lookup, units } = await recordedFigures(ctx, claims);
  const rows = new Map<string, ClaimedVsConfirmedRow>();
  for (const claim of claims) {
    const figure = lookup(claim);
    // A claim about a record that was deleted has nothing left to compare with.
    if (!figure) continue;
    const key = `${claim.subject_resource}:${claim.subject_id}:${claim.field}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        subject: { resource: claim.subject_resource as FigureResource, id: claim.subject_id },
        field: claim.field,
        itemId: figure.itemId,
        unit: figure.unit,
        recorded: figure.recorded,
        claims: [],
      };
      rows.set(key, row);
    }
    row.claims.push(claimedView(claim, figure, units));
  }
  return { items: [...rows.values()] };
}
