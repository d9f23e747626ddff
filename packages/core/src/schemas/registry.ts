import { z } from 'zod';
import { standardUnits } from '../units.ts';
import {
  CountryCode,
  IsoDate,
  ListQuery,
  LocalizedText,
  Point,
  patchOf,
  RecordMeta,
  Sensitivity,
  Uuid,
} from './common.ts';

// Operations: the country-level container that large tables (ledger, claims) are sharded by.
export const operationStatuses = ['active', 'closed'] as const;
export const OperationInput = z
  .object({
    id: Uuid.optional(),
    code: z
      .string()
      .trim()
      .min(2)
      .max(32)
      .regex(/^[A-Za-z0-9_-]+$/),
    names: LocalizedText,
    country: CountryCode.nullable().optional(),
    status: z.enum(operationStatuses).default('active'),
  })
  .strict();
export type OperationInput = z.infer<typeof OperationInput>;
export const OperationPatch = patchOf(OperationInput.omit({ id: true }));
export type OperationPatch = z.infer<typeof OperationPatch>;
export const OperationView = RecordMeta.extend({
  code: z.string(),
  names: LocalizedText,
  country: z.string().nullable(),
  status: z.enum(operationStatuses),
});
export type OperationView = z.infer<typeof OperationView>;
export const OperationListQuery = ListQuery.extend({ status: z.enum(operationStatuses).optional() });
export type OperationListQuery = z.infer<typeof OperationListQuery>;

// Organizations: what they are. Roles such as donor or convener belong to links, not here.
export const organizationKinds = [
  'government',
  'un_agency',
  'red_cross_red_crescent',
  'international_ngo',
  'national_ngo',
  'donor_government',
  'military',
  'media',
  'private',
  'other',
] as const;
export const OrganizationKind = z.enum(organizationKinds);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const OrganizationInput = z
  .object({
    id: Uuid.optional(),
    names: LocalizedText,
    acronym: z.string().trim().min(1).max(32).nullable().optional(),
    kind: OrganizationKind,
    country: CountryCode.nullable().optional(),
    parentId: Uuid.nullable().optional(),
    externalIds: z.record(z.string().min(1).max(64), z.string().min(1).max(200)).optional(),
    sensitivity: Sensitivity.default('public'),
  })
  .strict();
export type OrganizationInput = z.infer<typeof OrganizationInput>;
export const OrganizationPatch = patchOf(OrganizationInput.omit({ id: true }));
export type OrganizationPatch = z.infer<typeof OrganizationPatch>;
export const OrganizationView = RecordMeta.extend({
  names: LocalizedText,
  acronym: z.string().nullable(),
  kind: OrganizationKind,
  country: z.string().nullable(),
  parentId: z.string().nullable(),
  externalIds: z.record(z.string(), z.string()),
  sensitivity: Sensitivity,
});
export type OrganizationView = z.infer<typeof OrganizationView>;
export const OrganizationListQuery = ListQuery.extend({
  kind: OrganizationKind.optional(),
  country: CountryCode.optional(),
  parentId: Uuid.optional(),
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;

// Admin units: OCHA p-codes. Level 0 is a country (ISO alpha-2), 1 governorate, 2 district, 3 sub-district.
export const Pcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}[0-9]{0,12}$/, { message: 'pcode.format' });
export const AdminLevel = z.number().int().min(0).max(3);
export const AdminUnitInput = z
  .object({
    id: Uuid.optional(),
    pcode: Pcode,
    level: AdminLevel,
    parentPcode: Pcode.nullable().optional(),
    names: LocalizedText,
    validFrom: IsoDate.nullable().optional(),
    validTo: IsoDate.nullable().optional(),
    centre: Point.nullable().optional(),
  })
  .strict();
export type AdminUnitInput = z.infer<typeof AdminUnitInput>;
export const AdminUnitPatch = patchOf(AdminUnitInput.omit({ id: true, pcode: true }));
export type AdminUnitPatch = z.infer<typeof AdminUnitPatch>;
export const AdminUnitView = RecordMeta.extend({
  pcode: z.string(),
  level: z.number().int(),
  parentId: z.string().nullable(),
  parentPcode: z.string().nullable(),
  names: LocalizedText,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  centre: Point.nullable(),
  hasBoundary: z.boolean(),
});
export type AdminUnitView = z.infer<typeof AdminUnitView>;
export const AdminUnitListQuery = ListQuery.extend({
  level: z.coerce.number().int().min(0).max(3).optional(),
  parentPcode: Pcode.optional(),
  pcode: Pcode.optional(),
});
export type AdminUnitListQuery = z.infer<typeof AdminUnitListQuery>;

// Sites: camps, health and education facilities, warehouses, crossings.
export const siteTypes = [
  'refugee_camp',
  'idp_camp',
  'collective_shelter',
  'informal_settlement',
  'health_facility',
  'school',
  'warehouse',
  'border_crossing',
  'office',
  'other',
] as const;
export const SiteType = z.enum(siteTypes);
export const siteStatuses = ['planned', 'active', 'inactive', 'closed'] as const;
export const SiteInput = z
  .object({
    id: Uuid.optional(),
    names: LocalizedText,
    type: SiteType,
    adminUnitId: Uuid.nullable().optional(),
    location: Point.nullable().optional(),
    operatorId: Uuid.nullable().optional(),
    status: z.enum(siteStatuses).default('active'),
    sensitivity: Sensitivity.default('public'),
  })
  .strict();
export type SiteInput = z.infer<typeof SiteInput>;
export const SitePatch = patchOf(SiteInput.omit({ id: true }));
export type SitePatch = z.infer<typeof SitePatch>;
export const SiteView = RecordMeta.extend({
  names: LocalizedText,
  type: SiteType,
  adminUnitId: z.string().nullable(),
  location: Point.nullable(),
  operatorId: z.string().nullable(),
  status: z.enum(siteStatuses),
  sensitivity: Sensitivity,
});
export type SiteView = z.infer<typeof SiteView>;
export const SiteListQuery = ListQuery.extend({
  type: SiteType.optional(),
  adminUnitId: Uuid.optional(),
  operatorId: Uuid.optional(),
  status: z.enum(siteStatuses).optional(),
});
export type SiteListQuery = z.infer<typeof SiteListQuery>;

// Items and units.
export const itemCategories = [
  'food',
  'health',
  'vaccine',
  'nfi',
  'shelter',
  'wash',
  'education',
  'equipment',
  'cash',
  'other',
] as const;
/** The IASC global clusters (plus early recovery and coordination as OCHA lists them). */
export const sectors = [
  'food_security',
  'health',
  'nutrition',
  'shelter',
  'camp_coordination',
  'wash',
  'education',
  'protection',
  'logistics',
  'emergency_telecommunications',
  'early_recovery',
  'coordination',
  'multi_sector',
] as const;
export const unitKinds = ['count', 'mass', 'volume'] as const;
export const UnitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof UnitKind>;
export const UnitCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{0,31}$/);
export const UnitConversion = z
  .object({ unit: UnitCode, factor: z.number().positive().finite() })
  .strict()
  .describe('One `unit` equals `factor` base units.');
export type UnitConversion = z.infer<typeof UnitConversion>;
const ItemFields = z
  .object({
    id: Uuid.optional(),
    code: z.string().trim().min(1).max(64).nullable().optional(),
    names: LocalizedText,
    category: z.enum(itemCategories),
    sector: z.enum(sectors),
    baseUnit: UnitCode,
    unitKind: UnitKind,
    conversions: z.array(UnitConversion).max(50).default([]),
  })
  .strict();
export const ItemInput = ItemFields.superRefine((item, ctx) => {
  // A base unit that is a standard unit must be of the item's unit kind (kg is mass, not count).
  const kind = standardUnits[item.baseUnit]?.kind;
  if (kind && kind !== item.unitKind) {
    ctx.addIssue({ code: 'custom', path: ['unitKind'], message: 'unit.kind_mismatch' });
  }
  if (item.conversions.some((c) => c.unit === item.baseUnit)) {
    ctx.addIssue({ code: 'custom', path: ['conversions'], message: 'unit.conversion_of_base' });
  }
});
export type ItemInput = z.infer<typeof ItemInput>;
export const ItemPatch = patchOf(ItemFields.omit({ id: true }));
export type ItemPatch = z.infer<typeof ItemPatch>;
export const ItemView = RecordMeta.extend({
  code: z.string().nullable(),
  names: LocalizedText,
  category: z.enum(itemCategories),
  sector: z.enum(sectors),
  baseUnit: z.string(),
  unitKind: UnitKind,
  conversions: z.array(UnitConversion),
});
export type ItemView = z.infer<typeof ItemView>;
export const ItemListQuery = ListQuery.extend({
  category: z.enum(itemCategories).optional(),
  sector: z.enum(sectors).optional(),
});
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const ChangesQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;
export const ChangeView = z.object({
  resource: z.string(),
  id: z.string(),
  op: z.enum(['upsert', 'delete']),
  at: z.string(),
});
export type ChangeView = z.infer<typeof ChangeView>;
export const ChangesPage = z.object({ items: z.array(ChangeView), nextCursor: z.string() });

export const BoundariesQuery = z.object({ level: z.coerce.number().int().min(0).max(3).default(1) }).strict();
export type BoundariesQuery = z.infer<typeof BoundariesQuery>;

/** Admin-unit boundaries as GeoJSON (coordinates rounded for drawing). */
export const Boundaries = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        pcode: z.string(),
        names: z.object({ ar: z.string().optional(), en: z.string().optional() }),
      }),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
    }),
  ),
});
export type Boundaries = z.infer<typeof Boundaries>;
