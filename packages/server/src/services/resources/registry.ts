import {
  AdminUnitInput,
  AdminUnitListQuery,
  AdminUnitPatch,
  AdminUnitView,
  ItemInput,
  ItemListQuery,
  ItemPatch,
  ItemView,
  OperationInput,
  OperationListQuery,
  OperationPatch,
  OperationView,
  OrganizationInput,
  OrganizationListQuery,
  OrganizationPatch,
  OrganizationView,
  SiteInput,
  SiteListQuery,
  SitePatch,
  SiteView,
} from '@tansiq/core';
import { adminUnitSearchTerms } from '@tansiq/core/gazetteer/search-terms';
import { searchTerms } from '@tansiq/core/text/arabic';
import { adminUnitColumns } from '../../store/admin-units.ts';
import { defined, defineResource, meta, nameColumns, namesOf, point, type Resource } from '../resource.ts';

const nameSorts = {
  name: 'coalesce(name_en, name_ar)',
  nameAr: 'coalesce(name_ar, name_en)',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export const operations = defineResource({
  resource: 'operation',
  path: 'operations',
  table: { table: 'operations', columns: ['code', 'name_ar', 'name_en', 'country', 'status'] },
  input: OperationInput,
  patch: OperationPatch,
  query: OperationListQuery,
  view: OperationView,
  toColumns: (input) =>
    defined({ code: input.code, ...nameColumns(input.names), country: input.country, status: input.status }),
  present: (row) => ({
    ...meta(row),
    code: String(row.code),
    names: namesOf(row),
    country: (row.country as string | null) ?? null,
    status: row.status as OperationView['status'],
  }),
  searchText: (row) => searchTerms(row.name_ar as string, row.name_en as string, row.code as string),
  references: [],
  uniques: { operations_code_key: 'code', operations_pkey: 'id' },
  filters: { status: 'status' },
  sorts: { ...nameSorts, code: 'code' },
  defaultSort: 'code',
});

export const organizations = defineResource({
  resource: 'organization',
  path: 'organizations',
  publicRead: true,
  table: {
    table: 'organizations',
    columns: ['name_ar', 'name_en', 'acronym', 'kind', 'country', 'parent_id', 'external_ids', 'sensitivity'],
    jsonColumns: ['external_ids'],
  },
  input: OrganizationInput,
  patch: OrganizationPatch,
  query: OrganizationListQuery,
  view: OrganizationView,
  toColumns: (input) =>
    defined({
      ...nameColumns(input.names),
      acronym: input.acronym,
      kind: input.kind,
      country: input.country,
      parent_id: input.parentId,
      external_ids: input.externalIds,
      sensitivity: input.sensitivity,
    }),
  present: (row) => ({
    ...meta(row),
    names: namesOf(row),
    acronym: (row.acronym as string | null) ?? null,
    kind: row.kind as OrganizationView['kind'],
    country: (row.country as string | null) ?? null,
    parentId: (row.parent_id as string | null) ?? null,
    externalIds: (row.external_ids as Record<string, string>) ?? {},
    sensitivity: row.sensitivity as OrganizationView['sensitivity'],
  }),
  searchText: (row) => searchTerms(row.name_ar as string, row.name_en as string, row.acronym as string),
  references: [{ field: 'parentId', column: 'parent_id', table: 'organizations', resource: 'organization' }],
  uniques: { organizations_pkey: 'id' },
  filters: { kind: 'kind', country: 'country', parentId: 'parent_id' },
  sorts: { ...nameSorts, acronym: 'acronym', kind: 'kind' },
  defaultSort: 'name',
});

export const adminUnits = defineResource({
  resource: 'admin-unit',
  path: 'admin-units',
  publicRead: true,
  table: {
    table: 'admin_units',
    columns: adminUnitColumns,
    derived:
      '(SELECT p.pcode FROM admin_units p WHERE p.id = t.parent_id) AS parent_pcode, t.boundary IS NOT NULL AS has_boundary',
  },
  input: AdminUnitInput,
  patch: AdminUnitPatch,
  query: AdminUnitListQuery,
  view: AdminUnitView,
  toColumns: (input) =>
    defined({
      pcode: input.pcode,
      level: input.level,
      // parentPcode is resolved to parent_id by the reference check (byColumn).
      parent_id: input.parentPcode,
      ...nameColumns(input.names),
      valid_from: input.validFrom,
      valid_to: input.validTo,
      centre_lat: input.centre === undefined ? undefined : (input.centre?.lat ?? null),
      centre_lon: input.centre === undefined ? undefined : (input.centre?.lon ?? null),
    }),
  present: (row) => ({
    ...meta(row),
    pcode: String(row.pcode),
    level: Number(row.level),
    parentId: (row.parent_id as string | null) ?? null,
    parentPcode: (row.parent_pcode as string | null) ?? null,
    names: namesOf(row),
    validFrom: (row.valid_from as string | null) ?? null,
    validTo: (row.valid_to as string | null) ?? null,
    centre: point(row.centre_lat, row.centre_lon),
    hasBoundary: row.has_boundary === true,
  }),
  searchText: (row) => adminUnitSearchTerms(String(row.pcode), row.name_ar as string, row.name_en as string),
  references: [
    {
      field: 'parentPcode',
      column: 'parent_id',
      table: 'admin_units',
      resource: 'admin-unit',
      byColumn: 'pcode',
    },
  ],
  uniques: { admin_units_pcode_key: 'pcode', admin_units_pkey: 'id' },
  filters: {
    level: 'level',
    pcode: 'pcode',
    parentPcode: '(SELECT p.pcode FROM admin_units p WHERE p.id = t.parent_id)',
  },
  sorts: { ...nameSorts, pcode: 'pcode', level: 'level' },
  defaultSort: 'pcode',
});

export const sites = defineResource({
  resource: 'site',
  path: 'sites',
  publicRead: true,
  table: {
    table: 'sites',
    columns: [
      'name_ar',
      'name_en',
      'type',
      'admin_unit_id',
      'lat',
      'lon',
      'operator_id',
      'status',
      'sensitivity',
    ],
  },
  input: SiteInput,
  patch: SitePatch,
  query: SiteListQuery,
  view: SiteView,
  toColumns: (input) =>
    defined({
      ...nameColumns(input.names),
      type: input.type,
      admin_unit_id: input.adminUnitId,
      lat: input.location === undefined ? undefined : (input.location?.lat ?? null),
      lon: input.location === undefined ? undefined : (input.location?.lon ?? null),
      operator_id: input.operatorId,
      status: input.status,
      sensitivity: input.sensitivity,
    }),
  present: (row) => ({
    ...meta(row),
    names: namesOf(row),
    type: row.type as SiteView['type'],
    adminUnitId: (row.admin_unit_id as string | null) ?? null,
    location: point(row.lat, row.lon),
    operatorId: (row.operator_id as string | null) ?? null,
    status: row.status as SiteView['status'],
    sensitivity: row.sensitivity as SiteView['sensitivity'],
  }),
  searchText: (row) => searchTerms(row.name_ar as string, row.name_en as string),
  references: [
    { field: 'adminUnitId', column: 'admin_unit_id', table: 'admin_units', resource: 'admin-unit' },
    { field: 'operatorId', column: 'operator_id', table: 'organizations', resource: 'organization' },
  ],
  uniques: { sites_pkey: 'id' },
  filters: { type: 'type', adminUnitId: 'admin_unit_id', operatorId: 'operator_id', status: 'status' },
  sorts: { ...nameSorts, type: 'type', status: 'status' },
  defaultSort: 'name',
});

export const items = defineResource({
  resource: 'item',
  path: 'items',
  publicRead: true,
  table: {
    table: 'items',
    columns: ['code', 'name_ar', 'name_en', 'category', 'sector', 'base_unit', 'unit_kind', 'conversions'],
    jsonColumns: ['conversions'],
  },
  input: ItemInput,
  patch: ItemPatch,
  query: ItemListQuery,
  view: ItemView,
  toColumns: (input) =>
    defined({
      code: input.code,
      ...nameColumns(input.names),
      category: input.category,
      sector: input.sector,
      base_unit: input.baseUnit,
      unit_kind: input.unitKind,
      conversions: input.conversions,
    }),
  present: (row) => ({
    ...meta(row),
    code: (row.code as string | null) ?? null,
    names: namesOf(row),
    category: row.category as ItemView['category'],
    sector: row.sector as ItemView['sector'],
    baseUnit: String(row.base_unit),
    unitKind: row.unit_kind as ItemView['unitKind'],
    conversions: (row.conversions as ItemView['conversions']) ?? [],
  }),
  searchText: (row) => searchTerms(row.name_ar as string, row.name_en as string, row.code as string),
  references: [],
  uniques: { items_code_key: 'code', items_pkey: 'id' },
  filters: { category: 'category', sector: 'sector' },
  sorts: { ...nameSorts, code: 'code', category: 'category' },
  defaultSort: 'name',
});

export const registryResources: Resource[] = [
  operations,
  organizations,
  adminUnits,
  sites,
  items,
] as Resource[];
