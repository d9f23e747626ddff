import {
  AppError,
  DistributionInput,
  DistributionListQuery,
  DistributionPatch,
  DistributionView,
  distributionStatuses,
  uuidv7,
} from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import { liveDistributionMovements } from '../../store/aid.ts';
import { siteUnits } from '../../store/ledger.ts';
import { appendLedger } from '../append-ledger.ts';
import { fillBaseQuantities } from '../item-quantities.ts';
import { statusHistoryChildren } from '../record-status-event.ts';
import {
  defined,
  defineResource,
  meta,
  num,
  periodColumns,
  presentPeriod,
  titleColumns,
  titlesOf,
} from '../resource.ts';

const stockFields = ['item_id', 'quantity', 'unit', 'from_site_id'];

/**
 * Distributions to sites or populations. A planned distribution reserves nothing; completing it
 * (a `completed` status event) moves its stock from `fromSiteId` to the beneficiaries, and a
 * completed one can only be undone by reversing that movement.
 */
export const distributions = defineResource({
  resource: 'distribution',
  write: 'records.write',
  path: 'distributions',
  table: {
    table: 'distributions',
    columns: [
      'operation_id',
      'title_ar',
      'title_en',
      'organization_id',
      'item_id',
      'quantity',
      'unit',
      'base_quantity',
      'approximate',
      'from_site_id',
      'shipment_id',
      'place_admin_unit_id',
      'place_site_id',
      'place_text',
      'target_site_types',
      'place_count',
      'period_start',
      'period_end',
      'date_precision',
      'individuals',
      'households',
      'disaggregation',
      'sensitivity',
    ],
    jsonColumns: ['disaggregation'],
    derived: `t.status, aid_political_condition('distribution', t.id) AS political_condition`,
  },
  input: DistributionInput,
  patch: DistributionPatch,
  query: DistributionListQuery,
  view: DistributionView,
  toColumns: (input) =>
    defined({
      operation_id: input.operationId,
      ...titleColumns(input.titles),
      organization_id: input.organizationId,
      item_id: input.itemId,
      quantity: input.quantity,
      unit: input.unit,
      approximate: input.approximate,
      from_site_id: input.fromSiteId,
      shipment_id: input.shipmentId,
      place_admin_unit_id: input.place === undefined ? undefined : (input.place.adminUnitId ?? null),
      place_site_id: input.place === undefined ? undefined : (input.place.siteId ?? null),
      place_text: input.place === undefined ? undefined : (input.place.text ?? null),
      target_site_types: input.targetSiteTypes,
      place_count: input.placeCount,
      ...periodColumns(input.period),
      individuals: input.individuals,
      households: input.households,
      disaggregation: input.disaggregation,
      sensitivity: input.sensitivity,
    }),
  prepare: async (_ctx, tx, rows) => {
    for (const row of rows) {
      if (row.current?.status === 'completed' && stockFields.some((column) => column in row.values)) {
        throw new AppError('distribution.already_completed', { id: row.current.id });
      }
    }
    await fillBaseQuantities(tx, rows);
  },
  present: (row, extra) => ({
    ...meta(row),
    operationId: String(row.operation_id),
    titles: titlesOf(row),
    organizationId: (row.organization_id as string | null) ?? null,
    itemId: String(row.item_id),
    quantity: Number(row.quantity),
    unit: String(row.unit),
    baseQuantity: Number(row.base_quantity),
    approximate: row.approximate === true,
    fromSiteId: (row.from_site_id as string | null) ?? null,
    shipmentId: (row.shipment_id as string | null) ?? null,
    place: {
      adminUnitId: (row.place_admin_unit_id as string | null) ?? null,
      siteId: (row.place_site_id as string | null) ?? null,
      text: (row.place_text as string | null) ?? null,
    },
    targetSiteTypes: (row.target_site_types as string[]) ?? [],
    placeCount: num(row.place_count),
    status: row.status as DistributionView['status'],
    statusHistory: (extra as { history?: DistributionView['statusHistory'] } | undefined)?.history ?? [],
    period: presentPeriod(row),
    individuals: num(row.individuals),
    households: num(row.households),
    disaggregation: (row.disaggregation as DistributionView['disaggregation']) ?? null,
    sensitivity: row.sensitivity as DistributionView['sensitivity'],
    conditionedOnPoliticalAgreement: row.political_condition === true,
  }),
  children: statusHistoryChildren,
  statuses: {
    values: distributionStatuses,
    onEvent: async (ctx, tx, row, event) => {
      const live = await liveDistributionMovements(tx, [row.id]);
      if (event.status !== 'completed') {
        if (live.has(row.id)) throw new AppError('distribution.completed_cannot_cancel', { id: row.id });
        return;
      }
      if (live.has(row.id)) throw new AppError('distribution.already_completed', { id: row.id });
      const fromSite = row.from_site_id as string | null;
      if (!fromSite) throw new AppError('distribution.no_source_site', { id: row.id });
      const siteUnit = (await siteUnits(tx, [fromSite])).get(fromSite) ?? null;
      await appendLedger(tx, [
        {
          operation_id: String(row.operation_id),
          id: uuidv7(ctx.now().getTime()),
          type: 'distribution',
          item_id: String(row.item_id),
          quantity: Number(row.base_quantity),
          entered_quantity: Number(row.quantity),
          entered_unit: String(row.unit),
          from_kind: 'site',
          from_ref: fromSite,
          to_kind: 'beneficiaries',
          to_ref: null,
          occurred_at: event.occurredOn,
          place_admin_unit_id: (row.place_admin_unit_id as string | null) ?? siteUnit,
          organization_id: (row.organization_id as string | null) ?? null,
          reason: null,
          reverses_id: null,
          shipment_id: (row.shipment_id as string | null) ?? null,
          distribution_id: row.id,
        },
      ]);
    },
  },
  searchText: (row) => searchTerms(row.title_ar as string, row.title_en as string, row.place_text as string),
  references: [
    { field: 'operationId', column: 'operation_id', table: 'operations', resource: 'operation' },
    { field: 'organizationId', column: 'organization_id', table: 'organizations', resource: 'organization' },
    { field: 'itemId', column: 'item_id', table: 'items', resource: 'item' },
    { field: 'fromSiteId', column: 'from_site_id', table: 'sites', resource: 'site' },
    { field: 'shipmentId', column: 'shipment_id', table: 'shipments', resource: 'shipment' },
    {
      field: 'place.adminUnitId',
      column: 'place_admin_unit_id',
      table: 'admin_units',
      resource: 'admin-unit',
    },
    { field: 'place.siteId', column: 'place_site_id', table: 'sites', resource: 'site' },
  ],
  uniques: { distributions_pkey: 'id' },
  filters: {
    operationId: 'operation_id',
    status: 'status',
    itemId: 'item_id',
    organizationId: 'organization_id',
    placeAdminUnitId: 'admin_unit_within(t.place_admin_unit_id, $?)',
    conditionedOnPoliticalAgreement: `aid_political_condition('distribution', t.id)`,
  },
  sorts: { createdAt: 'created_at', updatedAt: 'updated_at', periodStart: 'period_start' },
  defaultSort: 'createdAt',
});
