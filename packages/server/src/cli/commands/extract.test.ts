import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../../../test/cli.ts';

// A database nobody listens on: extraction must never try to open it.
const nowhere = 'postgres://nobody:nothing@127.0.0.1:1/none';
const run = cliRunner({ appUrl: nowhere, ownerUrl: nowhere });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-extract-'));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

const withStdin = run.withStdin;

const report = [
  'أعلنت منظمة الأمم المتحدة للطفولة أن 40 ألف طفل تلقوا لقاحات في إدلب خلال الأسبوع الماضي.',
  'وقالت المنظمة إن قافلة من 8 شاحنات ستصل إلى حماة يوم الخميس.',
].join('\n');

describe('tansiq extract', () => {
  it('prints the contract for a file, and never opens the database', async () => {
    const result = await run('extract', file('report.txt', report), '--published', '2024-03-06');
    expect(result.code, result.err).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.document.published).toBe('2024-03-06');
    for (const quantity of json.quantities)
      expect(report.slice(quantity.start, quantity.end)).toBe(quantity.text);
    expect(json.quantities.map((q: { value: number }) => q.value)).toContain(40000);
  });

  it('reads stdin, and prints a summary in the language asked for', async () => {
    const english = await withStdin(report, 'extract', '-', '--format', 'text', '--published', '2024-03-06');
    expect(english.code, english.err).toBe(0);
    expect(english.out).toMatch(/^document: ar/);
    expect(english.out).toContain('events (');
    const arabic = await withStdin(report, 'extract', '--format', 'text', '--lang', 'ar');
    expect(arabic.code, arabic.err).toBe(0);
    expect(arabic.out).toContain('الأحداث');
  });

  it('refuses bad input with exit 1, one line on stderr and nothing on stdout', async () => {
    for (const [input, message] of [
      [Buffer.from([0x41, 0xff, 0xfe, 0x42]), 'UTF-8'],
      ['   \n', 'no text'],
      [Buffer.from([0x00, 0x01, 0x02, 0x41]), 'binary'],
    ] as const) {
      const result = await withStdin(input, 'extract');
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(result.err).toContain(message);
    }
    const big = await run('extract', file('big.txt', 'نص '.repeat(100)), '--lang', 'ar');
    expect(big.code).toBe(0);
    const limited = await cliRunner(
      { appUrl: nowhere, ownerUrl: nowhere },
      { TANSIQ_EXTRACT_MAX_BYTES: '100' },
    )('extract', file('big.txt', 'نص '.repeat(100)));
    expect(limited.code).toBe(1);
    expect(limited.err).toContain('limit is 100');
    const missing = await run('extract', path.join(dir, 'missing.txt'));
    expect(missing.code).toBe(1);
    const badDate = await run('extract', file('ok.txt', report), '--published', 'yesterday');
    expect(badDate.code).toBe(1);
    expect(badDate.err).toContain('--published');
  });

  it('answers usage errors with exit 2', async () => {
    expect((await run('extract', file('a.txt', report), '--format', 'xml')).code).toBe(2);
    expect((await run('extract', 'a', 'b')).code).toBe(2);
    expect((await run('extract', '--batch', file('b.txt', report))).code).toBe(2);
  });

  it('runs a batch: one answer per line, in order, a bad line spoiling nothing', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'وصلت 12 شاحنة إلى دير الزور.', published: '2024-03-06' }),
      'not json at all',
      '',
      JSON.stringify({ id: 'b', text: '' }),
      JSON.stringify({ id: 'c', text: 'x', published: '06/03/2024' }),
      JSON.stringify({ id: 7, text: 'في 12 آذار', referenceTime: '2013-02-12T04:30:00.000-02:00' }),
    ];
    const bytes = Buffer.concat([
      Buffer.from(`${lines.join('\r\n')}\n`),
      Buffer.from([0x7b, 0xff, 0x7d, 0x0a]),
      Buffer.from(JSON.stringify({ id: 'last', text: 'two hundred and fifty people' })),
    ]);
    const result = await withStdin(bytes, 'extract', '--batch');
    expect(result.code, result.err).toBe(0);
    const answers = result.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.id)).toEqual(['a', null, 'b', 'c', 7, null, 'last']);
    expect(answers[0].result.quantities[0]).toMatchObject({ value: 12 });
    expect(answers[1].code).toBe('request.invalid_body');
    expect(answers[2].code).toBe('extract.empty');
    expect(answers[3].code).toBe('validation.invalid');
    expect(answers[4].result.document.published).toBeNull();
    expect(answers[5].code).toBe('extract.not_utf8');
    expect(typeof answers[6].result).toBe('object');
    for (const answer of answers) expect('result' in answer !== 'error' in answer).toBe(true);
  });
});
