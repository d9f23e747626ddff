import { createHash } from 'node:crypto';
import { builtinGazetteer } from '@tansiq/core/gazetteer/builtin';
import { adminUnitSearchTerms } from '@tansiq/core/gazetteer/search-terms';
import type pg from 'pg';

/**
 * A stable id for a record known by a natural key, so that the built-in gazetteer has the same
 * ids in every database (copies can sync, demo data can refer to them). UUID version 8 layout.
 */
export function stableId(namespace: string, key: string): string {
  const hex = createHash('sha256').update(`tansiq:${namespace}:${key}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Inserts the built-in gazetteer where it is missing. Existing rows, edited or soft-deleted,
 * are left as they are: the user's word wins over ours.
 */
export async function seedBuiltins(db: pg.PoolClient): Promise<number> {
  const entries = builtinGazetteer;
  // A parent's id is the existing row's when there is one, else the stable id it is inserted
  // with in this same statement (rows of one statement cannot see each other).
  const result = await db.query(
    `INSERT INTO admin_units (id, pcode, level, parent_id, name_ar, name_en, valid_from, centre_lat, centre_lon,
                              search_terms)
     SELECT e.id, e.pcode, e.level,
            CASE WHEN e.parent_pcode IS NOT NULL
                 THEN coalesce((SELECT p.id FROM admin_units p WHERE p.pcode = e.parent_pcode), e.parent_id) END,
            e.name_ar, e.name_en, e.valid_from, e.lat, e.lon, e.search_terms
     FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                 $8::date[], $9::float8[], $10::float8[], $11::text[])
          AS e(id, pcode, level, parent_pcode, parent_id, name_ar, name_en, valid_from, lat, lon, search_terms)
     ON CONFLICT (pcode) DO NOTHING`,
    [
      entries.map((e) => stableId('admin-unit', e.pcode)),
      entries.map((e) => e.pcode),
      entries.map((e) => e.level),
      entries.map((e) => e.parentPcode),
      entries.map((e) => (e.parentPcode ? stableId('admin-unit', e.parentPcode) : null)),
      entries.map((e) => e.names.ar),
      entries.map((e) => e.names.en),
      entries.map((e) => e.validFrom ?? null),
      entries.map((e) => e.centre?.lat ?? null),
      entries.map((e) => e.centre?.lon ?? null),
      entries.map((e) => adminUnitSearchTerms(e.pcode, e.names.ar, e.names.en)),
    ],
  );
  return result.rowCount ?? 0;
}
