import type { Db } from './db.ts';

/** SQL of agreements' child rows (parties, conditions) and of the conditional links from aid. */

export interface PartyRow {
  agreement_id: string;
  organization_id: string;
  role: string;
  name_ar: string | null;
  name_en: string | null;
}

export interface ConditionRow {
  id: string;
  agreement_id: string;
  type: string;
  text_ar: string | null;
  text_en: string | null;
  state: string;
  state_on: string | null;
  linked_aid: number;
}

function group<T extends { agreement_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const byAgreement = new Map<string, T[]>();
  for (const row of rows)
    byAgreement.set(row.agreement_id, [...(byAgreement.get(row.agreement_id) ?? []), row]);
  return byAgreement;
}

/** Parties of many agreements with their organizations' names, in the order they were listed. */
export async function partiesOf(db: Db, agreementIds: readonly string[]): Promise<Map<string, PartyRow[]>> {
  const result = await db.query<PartyRow>(
    `SELECT p.agreement_id, p.organization_id, p.role, o.name_ar, o.name_en
     FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id
     WHERE p.agreement_id = ANY($1::uuid[]) ORDER BY p.agreement_id, p.position`,
    [agreementIds],
  );
  return group(result.rows);
}

/** Live conditions of many agreements, with how many live links from aid each has. */
export async function conditionsOf(
  db: Db,
  agreementIds: readonly string[],
): Promise<Map<string, ConditionRow[]>> {
  const result = await db.query<ConditionRow>(
    `SELECT c.id, c.agreement_id, c.type, c.text_ar, c.text_en, c.state, c.state_on,
       (SELECT count(*) FROM aid_conditions l
        WHERE l.operation_id = c.operation_id AND l.condition_id = c.id AND l.deleted_at IS NULL)::int AS linked_aid
     FROM agreement_conditions c
     WHERE c.agreement_id = ANY($1::uuid[]) AND c.deleted_at IS NULL
     ORDER BY c.agreement_id, c.position`,
    [agreementIds],
  );
  return group(result.rows);
}

export interface NewParty {
  organizationId: string;
  role: string;
}

/** Replaces an agreement's parties wholesale. */
export async function replaceParties(
  db: Db,
  operationId: string,
  agreementId: string,
  parties: readonly NewParty[],
): Promise<void> {
  await db.query('DELETE FROM agreement_parties WHERE operation_id = $1 AND agreement_id = $2', [
    operationId,
    agreementId,
  ]);
  if (parties.length === 0) return;
  await db.query(
    `INSERT INTO agreement_parties (operation_id, agreement_id, position, organization_id, role)
     SELECT $1, $2, position::int, organization_id, role
     FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS p (organization_id, role, position)`,
    [operationId, agreementId, parties.map((p) => p.organizationId), parties.map((p) => p.role)],
  );
}

export interface NewCondition {
  id: string;
  type: string;
  textAr: string | null;
  textEn: string | null;
  state: string;
  stateOn: string | null;
}

/**
 * Live links from aid to conditions of this agreement that are not among `keep`, per
 * condition: what removing them would leave dangling.
 */
export async function linkedConditionsOutside(
  db: Db,
  operationId: string,
  agreementId: string,
  keep: readonly string[],
): Promise<{ id: string; text_ar: string | null; text_en: string | null; links: number }[]> {
  const result = await db.query<{
    id: string;
    text_ar: string | null;
    text_en: string | null;
    links: number;
  }>(
    `SELECT c.id, c.text_ar, c.text_en, count(*)::int AS links
     FROM agreement_conditions c
     JOIN aid_conditions l ON l.operation_id = c.operation_id AND l.condition_id = c.id AND l.deleted_at IS NULL
     WHERE c.operation_id = $1 AND c.agreement_id = $2 AND c.deleted_at IS NULL AND NOT (c.id = ANY($3::uuid[]))
     GROUP BY c.operation_id, c.id ORDER BY c.position`,
    [operationId, agreementId, keep],
  );
  return result.rows;
}

/**
 * Makes the agreement's live conditions exactly `conditions`, keeping ids: listed ones are
 * inserted or updated (a deleted one comes back), the others are marked deleted. Returns the
 * ids that belong to another agreement and so were not written.
 */
export async function syncConditions(
  db: Db,
  operationId: string,
  agreementId: string,
  conditions: readonly NewCondition[],
): Promise<string[]> {
  const ids = conditions.map((c) => c.id);
  await db.query(
    `UPDATE agreement_conditions SET deleted_at = now()
     WHERE operation_id = $1 AND agreement_id = $2 AND deleted_at IS NULL AND NOT (id = ANY($3::uuid[]))`,
    [operationId, agreementId, ids],
  );
  if (conditions.length === 0) return [];
  const written = await db.query<{ id: string }>(
    `INSERT INTO agreement_conditions AS c (operation_id, id, agreement_id, position, type, text_ar, text_en, state, state_on)
     SELECT $1, id, $2, position::int, type, text_ar, text_en, state, state_on
     FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[])
       WITH ORDINALITY AS n (id, type, text_ar, text_en, state, state_on, position)
     ON CONFLICT (operation_id, id) DO UPDATE SET
       position = EXCLUDED.position, type = EXCLUDED.type, text_ar = EXCLUDED.text_ar,
       text_en = EXCLUDED.text_en, state = EXCLUDED.state, state_on = EXCLUDED.state_on, deleted_at = NULL
     WHERE c.agreement_id = EXCLUDED.agreement_id
     RETURNING c.id`,
    [
      operationId,
      agreementId,
      ids,
      conditions.map((c) => c.type),
      conditions.map((c) => c.textAr),
      conditions.map((c) => c.textEn),
      conditions.map((c) => c.state),
      conditions.map((c) => c.stateOn),
    ],
  );
  const done = new Set(written.rows.map((row) => row.id));
  return ids.filter((id) => !done.has(id));
}

/** A live condition of a live agreement, locking the agreement against a concurrent change of its list. */
export async function findLiveCondition(
  db: Db,
  agreementId: string,
  conditionId: string,
): Promise<{ operation_id: string; id: string; agreement_id: string } | undefined> {
  const agreement = await db.query<{ operation_id: string }>(
    'SELECT operation_id FROM agreements WHERE id = $1 AND deleted_at IS NULL FOR SHARE',
    [agreementId],
  );
  const operationId = agreement.rows[0]?.operation_id;
  if (!operationId) return undefined;
  const result = await db.query<{ operation_id: string; id: string; agreement_id: string }>(
    `SELECT operation_id, id, agreement_id FROM agreement_conditions
     WHERE operation_id = $1 AND agreement_id = $2 AND id = $3 AND deleted_at IS NULL`,
    [operationId, agreementId, conditionId],
  );
  return result.rows[0];
}

export type AidKind = 'pledge' | 'shipment' | 'distribution';

const aidTables: Record<AidKind, string> = {
  pledge: 'pledges',
  shipment: 'shipments',
  distribution: 'distributions',
};

/** Whether a live piece of aid of this kind exists in this operation. */
export async function aidExists(db: Db, operationId: string, kind: AidKind, id: string): Promise<boolean> {
  const result = await db.query(
    `SELECT 1 FROM ${aidTables[kind]} WHERE operation_id = $1 AND id = $2 AND deleted_at IS NULL`,
    [operationId, id],
  );
  return result.rowCount === 1;
}

export interface LinkRow {
  operation_id: string;
  id: string;
  condition_id: string;
  agreement_id: string;
  pledge_id: string | null;
  shipment_id: string | null;
  distribution_id: string | null;
  scope: string;
  note_ar: string | null;
  note_en: string | null;
  created_at: Date;
  updated_at: Date;
}

const linkColumns = `l.operation_id, l.id, l.condition_id, l.pledge_id, l.shipment_id, l.distribution_id,
  l.scope, l.note_ar, l.note_en, l.created_at, l.updated_at`;

export interface NewLink {
  operationId: string;
  id: string;
  conditionId: string;
  agreementId: string;
  kind: AidKind;
  aidId: string;
  scope: string;
  noteAr: string | null;
  noteEn: string | null;
}

export async function insertLink(db: Db, link: NewLink): Promise<LinkRow> {
  const result = await db.query<LinkRow>(
    `INSERT INTO aid_conditions AS l (operation_id, id, condition_id, pledge_id, shipment_id, distribution_id, scope, note_ar, note_en)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING ${linkColumns}, $10::uuid AS agreement_id`,
    [
      link.operationId,
      link.id,
      link.conditionId,
      link.kind === 'pledge' ? link.aidId : null,
      link.kind === 'shipment' ? link.aidId : null,
      link.kind === 'distribution' ? link.aidId : null,
      link.scope,
      link.noteAr,
      link.noteEn,
      link.agreementId,
    ],
  );
  return result.rows[0] as LinkRow;
}

/** Marks a live link deleted; undefined when there is none with this id. */
export async function softDeleteLink(db: Db, id: string): Promise<{ id: string } | undefined> {
  const result = await db.query<{ id: string }>(
    'UPDATE aid_conditions SET deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
    [id],
  );
  return result.rows[0];
}
