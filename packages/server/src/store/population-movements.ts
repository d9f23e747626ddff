import type { Db } from './db.ts';

export interface ReturnsFilters {
  bucket: 'month' | 'quarter' | 'year';
  /** Drop the method dimension: add figures of different counting methods together. */
  combineMethods: boolean;
  from?: string;
  to?: string;
  populationGroup?: string;
  countingMethod?: string;
  governorateId?: string;
  operationId?: string;
}

export interface ReturnsTotalRow {
  /** True for a governorate's grand total (over groups and periods), false for a report row. */
  is_total: boolean;
  governorate_id: string | null;
  governorate_pcode: string | null;
  name_ar: string | null;
  name_en: string | null;
  population_group: string | null;
  /** First day of the bucket, 'YYYY-MM-DD'; null on totals. */
  bucket: string | null;
  counting_method: string | null;
  counting_methods: string[];
  individuals: number | null;
  households: number | null;
  movements: number;
}

/**
 * Returns by destination governorate × population group × period bucket (× counting method
 * unless combined), and each governorate's grand total (× method unless combined), in one
 * pass with grouping sets. Movements are first summed per destination unit, so the governorate
 * of each unit is looked up once. Sums of a figure no movement gave stay null.
 */
export async function returnsTotals(db: Db, filters: ReturnsFilters): Promise<ReturnsTotalRow[]> {
  const params: unknown[] = [filters.bucket];
  const where = ['t.deleted_at IS NULL'];
  const add = (condition: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(condition.replace('$?', `$${params.length}`));
  };
  add('t.period_start >= $?', filters.from);
  add('t.period_start <= $?', filters.to);
  add('t.population_group = $?', filters.populationGroup);
  add('t.counting_method = $?', filters.countingMethod);
  add('t.operation_id = $?', filters.operationId);
  let governorateCondition = '';
  if (filters.governorateId !== undefined) {
    params.push(filters.governorateId);
    governorateCondition = `WHERE u.governorate = $${params.length}`;
  }
  const method = filters.combineMethods ? '' : ', m.counting_method';
  const governorate = 'g.id, g.pcode, g.name_ar, g.name_en';
  const result = await db.query<ReturnsTotalRow>(
    `WITH m AS (
       SELECT t.destination_admin_unit_id AS unit, t.population_group, t.counting_method,
              date_trunc($1, t.period_start::timestamp)::date AS bucket,
              sum(t.individuals) AS individuals, sum(t.households) AS households, count(*) AS movements
       FROM population_movements t
       WHERE ${where.join(' AND ')}
       GROUP BY 1, 2, 3, 4
     ), u AS (
       SELECT d.unit, governorate_of(d.unit) AS governorate FROM (SELECT DISTINCT unit FROM m) d
     )
     SELECT GROUPING(m.population_group) = 1 AS is_total,
            g.id AS governorate_id, g.pcode AS governorate_pcode, g.name_ar, g.name_en,
            m.population_group, m.bucket::text AS bucket,
            ${filters.combineMethods ? 'NULL::text' : 'm.counting_method'} AS counting_method,
            array_agg(DISTINCT m.counting_method ORDER BY m.counting_method) AS counting_methods,
            sum(m.individuals)::bigint AS individuals, sum(m.households)::bigint AS households,
            sum(m.movements)::bigint AS movements
     FROM m JOIN (SELECT * FROM u ${governorateCondition}) u USING (unit)
     LEFT JOIN admin_units g ON g.id = u.governorate
     GROUP BY GROUPING SETS ((${governorate}, m.population_group, m.bucket${method}), (${governorate}${method}))
     ORDER BY is_total, g.pcode NULLS LAST, m.bucket, m.population_group${method}`,
    params,
  );
  return result.rows;
}

/** The level of a live admin unit, or undefined when there is none with this id. */
export async function adminUnitLevel(db: Db, id: string): Promise<number | undefined> {
  const result = await db.query<{ level: number }>(
    'SELECT level FROM admin_units WHERE id = $1 AND deleted_at IS NULL',
    [id],
  );
  return result.rows[0]?.level;
}
