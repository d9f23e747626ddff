import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testConfig, testStore } from '../../../test/helpers.ts';
import type { Store } from '../../store/open.ts';
import { buildApp } from '../app.ts';

let store: Store;
let app: FastifyInstance;
let small: FastifyInstance;

beforeAll(async () => {
  store = await testStore();
  app = await testApp(store);
  small = await buildApp({ config: testConfig({ extractMaxBytes: 200 }), store });
});
afterAll(async () => {
  await app.close();
  await small.close();
  await store.close();
});

const report =
  'أعلنت منظمة الصحة العالمية أن قافلة من 15 شاحنة وصلت إلى حلب يوم الثلاثاء 5 آذار 2024.\nوقال المتحدث إن التوزيع سيبدأ الأسبوع المقبل.';

describe('POST /api/extract', () => {
  it('answers the contract for a JSON body, without signing in', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/extract',
      payload: { text: report, published: '2024-03-06' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.document).toMatchObject({ language: 'ar', published: '2024-03-06' });
    expect(result.document.text).toBeUndefined();
    for (const kind of ['numbers', 'quantities', 'dates', 'places', 'organizations', 'events']) {
      expect(Array.isArray(result[kind])).toBe(true);
      for (const mention of result[kind]) expect(report.slice(mention.start, mention.end)).toBe(mention.text);
    }
    expect(result.quantities.map((q: { value: number }) => q.value)).toContain(15);
  });

  it('takes a raw text/plain body with the options in the query', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/extract?published=2024-03-06&lang=ar',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: report,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().document.published).toBe('2024-03-06');
  });

  it('reads an HTML page and indexes the plain text it returns', async () => {
    const html = `<!doctype html><html><head><title>Aid convoy reaches Aleppo</title></head><body><article><h1>Aid convoy reaches Aleppo</h1><p>A convoy of 15 trucks reached Aleppo on Tuesday, the World Health Organization said.</p><p>Distribution will start next week.</p></article></body></html>`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/extract?referenceTime=2024-03-07T12:00:00Z',
      headers: { 'content-type': 'text/html' },
      payload: html,
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(typeof result.document.text).toBe('string');
    for (const number of result.numbers)
      expect(result.document.text.slice(number.start, number.end)).toBe(number.text);
  });

  it('refuses what is not text: empty, not UTF-8, binary, bad options', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/extract', payload: { text: '  \n ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('extract.empty');

    const latin1 = await app.inject({
      method: 'POST',
      url: '/api/extract',
      headers: { 'content-type': 'text/plain' },
      payload: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x30]),
    });
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json().error.code).toBe('extract.not_utf8');

    const binary = await app.inject({
      method: 'POST',
      url: '/api/extract',
      headers: { 'content-type': 'text/plain' },
      payload: Buffer.from('PK\u0003\u0004\u0000\u0000binary'),
    });
    expect(binary.json().error.code).toBe('extract.binary');

    const badDate = await app.inject({
      method: 'POST',
      url: '/api/extract',
      headers: { 'accept-language': 'ar' },
      payload: { text: report, published: '2024-02-30' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toBe('validation.invalid');
    expect(badDate.json().error.details.fields[0].field).toContain('published');
  });

  it('refuses a text over the configured limit with 413', async () => {
    const long = report.repeat(3);
    const json = await small.inject({ method: 'POST', url: '/api/extract', payload: { text: long } });
    expect(json.statusCode).toBe(413);
    expect(json.json().error.code).toBe('extract.too_large');
    const raw = await small.inject({
      method: 'POST',
      url: '/api/extract',
      headers: { 'content-type': 'text/plain' },
      payload: long,
    });
    expect(raw.statusCode).toBe(413);
    expect(raw.json().error.code).toBe('extract.too_large');
  });

  it('is in the OpenAPI document, public, with its response schema', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = document.paths['/api/extract'].post;
    expect(operation['x-access']).toBe('public');
    expect(operation.responses['200'].content['application/json'].schema.properties).toHaveProperty('events');
    expect(operation.requestBody.content['application/json'].schema.properties).toHaveProperty('text');
  });
});
