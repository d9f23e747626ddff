import type { ClaimSubjectResource } from '@tansiq/core';
import type { Db } from '../store/db.ts';
import { existingIds } from '../store/registry.ts';
import type { Resource } from './resource.ts';
import { agreements } from './resources/agreements.ts';
import { distributions } from './resources/distributions.ts';
import { meetings } from './resources/meetings.ts';
import { pledges } from './resources/pledges.ts';
import { populationMovements } from './resources/population-movements.ts';
import { adminUnits, items, organizations, sites } from './resources/registry.ts';
import { shipments } from './resources/shipments.ts';

/** Where the records of a resource live: what claims and provenance need to find one. */
export interface RecordTable {
  /** The API resource name: 'shipments'. */
  path: string;
  /** The singular name errors use: 'shipment'. */
  resource: string;
  table: string;
  /** Ledger lines are never deleted, so their table has no deleted_at. */
  softDeleted: boolean;
}

export function recordTableOf(resource: Resource): RecordTable {
  return { path: resource.path, resource: resource.resource, table: resource.table.table, softDeleted: true };
}

export const stockMovementsTable: RecordTable = {
  path: 'stock-movements',
  resource: 'stock-movement',
  table: 'stock_movements',
  softDeleted: false,
};

/** The records a claim can be about, by API resource name: the one place this mapping is kept. */
export const claimSubjects: Record<ClaimSubjectResource, RecordTable> = {
  meetings: recordTableOf(meetings as Resource),
  agreements: recordTableOf(agreements as Resource),
  pledges: recordTableOf(pledges as Resource),
  shipments: recordTableOf(shipments as Resource),
  distributions: recordTableOf(distributions as Resource),
  'population-movements': recordTableOf(populationMovements as Resource),
  'stock-movements': stockMovementsTable,
  sites: recordTableOf(sites as Resource),
  'admin-units': recordTableOf(adminUnits as Resource),
  organizations: recordTableOf(organizations as Resource),
  items: recordTableOf(items as Resource),
};

/** Ids among `ids` that are live records of this table. */
export async function existingRecords(
  db: Db,
  target: RecordTable,
  ids: readonly string[],
): Promise<Set<string>> {
  return await existingIds(db, target.table, ids, !target.softDeleted);
}
