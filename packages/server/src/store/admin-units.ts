import type { Db } from './db.ts';
import type { TableSpec } from './registry.ts';

export interface AdminUnitRecord {
  id: string;
  pcode: string;
  level: number;
  parent_pcode: string | null;
  name_ar: string | null;
  name_en: string | null;
  valid_from: string | null;
  valid_to: string | null;
  centre_lat: number | null;
  centre_lon: number | null;
  boundary: unknown;
}

/** The gazetteer as an importer compares against it: every live unit, boundaries included. */
export async function loadAdminUnits(db: Db): Promise<AdminUnitRecord[]> {
  const result = await db.query<AdminUnitRecord>(
    `SELECT t.id, t.pcode, t.level, p.pcode AS parent_pcode, t.name_ar, t.name_en, t.valid_from, t.valid_to,
            t.centre_lat, t.centre_lon, t.boundary
     FROM admin_units t LEFT JOIN admin_units p ON p.id = t.parent_id
     WHERE t.deleted_at IS NULL`,
  );
  return result.rows;
}

/** The columns the admin-units API writes. */
export const adminUnitColumns = [
  'pcode',
  'level',
  'parent_id',
  'name_ar',
  'name_en',
  'valid_from',
  'valid_to',
  'centre_lat',
  'centre_lon',
] as const;

/** The admin-unit columns a gazetteer import may write: the API's, and the boundary. */
export const gazetteerTable: TableSpec = {
  table: 'admin_units',
  columns: [...adminUnitColumns, 'boundary'],
  jsonColumns: ['boundary'],
};
