import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NEAR_DUPLICATE_THRESHOLD } from '@tansiq/core/text/similarity';
import {
  arabicRelease,
  arabicRepublished,
  arabicSameEvents,
  arabicUnrelated,
  englishRelease,
} from '@tansiq/core/text/similarity.fixtures';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg } from '../../../test/builders.ts';
import { testApp, testConfig, testCtx, testStore } from '../../../test/helpers.ts';
import { createRecord } from '../../services/create-records.ts';
import { sources } from '../../services/resources/sources.ts';
import type { Store } from '../../store/open.ts';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await testStore();
  app = await testApp(store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function ingest(payload: Record<string, unknown>) {
  return await app.inject({ method: 'POST', url: '/api/sources', payload });
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const result = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return result.rows[0]?.n ?? -1;
}

describe('ingest: the same text is one source', () => {
  it('answers 201 the first time, then 200 with created:false and changes nothing', async () => {
    const text = `${englishRelease}\n(once)`;
    const first = await ingest({ kind: 'press_release', title: 'Convoy reaches Tal Rifaat', text });
    expect(first.statusCode).toBe(201);
    const created = first.json();
    expect(created).toMatchObject({ created: true, similar: [] });
    expect(created.source).toMatchObject({
      kind: 'press_release',
      title: 'Convoy reaches Tal Rifaat',
      language: 'en',
      sha256: sha256(text),
      contentLength: text.length,
      sensitivity: 'public',
      similar: [],
    });
    expect(created.source).not.toHaveProperty('text');
    const id = created.source.id as string;
    const before = {
      sources: await count('sources WHERE content_sha256 = $1', [sha256(text)]),
      bands: await count('source_bands WHERE source_id = $1', [id]),
      changes: await count('changes WHERE record_id = $1', [id]),
    };
    expect(before).toEqual({ sources: 1, bands: 32, changes: 1 });

    // Other metadata, the same text: the existing source, untouched.
    const second = await ingest({ kind: 'news_article', title: 'Another title', text });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ ...created, created: false });
    expect({
      sources: await count('sources WHERE content_sha256 = $1', [sha256(text)]),
      bands: await count('source_bands WHERE source_id = $1', [id]),
      changes: await count('changes WHERE record_id = $1', [id]),
    }).toEqual(before);
    const listed = (await app.inject({ url: `/api/sources?sha256=${sha256(text)}` })).json();
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ id, title: 'Convoy reaches Tal Rifaat', kind: 'press_release' });
    expect(listed.items[0]).not.toHaveProperty('text');
  });

  it('brings back a deleted source when its text comes again', async () => {
    const text = `${arabicUnrelated}\nنسخة للحذف`;
    const { source } = (await ingest({ kind: 'news_article', text })).json();
    expect((await app.inject({ method: 'DELETE', url: `/api/sources/${source.id}` })).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/sources/${source.id}` })).statusCode).toBe(404);
    const again = await ingest({ kind: 'news_article', text });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ created: true, source: { id: source.id } });
    expect((await app.inject({ url: `/api/sources/${source.id}` })).statusCode).toBe(200);
  });

  it('is not created through the generic create path', async () => {
    await expect(
      createRecord(testCtx(store), sources, { kind: 'report', text: 'A report.' }),
    ).rejects.toMatchObject({ code: 'source.ingest_required' });
  });
});

describe('near-duplicates', () => {
  it('links a re-published press release, not another article on the same events or an unrelated one', async () => {
    // An operation of its own: near-duplicates are looked for within an operation.
    const operation = await app.inject({
      method: 'POST',
      url: '/api/operations',
      payload: { code: 'near-dup', names: { en: 'Near-duplicates' } },
    });
    const operationId = operation.json().id as string;
    const inOperation = (payload: Record<string, unknown>) => ingest({ ...payload, operationId });
    const original = (
      await inOperation({ kind: 'press_release', title: 'بيان: وصول قافلة إلى تل رفعت', text: arabicRelease })
    ).json();
    expect(original.source.language).toBe('ar');
    const sameEvents = (await inOperation({ kind: 'news_article', text: arabicSameEvents })).json();
    const unrelated = (await inOperation({ kind: 'news_article', text: arabicUnrelated })).json();
    const republished = await inOperation({
      kind: 'news_article',
      title: 'إعادة نشر',
      text: arabicRepublished,
    });
    expect(republished.statusCode).toBe(201);
    const body = republished.json();
    expect(body.created).toBe(true);
    expect(body.similar).toEqual([
      { sourceId: original.source.id, title: 'بيان: وصول قافلة إلى تل رفعت', similarity: expect.any(Number) },
    ]);
    const similarity = body.similar[0].similarity as number;
    expect(similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(similarity).toBeLessThan(1);
    expect(body.source.similar).toEqual(body.similar);
    for (const other of [sameEvents, unrelated]) expect(other.similar).toEqual([]);

    // The link shows from both sides, and neither source is lost.
    const originalNow = (await app.inject({ url: `/api/sources/${original.source.id}` })).json();
    expect(originalNow.similar).toEqual([{ sourceId: body.source.id, title: 'إعادة نشر', similarity }]);
    for (const other of [sameEvents, unrelated]) {
      const now = (await app.inject({ url: `/api/sources/${other.source.id}` })).json();
      expect(now.similar).toEqual([]);
    }

    // Another operation's sources are not its near-duplicates, and its same text is another source.
    const elsewhere = await ingest({ kind: 'press_release', text: arabicRelease });
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().similar).toEqual([]);
  });

  it('ingests the founding article byte for byte, and links a re-published copy of it', async () => {
    const file = path.join(testConfig().sharedDir, 'corpus', 'seed-article.txt');
    const bytes = fs.readFileSync(file);
    const text = bytes.toString('utf8');
    const article = await ingest({
      kind: 'news_article',
      title: 'Baladi News, 2021-07-25',
      authorText: 'Ashraf Suleiman',
      published: { date: '2021-07-25' },
      text,
    });
    expect(article.statusCode).toBe(201);
    const { source } = article.json();
    expect(source).toMatchObject({
      language: 'ar',
      published: { date: '2021-07-25', precision: 'day' },
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const stored = (await app.inject({ url: `/api/sources/${source.id}/text` })).json();
    expect(stored.text === text).toBe(true);

    // Another site's copy, made here from the file: its own first line, CRLF, its own footer.
    const copy = `منقول عن موقع آخر\r\n\r\n${text.replace(/\n/g, '\r\n')}\r\n\r\nاقرأ أيضًا: أخبار ذات صلة`;
    const republished = (await ingest({ kind: 'news_article', text: copy })).json();
    expect(republished.similar.map((s: { sourceId: string }) => s.sourceId)).toEqual([source.id]);
    expect(republished.similar[0].similarity).toBeGreaterThan(0.9);
  });
});

describe('the text', () => {
  const exactText =
    '\uFEFF  بيانٌ صحفيٌّ\r\nوصلت القـــافلة إلى «تل رفعت» يوم ٢٥/٧\r\n\r\n\tIt carried 160 t of flour.  \n\n';

  it('is kept byte-exact, with its SHA-256, and served alone by GET …/text', async () => {
    const response = await ingest({ kind: 'statement', text: exactText, language: 'AR' });
    expect(response.statusCode).toBe(201);
    const { source } = response.json();
    expect(source).toMatchObject({
      language: 'ar',
      sha256: sha256(exactText),
      contentLength: exactText.length,
    });
    const text = await app.inject({ url: `/api/sources/${source.id}/text` });
    expect(text.statusCode).toBe(200);
    expect(text.json()).toEqual({ id: source.id, sha256: sha256(exactText), text: exactText });
  });

  it('comes as a raw text/plain body with the metadata as query parameters', async () => {
    const org = await buildOrg(testCtx(store), { names: { en: 'Local News Site' }, kind: 'media' });
    const raw = `${exactText}(raw)\r\n`;
    const query = new URLSearchParams({
      kind: 'news_article',
      title: 'Raw',
      outletId: org.id,
      publishedOn: '2021-07',
      publishedPrecision: 'month',
    });
    const bad = await app.inject({
      method: 'POST',
      url: `/api/sources?${query}`,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: raw,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['publishedOn']);
    query.set('publishedOn', '2021-07-01');
    const response = await app.inject({
      method: 'POST',
      url: `/api/sources?${query}`,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: Buffer.from(raw, 'utf8'),
    });
    expect(response.statusCode).toBe(201);
    const { source } = response.json();
    expect(source).toMatchObject({
      title: 'Raw',
      outletId: org.id,
      published: { date: '2021-07-01', precision: 'month' },
      sha256: sha256(raw),
    });
    expect((await app.inject({ url: `/api/sources/${source.id}/text` })).json().text).toBe(raw);
    const again = await app.inject({
      method: 'POST',
      url: '/api/sources?kind=report',
      headers: { 'content-type': 'text/plain' },
      payload: raw,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, source: { id: source.id, kind: 'news_article' } });
  });

  it('refuses a raw text without a kind, naming the field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: { 'content-type': 'text/plain' },
      payload: 'A statement without a kind.',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('refuses what cannot be stored as given', async () => {
    for (const [text, message] of [
      ['   \r\n ', 'must contain more than white space'],
      ['a\u0000b', 'contains characters that cannot be stored (NUL or a lone surrogate)'],
      ['broken \uD800 pair', 'contains characters that cannot be stored (NUL or a lone surrogate)'],
    ] as const) {
      const response = await ingest({ kind: 'statement', text });
      expect(response.statusCode, JSON.stringify(text)).toBe(400);
      expect(response.json().error.details.fields).toEqual([{ field: 'text', code: 'custom', message }]);
    }
  });

  it('may be absent: a source known by its metadata only has no text to serve', async () => {
    const response = await ingest({
      kind: 'news_article',
      title: 'Known by its metadata',
      url: 'https://example.org/a',
    });
    expect(response.statusCode).toBe(201);
    const { source } = response.json();
    expect(source).toMatchObject({ sha256: null, contentLength: null, language: null, similar: [] });
    const text = await app.inject({ url: `/api/sources/${source.id}/text` });
    expect(text.statusCode).toBe(404);
    expect(text.json().error.code).toBe('source.no_text');
    const twice = await ingest({ kind: 'news_article', title: 'Known by its metadata' });
    expect(twice.json().source.id).not.toBe(source.id);
  });
});

describe('metadata', () => {
  it('is patched; the text is not, and the refusal names the field', async () => {
    const text = `${englishRelease}\n(patch me)`;
    const { source } = (await ingest({ kind: 'press_release', text })).json();
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/sources/${source.id}`,
      payload: {
        title: 'Convoy reaches Tal Rifaat',
        published: { date: '2021-03-12' },
        retrievedAt: '2021-03-13T08:00:00+03:00',
        sensitivity: 'restricted',
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      title: 'Convoy reaches Tal Rifaat',
      published: { date: '2021-03-12', precision: 'day' },
      retrievedAt: '2021-03-13T05:00:00.000Z',
      sensitivity: 'restricted',
      kind: 'press_release',
      sha256: sha256(text),
    });
    const found = (await app.inject({ url: `/api/sources?q=${encodeURIComponent('rifaat convoy')}` })).json();
    expect(found.items.map((s: { id: string }) => s.id)).toContain(source.id);

    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/sources/${source.id}`,
      headers: { 'accept-language': 'ar' },
      payload: { title: 'New', text: 'A different text' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'text', message: expect.stringContaining('نص المصدر لا يتغير') }),
    ]);
    const unknown = await app.inject({
      method: 'PATCH',
      url: `/api/sources/${source.id}`,
      payload: { sha256: sha256('other') },
    });
    expect(unknown.statusCode).toBe(400);
    const now = (await app.inject({ url: `/api/sources/${source.id}` })).json();
    expect(now).toMatchObject({ title: 'Convoy reaches Tal Rifaat', sha256: sha256(text) });
    expect((await app.inject({ url: `/api/sources/${source.id}/text` })).json().text).toBe(text);
  });
});

describe('persons', () => {
  it('are created restricted by default, read, patched, listed and deleted', async () => {
    const ministry = await buildOrg(testCtx(store), {
      names: { en: 'Ministry of Defence' },
      kind: 'government',
    });
    const created = await app.inject({
      method: 'POST',
      url: '/api/persons',
      payload: {
        names: { ar: 'متحدث رسمي', en: 'A spokesperson' },
        role: 'spokesperson',
        affiliationId: ministry.id,
      },
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({
      role: 'spokesperson',
      affiliationId: ministry.id,
      sensitivity: 'restricted',
    });

    const informant = (
      await app.inject({
        method: 'POST',
        url: '/api/persons',
        payload: { names: { ar: 'مصدر محلي' }, role: 'informant', sensitivity: 'confidential' },
      })
    ).json();
    expect(informant).toMatchObject({ role: 'informant', sensitivity: 'confidential', affiliationId: null });

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/persons/${person.id}`,
      payload: { role: 'official' },
    });
    expect(patched.json()).toMatchObject({
      role: 'official',
      sensitivity: 'restricted',
      names: person.names,
    });
    const listed = (await app.inject({ url: `/api/persons?affiliationId=${ministry.id}` })).json();
    expect(listed.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    const searched = (await app.inject({ url: `/api/persons?q=${encodeURIComponent('المتحدث')}` })).json();
    expect(searched.items.map((p: { id: string }) => p.id)).toContain(person.id);

    const missing = await app.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { names: { en: 'Nobody' }, affiliationId: '0190a1b2-0000-7000-8000-000000000000' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.field).toBe('affiliationId');

    expect((await app.inject({ method: 'DELETE', url: `/api/persons/${person.id}` })).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/persons/${person.id}` })).statusCode).toBe(404);
  });

  it('write sources', async () => {
    const outlet = await buildOrg(testCtx(store), { names: { en: 'A newspaper' }, kind: 'media' });
    const journalist = (
      await app.inject({
        method: 'POST',
        url: '/api/persons',
        payload: { names: { en: 'A journalist' }, role: 'journalist', affiliationId: outlet.id },
      })
    ).json();
    const response = await ingest({
      kind: 'news_article',
      outletId: outlet.id,
      authorPersonId: journalist.id,
      text: `${arabicSameEvents}\n(by a person)`,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().source).toMatchObject({ authorPersonId: journalist.id, outletId: outlet.id });
    const byAuthor = (await app.inject({ url: `/api/sources?authorPersonId=${journalist.id}` })).json();
    expect(byAuthor.items).toHaveLength(1);

    const nobody = await ingest({
      kind: 'news_article',
      authorPersonId: '0190a1b2-0000-7000-8000-000000000000',
      text: 'An article by nobody known.',
    });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().error.details.field).toBe('authorPersonId');
  });
});

describe('the API document', () => {
  it('describes the ingest and the text, and no generic create for sources', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/sources'].post;
    expect(post['x-access']).toBe('evidence.write');
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toContain('text');
    expect(doc.paths['/api/sources/{id}/text'].get['x-access']).toBe('signed_in');
    expect(doc.paths['/api/persons'].get['x-access']).toBe('signed_in');
    expect(doc.paths['/api/sources/{id}'].patch).toBeDefined();
  });
});
