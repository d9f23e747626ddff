import {
  type LocalizedText,
  PopulationMovementInput,
  PopulationMovementListQuery,
  PopulationMovementPatch,
  PopulationMovementView,
} from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import type { ColumnValues, Row } from '../../store/registry.ts';
import { defined, defineResource, meta } from '../resource.ts';

type View = PopulationMovementView;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function notesOf(row: Row): LocalizedText {
  const notes: LocalizedText = {};
  if (typeof row.note_ar === 'string') notes.ar = row.note_ar;
  if (typeof row.note_en === 'string') notes.en = row.note_en;
  return notes;
}

/** Input groups that are written whole: the origin, the destination, the period and the notes. */
function groupColumns(input: Partial<PopulationMovementInput>): ColumnValues {
  const columns: ColumnValues = {};
  if (input.originCountry !== undefined || input.originAdminUnitId !== undefined) {
    // The origin is one of the two: naming one clears the other. The country's p-code is turned
    // into the id of its level-0 unit by the reference check (byColumn).
    columns.origin_country_id = input.originCountry ?? null;
    columns.origin_admin_unit_id = input.originAdminUnitId ?? null;
  }
  if (input.destination !== undefined) {
    columns.destination_admin_unit_id = input.destination.adminUnitId;
    columns.destination_site_id = input.destination.siteId ?? null;
    columns.destination_text = input.destination.text ?? null;
  }
  if (input.period !== undefined) {
    columns.period_start = input.period.start;
    columns.period_end = input.period.end ?? null;
    columns.period_precision = input.period.precision;
  }
  if (input.notes !== undefined) {
    columns.note_ar = input.notes?.ar ?? null;
    columns.note_en = input.notes?.en ?? null;
  }
  return columns;
}

export const populationMovements = defineResource({
  resource: 'population-movement',
  write: 'records.write',
  path: 'population-movements',
  table: {
    table: 'population_movements',
    columns: [
      'operation_id',
      'origin_country_id',
      'origin_admin_unit_id',
      'origin_text',
      'destination_admin_unit_id',
      'destination_site_id',
      'destination_text',
      'population_group',
      'period_start',
      'period_end',
      'period_precision',
      'individuals',
      'households',
      'disaggregation',
      'movement_type',
      'counting_method',
      'reporting_organization_id',
      'note_ar',
      'note_en',
      'sensitivity',
    ],
    jsonColumns: ['disaggregation'],
    derived: '(SELECT c.pcode FROM admin_units c WHERE c.id = t.origin_country_id) AS origin_country',
  },
  input: PopulationMovementInput,
  patch: PopulationMovementPatch,
  query: PopulationMovementListQuery,
  view: PopulationMovementView,
  toColumns: (input) =>
    defined({
      operation_id: input.operationId,
      ...groupColumns(input),
      origin_text: input.originText,
      population_group: input.populationGroup,
      individuals: input.individuals,
      households: input.households,
      disaggregation: input.disaggregation,
      movement_type: input.movementType,
      counting_method: input.countingMethod,
      reporting_organization_id: input.reportingOrganizationId,
      sensitivity: input.sensitivity,
    }),
  present: (row): View => ({
    ...meta(row),
    operationId: String(row.operation_id),
    originCountry: text(row.origin_country),
    originAdminUnitId: text(row.origin_admin_unit_id),
    originText: text(row.origin_text),
    destination: {
      adminUnitId: String(row.destination_admin_unit_id),
      siteId: text(row.destination_site_id),
      text: text(row.destination_text),
    },
    populationGroup: row.population_group as View['populationGroup'],
    period: {
      start: String(row.period_start),
      end: text(row.period_end),
      precision: row.period_precision as View['period']['precision'],
    },
    individuals: (row.individuals as number | null) ?? null,
    households: (row.households as number | null) ?? null,
    disaggregation: (row.disaggregation as View['disaggregation']) ?? null,
    movementType: row.movement_type as View['movementType'],
    countingMethod: row.counting_method as View['countingMethod'],
    reportingOrganizationId: String(row.reporting_organization_id),
    sensitivity: row.sensitivity as View['sensitivity'],
    notes: notesOf(row),
  }),
  searchText: (row) =>
    searchTerms(
      text(row.origin_text),
      text(row.destination_text),
      text(row.note_ar),
      text(row.note_en),
      text(row.population_group),
    ),
  references: [
    { field: 'operationId', column: 'operation_id', table: 'operations', resource: 'operation' },
    {
      field: 'originCountry',
      column: 'origin_country_id',
      table: 'admin_units',
      resource: 'admin-unit',
      byColumn: 'pcode',
    },
    {
      field: 'originAdminUnitId',
      column: 'origin_admin_unit_id',
      table: 'admin_units',
      resource: 'admin-unit',
    },
    {
      field: 'destination.adminUnitId',
      column: 'destination_admin_unit_id',
      table: 'admin_units',
      resource: 'admin-unit',
    },
    { field: 'destination.siteId', column: 'destination_site_id', table: 'sites', resource: 'site' },
    {
      field: 'reportingOrganizationId',
      column: 'reporting_organization_id',
      table: 'organizations',
      resource: 'organization',
    },
  ],
  uniques: { population_movements_pkey: 'id' },
  filters: {
    operationId: 'operation_id',
    populationGroup: 'population_group',
    countingMethod: 'counting_method',
    movementType: 'movement_type',
    originCountry: '(SELECT c.pcode FROM admin_units c WHERE c.id = t.origin_country_id)',
    destinationAdminUnitId: 'destination_admin_unit_id',
    governorate: 'governorate_of(t.destination_admin_unit_id) = $?',
    reportingOrganizationId: 'reporting_organization_id',
    from: 't.period_start >= $?',
    to: 't.period_start <= $?',
  },
  sorts: {
    period: 'period_start',
    individuals: 'individuals',
    households: 'households',
    populationGroup: 'population_group',
    countingMethod: 'counting_method',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  defaultSort: 'period',
});
