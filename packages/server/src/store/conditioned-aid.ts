import type { Db } from './db.ts';

/** The conditioned-aid report: one row per live link from aid to a condition of a live agreement. */

export interface ConditionedAidFilters {
  operationId?: string;
  agreementId?: string;
  aidType?: 'pledge' | 'shipment' | 'distribution';
  aidId?: string;
  conditionType?: string;
  state?: string;
  political?: boolean;
}

export interface AidLineJson {
  itemId: string;
  itemNameAr: string | null;
  itemNameEn: string | null;
  quantity: string;
  unit: string;
}

export interface PartyJson {
  organizationId: string;
  role: string;
  nameAr: string | null;
  nameEn: string | null;
}

export interface ConditionedAidDbRow {
  link_id: string;
  scope: string;
  note_ar: string | null;
  note_en: string | null;
  aid_type: 'pledge' | 'shipment' | 'distribution';
  aid_id: string;
  aid_title_ar: string | null;
  aid_title_en: string | null;
  aid_status: string;
  aid_lines: AidLineJson[];
  aid_amount: string | null;
  aid_currency: string | null;
  condition_id: string;
  condition_type: string;
  condition_text_ar: string | null;
  condition_text_en: string | null;
  condition_state: string;
  condition_state_on: string | null;
  agreement_id: string;
  agreement_title_ar: string | null;
  agreement_title_en: string | null;
  agreement_type: string;
  agreement_domains: string[];
  agreement_status: string;
  agreement_instrument_count: number;
  agreement_parties: PartyJson[];
  political: boolean;
}

const line = (item: string, quantity: string, unit: string) =>
  `jsonb_build_object('itemId', ${item}, 'itemNameAr', i.name_ar, 'itemNameEn', i.name_en,
     'quantity', trim_scale(${quantity})::text, 'unit', ${unit})`;

/**
 * Links joined to their condition, agreement (with parties) and the aid they hold back, the aid
 * described by its title and what it carries: a pledge's item or amount, a shipment's lines, a
 * distribution's item. Deleted links, conditions, agreements and aid are left out.
 */
export async function conditionedAid(db: Db, filters: ConditionedAidFilters): Promise<ConditionedAidDbRow[]> {
  const params: unknown[] = [];
  const where = ['l.deleted_at IS NULL', 'c.deleted_at IS NULL', 'a.deleted_at IS NULL'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('$?', `$${params.length}`));
  };
  if (filters.operationId !== undefined) add('l.operation_id = $?', filters.operationId);
  if (filters.agreementId !== undefined) add('a.id = $?', filters.agreementId);
  if (filters.aidType === 'pledge') where.push('l.pledge_id IS NOT NULL');
  if (filters.aidType === 'shipment') where.push('l.shipment_id IS NOT NULL');
  if (filters.aidType === 'distribution') where.push('l.distribution_id IS NOT NULL');
  if (filters.aidId !== undefined)
    add('coalesce(l.pledge_id, l.shipment_id, l.distribution_id) = $?', filters.aidId);
  if (filters.conditionType !== undefined) add('c.type = $?', filters.conditionType);
  if (filters.state !== undefined) add('c.state = $?', filters.state);
  if (filters.political !== undefined) add(`(c.type = 'political') = $?`, filters.political);
  const result = await db.query<ConditionedAidDbRow>(
    `SELECT l.id AS link_id, l.scope, l.note_ar, l.note_en,
       aid.aid_type, aid.aid_id, aid.title_ar AS aid_title_ar, aid.title_en AS aid_title_en,
       aid.status AS aid_status, aid.lines AS aid_lines, trim_scale(aid.amount)::text AS aid_amount,
       aid.currency AS aid_currency,
       c.id AS condition_id, c.type AS condition_type, c.text_ar AS condition_text_ar,
       c.text_en AS condition_text_en, c.state AS condition_state, c.state_on AS condition_state_on,
       a.id AS agreement_id, a.title_ar AS agreement_title_ar, a.title_en AS agreement_title_en,
       a.type AS agreement_type, a.domains AS agreement_domains, a.status AS agreement_status,
       a.instrument_count AS agreement_instrument_count,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('organizationId', p.organization_id, 'role', p.role,
                'nameAr', o.name_ar, 'nameEn', o.name_en) ORDER BY p.position), '[]')
        FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id
        WHERE p.operation_id = a.operation_id AND p.agreement_id = a.id) AS agreement_parties,
       c.type = 'political' AS political
     FROM aid_conditions l
     JOIN agreement_conditions c ON c.operation_id = l.operation_id AND c.id = l.condition_id
     JOIN agreements a ON a.operation_id = c.operation_id AND a.id = c.agreement_id
     CROSS JOIN LATERAL (
       SELECT 'pledge' AS aid_type, p.id AS aid_id, p.title_ar, p.title_en, p.status,
         CASE WHEN p.item_id IS NULL THEN '[]'::jsonb
           ELSE (SELECT jsonb_build_array(${line('p.item_id', 'p.quantity', 'p.unit')}) FROM items i WHERE i.id = p.item_id)
         END AS lines,
         p.amount, p.currency
       FROM pledges p
       WHERE l.pledge_id IS NOT NULL AND p.operation_id = l.operation_id AND p.id = l.pledge_id AND p.deleted_at IS NULL
       UNION ALL
       SELECT 'shipment', s.id, s.title_ar, s.title_en, s.status,
         (SELECT coalesce(jsonb_agg(${line('sl.item_id', 'sl.quantity', 'sl.unit')} ORDER BY sl.position), '[]')
          FROM shipment_lines sl JOIN items i ON i.id = sl.item_id
          WHERE sl.operation_id = s.operation_id AND sl.shipment_id = s.id),
         NULL, NULL
       FROM shipments s
       WHERE l.shipment_id IS NOT NULL AND s.operation_id = l.operation_id AND s.id = l.shipment_id AND s.deleted_at IS NULL
       UNION ALL
       SELECT 'distribution', d.id, d.title_ar, d.title_en, d.status,
         (SELECT jsonb_build_array(${line('d.item_id', 'd.quantity', 'd.unit')}) FROM items i WHERE i.id = d.item_id),
         NULL, NULL
       FROM distributions d
       WHERE l.distribution_id IS NOT NULL AND d.operation_id = l.operation_id AND d.id = l.distribution_id
         AND d.deleted_at IS NULL
     ) aid
     WHERE ${where.join(' AND ')}
     ORDER BY coalesce(a.title_en, a.title_ar), a.id, c.position, aid.aid_type, l.created_at, l.id`,
    params,
  );
  return result.rows;
}
