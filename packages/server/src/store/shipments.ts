import type { Db } from './db.ts';

export interface LineRow {
  id: string;
  shipment_id: string;
  position: number;
  item_id: string;
  quantity: string;
  unit: string;
  base_quantity: string;
  approximate: boolean;
  received: string;
  discrepancy: string;
}

/** The shipment a list of donors or lines belongs to. */
interface ShipmentKey {
  operationId: string;
  shipmentId: string;
}

export interface NewLine {
  id: string;
  itemId: string;
  quantity: number;
  unit: string;
  baseQuantity: number;
  approximate: boolean;
}

/** Replaces the donors of many shipments in two statements, however many there are. */
export async function replaceDonors(
  db: Db,
  shipments: readonly (ShipmentKey & { donorIds: readonly string[] })[],
) {
  if (shipments.length === 0) return;
  await deleteChildren(db, 'shipment_donors', shipments);
  const donors = shipments.flatMap(({ operationId, shipmentId, donorIds }) =>
    donorIds.map((donorId) => ({ operationId, shipmentId, donorId })),
  );
  await db.query(
    `INSERT INTO shipment_donors (operation_id, shipment_id, organization_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) ON CONFLICT DO NOTHING`,
    [donors.map((d) => d.operationId), donors.map((d) => d.shipmentId), donors.map((d) => d.donorId)],
  );
}

/** Replaces the lines of many shipments in two statements; positions follow each list's order. */
export async function replaceLines(
  db: Db,
  shipments: readonly (ShipmentKey & { lines: readonly NewLine[] })[],
) {
  if (shipments.length === 0) return;
  await deleteChildren(db, 'shipment_lines', shipments);
  const lines = shipments.flatMap(({ operationId, shipmentId, lines }) =>
    lines.map((line, index) => ({ operationId, shipmentId, line, position: index + 1 })),
  );
  await db.query(
    `INSERT INTO shipment_lines (operation_id, shipment_id, id, position, item_id, quantity, unit, base_quantity, approximate)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::uuid[], $6::numeric[], $7::text[], $8::numeric[], $9::bool[])`,
    [
      lines.map((l) => l.operationId),
      lines.map((l) => l.shipmentId),
      lines.map((l) => l.line.id),
      lines.map((l) => l.position),
      lines.map((l) => l.line.itemId),
      lines.map((l) => l.line.quantity),
      lines.map((l) => l.line.unit),
      lines.map((l) => l.line.baseQuantity),
      lines.map((l) => l.line.approximate),
    ],
  );
}

async function deleteChildren(
  db: Db,
  table: 'shipment_donors' | 'shipment_lines',
  shipments: readonly ShipmentKey[],
) {
  await db.query(
    `DELETE FROM ${table} c USING unnest($1::uuid[], $2::uuid[]) AS s(operation_id, shipment_id)
     WHERE c.operation_id = s.operation_id AND c.shipment_id = s.shipment_id`,
    [shipments.map((s) => s.operationId), shipments.map((s) => s.shipmentId)],
  );
}

/** Lines with what their receipts account for (received, and missing with a reason). */
export async function linesOf(db: Db, shipmentIds: readonly string[]): Promise<LineRow[]> {
  const result = await db.query<LineRow>(
    `SELECT l.id, l.shipment_id, l.position, l.item_id, l.quantity, l.unit, l.base_quantity, l.approximate,
            coalesce(sum(r.received_quantity), 0) AS received, coalesce(sum(r.discrepancy_quantity), 0) AS discrepancy
     FROM shipment_lines l
     LEFT JOIN shipment_receipts r ON r.operation_id = l.operation_id AND r.line_id = l.id
     WHERE l.shipment_id = ANY($1::uuid[])
     GROUP BY l.operation_id, l.id
     ORDER BY l.shipment_id, l.position`,
    [shipmentIds],
  );
  return result.rows;
}

export async function donorsOf(db: Db, shipmentIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = await db.query<{ shipment_id: string; organization_id: string }>(
    'SELECT shipment_id, organization_id FROM shipment_donors WHERE shipment_id = ANY($1::uuid[]) ORDER BY organization_id',
    [shipmentIds],
  );
  const byShipment = new Map<string, string[]>();
  for (const row of result.rows) {
    const donors = byShipment.get(row.shipment_id);
    if (donors) donors.push(row.organization_id);
    else byShipment.set(row.shipment_id, [row.organization_id]);
  }
  return byShipment;
}

/** Shipments whose goods entered the pipeline (a dispatch that was not reversed). */
export async function dispatchedShipments(db: Db, shipmentIds: readonly string[]): Promise<Set<string>> {
  const result = await db.query<{ shipment_id: string }>(
    `SELECT DISTINCT m.shipment_id FROM stock_movements m
     WHERE m.shipment_id = ANY($1::uuid[]) AND m.type = 'dispatch' AND m.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.operation_id = m.operation_id AND r.reverses_id = m.id)`,
    [shipmentIds],
  );
  return new Set(result.rows.map((row) => row.shipment_id));
}

export interface NewReceipt {
  operationId: string;
  id: string;
  shipmentId: string;
  lineId: string;
  receivedOn: string;
  receivedQuantity: number;
  discrepancyQuantity: number;
  discrepancyReason: string | null;
  siteId: string | null;
}

export async function insertReceipt(db: Db, receipt: NewReceipt): Promise<void> {
  await db.query(
    `INSERT INTO shipment_receipts (operation_id, id, shipment_id, line_id, received_on, received_quantity,
                                    discrepancy_quantity, discrepancy_reason, site_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      receipt.operationId,
      receipt.id,
      receipt.shipmentId,
      receipt.lineId,
      receipt.receivedOn,
      receipt.receivedQuantity,
      receipt.discrepancyQuantity,
      receipt.discrepancyReason,
      receipt.siteId,
    ],
  );
}
