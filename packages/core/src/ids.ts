/**
 * UUIDv7: time-ordered, so new rows land at the right edge of a B-tree index instead of
 * scattering across it (see docs/decisions/005-ids.md). Clients may still send any UUID.
 */
// Random bytes drawn in blocks: one getRandomValues call per id costs more than the rest of it.
const pool = new Uint8Array(16 * 256);
let poolOffset = pool.length;

export function uuidv7(now: number = Date.now()): string {
  if (poolOffset >= pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = pool.slice(poolOffset, poolOffset + 16);
  poolOffset += 16;
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

declare const brand: unique symbol;
export type Branded<T, B extends string> = T & { readonly [brand]: B };
export type OperationId = Branded<string, 'OperationId'>;
export type OrgId = Branded<string, 'OrgId'>;
export type AdminUnitId = Branded<string, 'AdminUnitId'>;
export type SiteId = Branded<string, 'SiteId'>;
export type ItemId = Branded<string, 'ItemId'>;

/** The operation every new database starts with, so that records always have one to belong to. */
export const defaultOperationId = '00000000-0000-7000-8000-000000000001' as OperationId;
