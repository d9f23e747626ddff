import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItem, buildOrg, buildSite, buildUser } from '../../../test/builders.ts';
import { testApp, testConfig, testCtx, testStore } from '../../../test/helpers.ts';
import { secretLogPaths } from '../../main.ts';
import { stableId } from '../../store/builtins.ts';
import type { Store } from '../../store/open.ts';
import { buildApp } from '../app.ts';

let store: Store;
let app: FastifyInstance;
let orgA: string;
let orgB: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  store = await testStore();
  app = await testApp(store, { as: 'public' });
  const ctx = testCtx(store);
  orgA = (await buildOrg(ctx)).id;
  orgB = (await buildOrg(ctx)).id;
});

afterAll(async () => {
  await app.close();
  await store.close();
});

async function signIn(email: string, password: string, lang = 'en') {
  return await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
    headers: { 'accept-language': lang },
  });
}

describe('sign-in with a password', () => {
  it('sets an httpOnly SameSite cookie, and cookie writes need the CSRF token', async () => {
    const { user } = await buildUser(testCtx(store), {
      roles: ['coordinator'],
      organizationId: orgA,
      password: 'correct horse battery',
    });
    const response = await signIn(user.email.toUpperCase(), 'correct horse battery');
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tansiq_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const { csrfToken, user: signedIn } = response.json();
    expect(signedIn.email).toBe(user.email);
    expect(response.body).not.toContain(cookie?.value);

    const cookies = { tansiq_session: cookie?.value ?? '' };
    const me = await app.inject({ url: '/api/session', cookies });
    expect(me.json()).toMatchObject({ via: 'session', user: { id: user.id }, csrfToken: null });

    const payload = { names: { en: 'Made with a cookie' }, kind: 'national_ngo' };
    const refused = await app.inject({ method: 'POST', url: '/api/organizations', cookies, payload });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('access.csrf');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      cookies,
      payload,
      headers: { 'x-csrf-token': `${csrfToken}x` },
    });
    expect(wrong.statusCode).toBe(403);
    const made = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      cookies,
      payload,
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(made.statusCode, made.body).toBe(201);

    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies,
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/session', cookies });
    expect(after.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email alike, in the caller’s language', async () => {
    const { user } = await buildUser(testCtx(store), { roles: ['viewer'], password: 'a fine passphrase' });
    const wrong = await signIn(user.email, 'not the passphrase', 'ar');
    const unknown = await signIn('nobody@example.org', 'not the passphrase', 'ar');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.message).toMatch(/كلمة المرور/);
  });

  it('locks an account after 5 failures in 15 minutes, even against the right password', async () => {
    const { user } = await buildUser(testCtx(store), { roles: ['viewer'], password: 'the real passphrase' });
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, `guess ${i}`)).statusCode).toBe(401);
    const locked = await signIn(user.email, 'the real passphrase');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('access.locked');
  });

  it('limits sign-in attempts per address', async () => {
    const limited = await testApp(store, {
      as: 'public',
      config: { access: { ...app.tansiq.config.access, signInRateLimitPerMinute: 3 } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await limited.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: 'x@example.org', password: 'whatever it is' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('logs', () => {
  it('never show a password, a session or a token, even at trace level', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      config: { ...testConfig(), access: { ...testConfig().access, rateLimitPerMinute: 1000 } },
      store,
      logger: {
        level: 'trace',
        redact: secretLogPaths,
        stream: { write: (line: string) => lines.push(line) },
      },
    });
    try {
      const { user, token } = await buildUser(testCtx(store), {
        roles: ['viewer'],
        password: 'a secret passphrase',
      });
      const signedIn = await logged.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: user.email, password: 'a secret passphrase' },
      });
      const session = signedIn.cookies.find((c) => c.name === 'tansiq_session')?.value ?? '';
      await logged.inject({ url: '/api/meetings', headers: bearer(token) });
      await logged.inject({ url: '/api/meetings', cookies: { tansiq_session: session } });
      const all = lines.join('\n');
      expect(lines.length).toBeGreaterThan(3);
      for (const secret of ['a secret passphrase', token, session, signedIn.json().csrfToken]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await logged.close();
    }
  });
});

describe('API tokens', () => {
  it('work until revoked, and a read-only token cannot write', async () => {
    const { user, token } = await buildUser(testCtx(store), { roles: ['coordinator'], organizationId: orgA });
    expect((await app.inject({ url: '/api/meetings', headers: bearer(token) })).statusCode).toBe(200);

    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(token),
      payload: { name: 'dashboard', scopes: ['read'], expiresInDays: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const readOnly = created.json();
    expect(readOnly.token).toMatch(/^tsq_/);
    expect(readOnly.userId).toBe(user.id);
    const write = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: bearer(readOnly.token),
      payload: { names: { en: 'Nope' }, kind: 'other' },
    });
    expect(write.json().error.code).toBe('access.read_only_token');

    const listed = await app.inject({ url: '/api/tokens', headers: bearer(token) });
    expect(listed.json().items.map((t: { id: string }) => t.id)).toContain(readOnly.id);
    expect(listed.body).not.toContain(readOnly.token);

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${readOnly.id}`,
      headers: bearer(token),
    });
    expect(revoked.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/meetings', headers: bearer(readOnly.token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('access.invalid_token');
  });

  it('stop working when their user is disabled, and are stored only as hashes', async () => {
    const admin = await buildUser(testCtx(store), { roles: ['admin'] });
    const { user, token } = await buildUser(testCtx(store), { roles: ['viewer'] });
    const stored = await store.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM api_tokens WHERE position($1 in encode(secret_sha256, 'escape')) > 0`,
      [token],
    );
    expect(stored.rows[0]?.n).toBe(0);
    const disabled = await app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}`,
      headers: bearer(admin.token),
    });
    expect(disabled.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/meetings', headers: bearer(token) })).statusCode).toBe(401);
  });
});

describe('organizations as tenants', () => {
  it('lets a partner create for their own organization only, and edit only their own records', async () => {
    const ctx = testCtx(store);
    const partner = await buildUser(ctx, { roles: ['partner_editor'], organizationId: orgA });
    const site = { names: { en: 'Partner clinic' }, type: 'health_facility' };
    const own = await app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: bearer(partner.token),
      payload: site,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().ownerOrganizationId).toBe(orgA);
    const forOther = await app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: bearer(partner.token),
      payload: { ...site, ownerOrganizationId: orgB },
    });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.code).toBe('access.other_organization');

    const theirs = await buildSite(ctx, { ownerOrganizationId: orgB, sensitivity: 'restricted' });
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/sites/${theirs.id}`,
      headers: bearer(partner.token),
      payload: { names: { en: 'Taken over' } },
    });
    expect(patch.statusCode).toBe(403);
    const hidden = await buildSite(ctx, { ownerOrganizationId: orgB, sensitivity: 'confidential' });
    const notFound = await app.inject({ url: `/api/sites/${hidden.id}`, headers: bearer(partner.token) });
    expect(notFound.statusCode).toBe(404);
    const missing = await app.inject({
      url: `/api/sites/${stableId('test', 'no such site')}`,
      headers: bearer(partner.token),
    });
    expect(notFound.json().error.code).toBe(missing.json().error.code);
  });

  it('lets a partner move stock only through a site of their own', async () => {
    const ctx = testCtx(store);
    const partner = await buildUser(ctx, { roles: ['partner_editor'], organizationId: orgA });
    const item = await buildItem(ctx);
    const mine = await buildSite(ctx, { ownerOrganizationId: orgA, sensitivity: 'restricted' });
    const theirs = await buildSite(ctx, { ownerOrganizationId: orgB, sensitivity: 'restricted' });
    const receive = (siteId: string) =>
      app.inject({
        method: 'POST',
        url: '/api/stock-movements',
        headers: bearer(partner.token),
        payload: {
          type: 'receipt',
          itemId: item.id,
          quantity: 10,
          unit: 'kg',
          toSiteId: siteId,
          occurredAt: '2021-07-24T10:00:00Z',
        },
      });
    const refused = await receive(theirs.id);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('access.other_organization');
    const accepted = await receive(mine.id);
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('shows a secret record only to its named readers', async () => {
    const ctx = testCtx(store);
    const author = await buildUser(ctx, { roles: ['coordinator'], organizationId: orgA });
    const colleague = await buildUser(ctx, { roles: ['admin'], organizationId: orgA });
    const made = await app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: bearer(author.token),
      payload: { names: { ar: 'مصدر محلي' }, role: 'informant', sensitivity: 'secret' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json();
    expect((await app.inject({ url: `/api/persons/${id}`, headers: bearer(author.token) })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ url: `/api/persons/${id}`, headers: bearer(colleague.token) })).statusCode,
    ).toBe(404);
    const named = await app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: bearer(author.token),
      payload: { secretReaders: [colleague.user.id] },
    });
    expect(named.statusCode, named.body).toBe(200);
    expect(
      (await app.inject({ url: `/api/persons/${id}`, headers: bearer(colleague.token) })).statusCode,
    ).toBe(200);
  });

  it('logs reads of confidential records', async () => {
    const ctx = testCtx(store);
    const reader = await buildUser(ctx, { roles: ['coordinator'], organizationId: orgA });
    const site = await buildSite(ctx, { ownerOrganizationId: orgB, sensitivity: 'confidential' });
    expect(
      (await app.inject({ url: `/api/sites/${site.id}`, headers: bearer(reader.token) })).statusCode,
    ).toBe(200);
    const logged = await store.owner.query(
      `SELECT actor FROM audit_log WHERE operation = 'read' AND record_id = $1`,
      [site.id],
    );
    expect(logged.rows).toEqual([{ actor: `user:${reader.user.id}` }]);
  });
});

describe('what the public sees', () => {
  it('sites only to their district: coordinates coarsened, confidential sites absent', async () => {
    const ctx = testCtx(store);
    const district = stableId('admin-unit', 'SY0200');
    await store.owner.query('UPDATE admin_units SET centre_lat = 36.2, centre_lon = 37.15 WHERE id = $1', [
      district,
    ]);
    const open = await buildSite(ctx, {
      adminUnitId: district,
      location: { lat: 36.2345, lon: 37.1234 },
      sensitivity: 'public',
    });
    const seen = await app.inject({ url: `/api/sites/${open.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().location).toEqual({ lat: 36.2, lon: 37.15 });
    const hidden = await buildSite(ctx, { sensitivity: 'restricted' });
    expect((await app.inject({ url: `/api/sites/${hidden.id}` })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/meetings' })).statusCode).toBe(401);
  });

  it('returns with counts under the threshold suppressed, and partners’ lower threshold', async () => {
    const ctx = testCtx(store);
    const { createRecord } = await import('../../services/create-records.ts');
    const { populationMovements } = await import('../../services/resources/population-movements.ts');
    const movements: [string, string, number][] = [
      ['SY01', '2022-03-01', 120],
      ['SY01', '2023-03-01', 7],
      ['SY02', '2022-03-01', 45],
      ['SY02', '2023-03-01', 60],
    ];
    for (const [pcode, start, individuals] of movements) {
      await createRecord(ctx, populationMovements, {
        destination: { adminUnitId: stableId('admin-unit', pcode) },
        populationGroup: 'RET',
        period: { start, precision: 'month' },
        individuals,
        countingMethod: 'key_informant',
        reportingOrganizationId: orgA,
      });
    }
    const response = await app.inject({ url: '/api/public/returns?countingMethod=key_informant' });
    expect(response.statusCode, response.body).toBe(200);
    const table = response.json();
    expect(table.threshold).toBe(10);
    expect(table.rows.map((r: { key: string }) => r.key)).toEqual(['SY01', 'SY02']);
    expect(table.cells[0][1]).toBeNull();
    expect(JSON.stringify(table)).not.toContain(':7,');
    expect(table.grandTotal).toBe(232);

    const partner = await buildUser(ctx, { roles: ['partner_editor'], organizationId: orgA });
    const forPartner = (
      await app.inject({
        url: '/api/public/returns?countingMethod=key_informant',
        headers: bearer(partner.token),
      })
    ).json();
    expect(forPartner.threshold).toBe(5);
    expect(forPartner.cells[0][1]).toBe(7);
  });
});
