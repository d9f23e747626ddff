import type { Db } from './db.ts';

export interface StatusEventRow {
  id: string;
  record_id: string;
  status: string;
  occurred_on: string;
  date_precision: 'day' | 'month' | 'year';
  note_ar: string | null;
  note_en: string | null;
  recorded_at: Date;
}

export interface NewStatusEvent {
  id: string;
  operationId: string;
  resource: string;
  recordId: string;
  status: string;
  occurredOn: string;
  precision: string;
  noteAr?: string | null;
  noteEn?: string | null;
}

export async function insertStatusEvents(db: Db, events: readonly NewStatusEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO status_events (operation_id, id, resource, record_id, status, occurred_on, date_precision, note_ar, note_en)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[])`,
    [
      events.map((e) => e.operationId),
      events.map((e) => e.id),
      events.map((e) => e.resource),
      events.map((e) => e.recordId),
      events.map((e) => e.status),
      events.map((e) => e.occurredOn),
      events.map((e) => e.precision),
      events.map((e) => e.noteAr ?? null),
      events.map((e) => e.noteEn ?? null),
    ],
  );
}

/** Events of many records, oldest first. */
export async function statusEventsOf(
  db: Db,
  recordIds: readonly string[],
): Promise<Map<string, StatusEventRow[]>> {
  const result = await db.query<StatusEventRow>(
    `SELECT id, record_id, status, occurred_on, date_precision, note_ar, note_en, recorded_at
     FROM status_events WHERE record_id = ANY($1::uuid[]) ORDER BY occurred_on, recorded_at, id`,
    [recordIds],
  );
  const byRecord = new Map<string, StatusEventRow[]>();
  for (const row of result.rows) byRecord.set(row.record_id, [...(byRecord.get(row.record_id) ?? []), row]);
  return byRecord;
}

/** Sets a record's status column to its latest event's status. */
export async function refreshStatus(db: Db, table: string, recordId: string): Promise<void> {
  await db.query(
    `UPDATE ${table} SET status = latest.status, updated_at = now()
     FROM (SELECT status FROM status_events WHERE record_id = $1
           ORDER BY occurred_on DESC, recorded_at DESC, id DESC LIMIT 1) latest
     WHERE id = $1`,
    [recordId],
  );
}
