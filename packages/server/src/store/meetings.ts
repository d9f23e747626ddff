import type { Db } from './db.ts';

/**
 * Conditions on meetings (alias `t`) by query key, each with `$?` for its value: the list
 * filters of the meetings resource and the timeline report share them.
 */
export const meetingConditions = {
  kind: 't.kind = $?',
  status: 't.status = $?',
  operationId: 't.operation_id = $?',
  // The unit itself or any unit inside it; a meeting placed at a site counts in the site's unit.
  placeAdminUnitId:
    'admin_unit_within(coalesce(t.place_admin_unit_id, (SELECT s.admin_unit_id FROM sites s WHERE s.id = t.place_site_id)), $?::uuid)',
  year: 'extract(year FROM t.start_date) = $?',
  // The meeting's period overlaps [from, to].
  from: 'coalesce(t.end_date, t.start_date) >= $?::date',
  to: 't.start_date <= $?::date',
  organizationId:
    'EXISTS (SELECT 1 FROM meeting_participants p WHERE p.operation_id = t.operation_id AND p.meeting_id = t.id AND p.organization_id = $?::uuid)',
} as const;

export type MeetingCondition = keyof typeof meetingConditions;

export interface NewParticipant {
  organizationId: string | null;
  groupAr: string | null;
  groupEn: string | null;
  role: string;
  attendance: string | null;
}

export interface NewOutcome {
  type: string;
  textAr: string | null;
  textEn: string | null;
  agreementId: string | null;
  pledgeId: string | null;
  shipmentId: string | null;
}

interface MeetingKey {
  operationId: string;
  meetingId: string;
}

async function deleteChildren(db: Db, table: string, meetings: readonly MeetingKey[]): Promise<void> {
  await db.query(
    `DELETE FROM ${table} WHERE (operation_id, meeting_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
    [meetings.map((m) => m.operationId), meetings.map((m) => m.meetingId)],
  );
}

/** Replaces the participant lists of these meetings (kept in the order given). */
export async function replaceParticipants(
  db: Db,
  meetings: readonly (MeetingKey & { participants: readonly NewParticipant[] })[],
): Promise<void> {
  if (meetings.length === 0) return;
  await deleteChildren(db, 'meeting_participants', meetings);
  const rows = meetings.flatMap((m) =>
    m.participants.map((p, position) => ({
      ...p,
      position,
      operationId: m.operationId,
      meetingId: m.meetingId,
    })),
  );
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO meeting_participants
       (operation_id, meeting_id, position, organization_id, group_ar, group_en, role, attendance)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    [
      rows.map((r) => r.operationId),
      rows.map((r) => r.meetingId),
      rows.map((r) => r.position),
      rows.map((r) => r.organizationId),
      rows.map((r) => r.groupAr),
      rows.map((r) => r.groupEn),
      rows.map((r) => r.role),
      rows.map((r) => r.attendance),
    ],
  );
}

/** Replaces the outcome lists of these meetings (kept in the order given). */
export async function replaceOutcomes(
  db: Db,
  meetings: readonly (MeetingKey & { outcomes: readonly NewOutcome[] })[],
): Promise<void> {
  if (meetings.length === 0) return;
  await deleteChildren(db, 'meeting_outcomes', meetings);
  const rows = meetings.flatMap((m) =>
    m.outcomes.map((o, position) => ({ ...o, position, operationId: m.operationId, meetingId: m.meetingId })),
  );
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO meeting_outcomes
       (operation_id, meeting_id, position, type, text_ar, text_en, agreement_id, pledge_id, shipment_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                          $8::uuid[], $9::uuid[])`,
    [
      rows.map((r) => r.operationId),
      rows.map((r) => r.meetingId),
      rows.map((r) => r.position),
      rows.map((r) => r.type),
      rows.map((r) => r.textAr),
      rows.map((r) => r.textEn),
      rows.map((r) => r.agreementId),
      rows.map((r) => r.pledgeId),
      rows.map((r) => r.shipmentId),
    ],
  );
}

export interface ParticipantRow {
  meeting_id: string;
  organization_id: string | null;
  organization_name_ar: string | null;
  organization_name_en: string | null;
  organization_acronym: string | null;
  group_ar: string | null;
  group_en: string | null;
  role: string;
  attendance: string | null;
}

function byMeeting<T extends { meeting_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.meeting_id);
    if (list) list.push(row);
    else map.set(row.meeting_id, [row]);
  }
  return map;
}

/** Participants of many meetings, in their order, with organization names (also of deleted ones). */
export async function participantsOf(
  db: Db,
  meetingIds: readonly string[],
): Promise<Map<string, ParticipantRow[]>> {
  if (meetingIds.length === 0) return new Map();
  const result = await db.query<ParticipantRow>(
    `SELECT p.meeting_id, p.organization_id, o.name_ar AS organization_name_ar, o.name_en AS organization_name_en,
            o.acronym AS organization_acronym, p.group_ar, p.group_en, p.role, p.attendance
     FROM meeting_participants p LEFT JOIN organizations o ON o.id = p.organization_id
     WHERE p.meeting_id = ANY($1::uuid[]) ORDER BY p.meeting_id, p.position`,
    [meetingIds],
  );
  return byMeeting(result.rows);
}

export interface OutcomeRow {
  meeting_id: string;
  type: string;
  text_ar: string | null;
  text_en: string | null;
  agreement_id: string | null;
  pledge_id: string | null;
  shipment_id: string | null;
}

export async function outcomesOf(db: Db, meetingIds: readonly string[]): Promise<Map<string, OutcomeRow[]>> {
  if (meetingIds.length === 0) return new Map();
  const result = await db.query<OutcomeRow>(
    `SELECT meeting_id, type, text_ar, text_en, agreement_id, pledge_id, shipment_id
     FROM meeting_outcomes WHERE meeting_id = ANY($1::uuid[]) ORDER BY meeting_id, position`,
    [meetingIds],
  );
  return byMeeting(result.rows);
}

export interface TimelineRow {
  id: string;
  kind: string;
  title_ar: string | null;
  title_en: string | null;
  start_date: string;
  end_date: string | null;
  date_precision: 'day' | 'month' | 'year';
  place_admin_unit_id: string | null;
  place_pcode: string | null;
  place_name_ar: string | null;
  place_name_en: string | null;
  place_site_id: string | null;
  site_name_ar: string | null;
  site_name_en: string | null;
  place_text: string | null;
  virtual: boolean;
  status: string | null;
}

/** Live meetings by start date, with their place resolved; `limit + 1` rows tell whether more matched. */
export async function timelineMeetings(
  db: Db,
  filters: Partial<Record<MeetingCondition, unknown>>,
  limit: number,
): Promise<{ rows: TimelineRow[]; truncated: boolean }> {
  const params: unknown[] = [];
  const conditions = ['t.deleted_at IS NULL'];
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    params.push(value);
    conditions.push(meetingConditions[key as MeetingCondition].replaceAll('$?', `$${params.length}`));
  }
  params.push(limit + 1);
  const result = await db.query<TimelineRow>(
    `SELECT t.id, t.kind, t.title_ar, t.title_en, t.start_date, t.end_date, t.date_precision,
            t.place_admin_unit_id, u.pcode AS place_pcode, u.name_ar AS place_name_ar, u.name_en AS place_name_en,
            t.place_site_id, s.name_ar AS site_name_ar, s.name_en AS site_name_en, t.place_text, t.virtual, t.status
     FROM meetings t
     LEFT JOIN admin_units u ON u.id = t.place_admin_unit_id
     LEFT JOIN sites s ON s.id = t.place_site_id
     WHERE ${conditions.join(' AND ')}
     ORDER BY t.start_date, coalesce(t.end_date, t.start_date), t.id
     LIMIT $${params.length}`,
    params,
  );
  return { rows: result.rows.slice(0, limit), truncated: result.rows.length > limit };
}
