import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItem, buildOrg, buildSite, buildUser } from '../../test/builders.ts';
import { testConfig, testCtx, testStore } from '../../test/helpers.ts';
import { createRecord } from '../services/create-records.ts';
import { createToken } from '../services/create-token.ts';
import { importRecords } from '../services/import-records.ts';
import { ingestSource } from '../services/ingest-source.ts';
import { loadDemo } from '../services/load-demo.ts';
import { persons } from '../services/resources/persons.ts';
import { pledges } from '../services/resources/pledges.ts';
import { populationMovements } from '../services/resources/population-movements.ts';
import { stableId } from '../store/builtins.ts';
import type { Store } from '../store/open.ts';
import { buildApp, everyRoute } from './app.ts';
import type { RouteDef } from './route.ts';

/**
 * Every route × every role × a record of the caller's own organization and of another one
 * (issue 5). The routes come from the route table itself: a route this file cannot place (no
 * expectation for its rule, or a `:param` it cannot fill) fails the test, so a new route must be
 * given its rule here, on purpose.
 *
 * A request is "allowed" when it gets past access control, whatever happens next (a 400 for the
 * empty body sent to a create is allowed: the caller may create); "denied" is 401, 403, or the
 * 404 that hides a record outside the caller's scope.
 */

type Caller = 'public' | 'admin' | 'coordinator' | 'partner_editor' | 'analyst' | 'viewer';
const callers: Caller[] = ['public', 'admin', 'coordinator', 'partner_editor', 'analyst', 'viewer'];

/** The roles, written out again here as the specification the server is held to. */
const mayUse: Record<string, readonly Caller[]> = {
  public: callers,
  signed_in: ['admin', 'coordinator', 'partner_editor', 'analyst', 'viewer'],
  hub: ['admin', 'coordinator'],
  admin: ['admin'],
  'registry.write': ['admin', 'coordinator'],
  'records.write': ['admin', 'coordinator', 'partner_editor'],
  'evidence.write': ['admin', 'coordinator', 'analyst'],
  'claims.verify': ['admin', 'coordinator'],
  'claims.propose': ['admin', 'coordinator', 'analyst'],
};
/** Callers who see and change every organization's records. */
const hub: readonly Caller[] = ['admin', 'coordinator'];

/**
 * How the `:id` of a route's first path segment is scoped:
 * - owned: a record with an owner organization; "other" is another organization's confidential one;
 * - self: a user or token; "other" belongs to another user (admins only);
 * - shared: reference data and ledger entries, the same for everyone who may read them.
 */
const scopes: Record<string, 'owned' | 'self' | 'shared'> = {
  operations: 'shared',
  organizations: 'owned',
  'admin-units': 'shared',
  sites: 'owned',
  items: 'shared',
  'population-movements': 'owned',
  meetings: 'owned',
  agreements: 'owned',
  pledges: 'owned',
  shipments: 'owned',
  distributions: 'owned',
  persons: 'owned',
  sources: 'owned',
  claims: 'owned',
  'stock-movements': 'shared',
  'aid-conditions': 'shared',
  users: 'self',
  tokens: 'self',
  review: 'owned',
  imports: 'shared',
};

/** Paths whose records have no owner of their own: review candidates follow their source's. */
const followers: Record<string, string> = { review: 'sources' };

/** Paths whose records are not in a registry table (import batches): their ids are made in beforeAll. */
const batches = new Set(['imports']);

const tableOf = (path: string) => path.replaceAll('-', '_');

let store: Store;
let app: FastifyInstance;
const tokens = {} as Record<Caller, string>;
const userIds = {} as Record<Caller, string>;
let own: string;
let other: string;
let otherUserId: string;
let otherTokenId: string;
const spareTokenIds = {} as Record<Caller, string>;
const recordIds: Record<string, string> = {};
let conditionId: string;

beforeAll(async () => {
  store = await testStore();
  const ctx = testCtx(store);
  await loadDemo(ctx);
  own = (await buildOrg(ctx, { names: { en: 'Own organization' } })).id;
  other = (await buildOrg(ctx, { names: { en: 'Other organization' } })).id;
  for (const caller of callers) {
    if (caller === 'public') continue;
    const { user, token } = await buildUser(ctx, { roles: [caller], organizationId: own });
    tokens[caller] = token;
    userIds[caller] = user.id;
    spareTokenIds[caller] = (await createToken(ctx, { userId: user.id })).id;
  }
  const stranger = await buildUser(ctx, { roles: ['viewer'], organizationId: other });
  otherUserId = stranger.user.id;
  otherTokenId = (await createToken(ctx, { userId: otherUserId })).id;

  // Records the demo lacks.
  await buildSite(ctx);
  const item = await buildItem(ctx);
  await createRecord(ctx, pledges, {
    sourceOrganizationId: own,
    modality: 'in_kind',
    itemId: item.id,
    quantity: 100,
    unit: 'kg',
  });
  await createRecord(ctx, persons, { names: { en: 'A spokesperson' }, role: 'spokesperson' });
  await createRecord(ctx, populationMovements, {
    destination: { adminUnitId: stableId('admin-unit', 'SY01') },
    populationGroup: 'RET',
    period: { start: '2021-07-01', precision: 'month' },
    individuals: 40,
    countingMethod: 'registration',
    reportingOrganizationId: own,
  });
  for (const path of Object.keys(scopes)) {
    if (scopes[path] === 'self' || path in followers || batches.has(path)) continue;
    const table = path === 'aid-conditions' ? 'aid_conditions' : tableOf(path);
    const found = await store.owner.query<{ id: string }>(
      `SELECT id FROM ${table} WHERE ${path === 'stock-movements' ? 'true' : 'deleted_at IS NULL'} ${path === 'organizations' ? 'AND id NOT IN ($1, $2)' : ''} ORDER BY id LIMIT 1`,
      path === 'organizations' ? [own, other] : [],
    );
    const id = found.rows[0]?.id;
    if (!id) throw new Error(`no ${path} record to test with`);
    recordIds[path] = id;
  }
  const condition = await store.owner.query<{ id: string; agreement_id: string }>(
    'SELECT id, agreement_id FROM agreement_conditions ORDER BY id LIMIT 1',
  );
  conditionId = condition.rows[0]?.id ?? '';
  // A source whose text states a fact, so that the review queue has a candidate of it.
  const reviewed = await ingestSource(ctx, {
    kind: 'news_article',
    text: 'The World Food Programme said it delivered 120 tonnes of wheat flour to Aleppo on 4 March 2024.',
  });
  recordIds.sources = reviewed.source.id;
  const candidate = await store.owner.query<{ id: string }>(
    'SELECT id FROM review_candidates WHERE source_id = $1 ORDER BY id LIMIT 1',
    [reviewed.source.id],
  );
  recordIds.review = candidate.rows[0]?.id ?? '';
  recordIds.agreements = condition.rows[0]?.agreement_id ?? recordIds.agreements ?? '';
  const batch = await importRecords(ctx, {
    bytes: new TextEncoder().encode(
      'Code,Item (English),Category,Sector,Base unit,Unit kind\nMX-1,Matrix kit,nfi,shelter,piece,count\n',
    ),
    fileName: 'matrix.csv',
    resource: 'items',
    dryRun: false,
  });
  recordIds.imports = batch.batchId ?? '';

  const config = testConfig();
  config.access = { ...config.access, rateLimitPerMinute: 1_000_000 };
  app = await buildApp({ config, store });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
});

/** Gives every owned record the owner and sensitivity of the variant under test. */
async function placeRecords(variant: 'own' | 'other'): Promise<void> {
  for (const [path, scope] of Object.entries(scopes)) {
    if (scope !== 'owned' || path in followers) continue;
    await store.owner.query(
      `UPDATE ${tableOf(path)} SET owner_organization_id = $2, sensitivity = $3 WHERE id = $1`,
      [recordIds[path], variant === 'own' ? own : other, variant === 'own' ? 'public' : 'confidential'],
    );
  }
}

/** Undoes what an allowed DELETE did, so that every request meets the same records. */
async function repair(): Promise<void> {
  for (const path of Object.keys(scopes)) {
    // Ledger entries are never deleted: corrections are new entries.
    if (scopes[path] === 'self' || path === 'stock-movements' || path in followers || batches.has(path))
      continue;
    const table = path === 'aid-conditions' ? 'aid_conditions' : tableOf(path);
    await store.owner.query(`UPDATE ${table} SET deleted_at = NULL WHERE id = $1`, [recordIds[path]]);
  }
  await store.owner.query('UPDATE users SET disabled_at = NULL');
  await store.owner.query('UPDATE api_tokens SET revoked_at = NULL');
}

function resourceOf(route: RouteDef): string {
  return route.url.split('/')[2] ?? '';
}

function fillUrl(route: RouteDef, caller: Caller, variant: 'own' | 'other'): string {
  const path = resourceOf(route);
  return route.url.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === 'conditionId') return conditionId;
    if (name === 'resource') return 'organizations';
    if (name !== 'id') throw new Error(`${route.method} ${route.url}: no value for :${name} in the matrix`);
    const scope = scopes[path];
    if (scope === undefined)
      throw new Error(`${route.method} ${route.url}: add "${path}" to the matrix's scopes`);
    if (scope === 'self') {
      const mine =
        caller === 'public' ? userIds.viewer : path === 'users' ? userIds[caller] : spareTokenIds[caller];
      const theirs = path === 'users' ? otherUserId : otherTokenId;
      return variant === 'own' ? mine : theirs;
    }
    return recordIds[path] ?? '';
  });
}

function expected(route: RouteDef, caller: Caller, variant: 'own' | 'other'): 'allowed' | 'denied' {
  const users = mayUse[route.access];
  if (!users)
    throw new Error(`${route.method} ${route.url}: the matrix has no expectation for "${route.access}"`);
  if (!users.includes(caller)) return 'denied';
  if (!route.url.includes(':id') || variant === 'own') return 'allowed';
  const scope = scopes[resourceOf(route)];
  if (scope === 'shared') return 'allowed';
  if (scope === 'self') return caller === 'admin' ? 'allowed' : 'denied';
  // Another organization's confidential record: the public sees it only where reads are public
  // and then not at all (confidential), partners never; the hub always.
  return hub.includes(caller) ? 'allowed' : 'denied';
}

function outcome(status: number, code: string | undefined): 'allowed' | 'denied' {
  if (status === 401 || status === 403) return 'denied';
  if (status === 404 && code === 'record.not_found') return 'denied';
  return 'allowed';
}

describe('the authorization matrix', () => {
  it('holds for every route, role and organization', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const variant of ['own', 'other'] as const) {
      await placeRecords(variant);
      for (const route of everyRoute) {
        for (const caller of callers) {
          const url = fillUrl(route, caller, variant);
          const response = await app.inject({
            method: route.method,
            url,
            headers: caller === 'public' ? {} : { authorization: `Bearer ${tokens[caller]}` },
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          });
          const code = response.statusCode >= 400 ? response.json()?.error?.code : undefined;
          const got = outcome(response.statusCode, code);
          const want = expected(route, caller, variant);
          checked++;
          if (got !== want) {
            failures.push(
              `${route.method} ${route.url} as ${caller} (${variant}): ${response.statusCode} ${code ?? ''}, expected ${want}`,
            );
          }
          if (route.method === 'DELETE' && response.statusCode < 300) await repair();
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(everyRoute.length * callers.length * 2);
  }, 300_000);
});
