import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arabicRelease, arabicRepublished } from '@tansiq/core/text/similarity.fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../../../test/cli.ts';
import { testStore } from '../../../test/helpers.ts';
import type { Store } from '../../store/open.ts';

let store: Store & { appUrl: string; ownerUrl: string };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-source-'));

let tansiq: ReturnType<typeof cliRunner>;
const run = (args: string[]) => tansiq(...args);

beforeAll(async () => {
  store = await testStore();
  tansiq = cliRunner(store, { PATH: process.env.PATH });
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

describe('tansiq source add', () => {
  it('ingests a file, says when it is already known, and lists near-duplicates', async () => {
    const release = file('release.txt', arabicRelease);
    const first = await run([
      'source',
      'add',
      release,
      '--kind',
      'press_release',
      '--title',
      'بيان',
      '--json',
    ]);
    expect(first.code, first.err).toBe(0);
    const created = JSON.parse(first.out);
    expect(created).toMatchObject({
      created: true,
      source: {
        kind: 'press_release',
        language: 'ar',
        sha256: createHash('sha256').update(fs.readFileSync(release)).digest('hex'),
      },
    });

    const again = await run(['source', 'add', release, '--kind', 'news_article']);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`already known (nothing changed): source ${created.source.id}`);

    const copy = file('copy.txt', arabicRepublished);
    const near = await run([
      'source',
      'add',
      copy,
      '--kind',
      'news_article',
      '--published',
      '2021-07',
      '--url',
      'https://example.org/copy',
    ]);
    expect(near.code, near.err).toBe(0);
    expect(near.out).toMatch(/^created source [0-9a-f-]{36}\n/);
    expect(near.out).toContain('near-duplicates:');
    expect(near.out).toMatch(new RegExp(`\\d+%  ${created.source.id}  «بيان»`));
  });

  it('refuses a missing kind (usage), a missing file and a file that is not UTF-8', async () => {
    const text = file('plain.txt', 'A statement.');
    const noKind = await run(['source', 'add', text]);
    expect(noKind.code).toBe(2);
    expect(noKind.err).toContain('--kind');
    const missing = await run(['source', 'add', path.join(dir, 'absent.txt'), '--kind', 'report']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('does not exist');
    const latin1 = file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const unreadable = await run(['source', 'add', latin1, '--kind', 'report', '--lang', 'ar']);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toContain('تعذّرت قراءة الملف');
    const badDate = await run(['source', 'add', text, '--kind', 'report', '--published', '25/07/2021']);
    expect(badDate.code).toBe(1);
    expect(badDate.err).toContain('--published');
  });
});
