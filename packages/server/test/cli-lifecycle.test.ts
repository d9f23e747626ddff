import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleSha256, demoEvidenceIds } from '../src/services/demo-evidence.ts';

/**
 * The real `tansiq` command on the embedded PostgreSQL, as a user runs it: serve, a second serve
 * on the same data folder, a CLI command beside the server, SIGTERM, restart.
 */
const bin = path.resolve(import.meta.dirname, '../bin/tansiq.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-cli-'));
fs.chmodSync(dataDir, 0o755);
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TANSIQ_DATA_DIR: dataDir,
  TANSIQ_LOG_LEVEL: 'warn',
  PORT: '0',
};
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}, stdin = '') {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...env, ...extraEnv } });
    child.stdin.end(stdin);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

async function serve(extraEnv: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [bin, 'serve'], { env: { ...env, ...extraEnv } });
  children.push(child);
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      err += d;
      const match = /serving (http:\/\/\S+)/.exec(err);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, stderr: () => err };
}

describe('tansiq on the embedded PostgreSQL', () => {
  it('serves, refuses a second server, shares with CLI commands, stops on SIGTERM and keeps data', async () => {
    const first = await serve({ TANSIQ_DEMO: '1' });
    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    const search = await fetch(`${first.url}/api/organizations?q=${encodeURIComponent('الصَّلِيب')}`);
    const icrc = (await search.json()) as { items: { acronym: string }[] };
    expect(icrc.items[0]?.acronym).toBe('ICRC');

    // The first admin and a token, as the README says; the article's text needs them.
    const admin = await run(
      [
        'user',
        'create',
        '--email',
        'First@Example.org',
        '--org',
        'ICRC',
        '--role',
        'admin',
        '--password-stdin',
      ],
      {},
      'a long enough passphrase\n',
    );
    expect(admin.code, admin.err).toBe(0);
    const token = await run(['token', 'create', '--user', 'first@example.org', '--expires-days', '1']);
    expect(token.code, token.err).toBe(0);
    const bearer = { authorization: `Bearer ${token.out.trim()}` };
    const textUrl = `${first.url}/api/sources/${demoEvidenceIds.article}/text`;
    expect((await fetch(textUrl)).status).toBe(401);

    // Beside the shared reference data, the first start anchors the demo to the founding article.
    const article = await fetch(textUrl, { headers: bearer });
    expect(article.status).toBe(200);
    expect(((await article.json()) as { sha256: string }).sha256).toBe(articleSha256);

    const second = await run(['serve', '--lang', 'en']);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/already serving the data folder/);

    const demo = await run(['demo', 'load']);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/0 created, 18 already present/);

    // The quick start's demo users sign in with a password; writes then need the CSRF token.
    const signIn = await fetch(`${first.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator@demo.tansiq.org', password: 'demo-coordinator-tansiq' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const organization = { names: { ar: 'منظمة الاختبار' }, kind: 'national_ngo' };
    const withoutCsrf = await fetch(`${first.url}/api/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(organization),
    });
    expect(withoutCsrf.status).toBe(403);
    const created = await fetch(`${first.url}/api/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(organization),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'server.json'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const again = await serve();
    const kept = await fetch(`${again.url}/api/organizations/${id}`);
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { names: { ar: string } }).names.ar).toBe('منظمة الاختبار');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('answers usage errors with exit code 2 and domain refusals with 1, in Arabic when asked', async () => {
    const unknown = await run(['frobnicate', '--lang', 'ar']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/غير معروف/);
    const missing = await run(['gazetteer', 'import', '/no/such/file.csv']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/does not exist/);
    const reset = await run(['db', 'reset']);
    expect(reset.code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'serve',
      'db migrate',
      'db reset',
      'demo load',
      'gazetteer import',
      'backup',
      'restore',
    ]) {
      expect(help.out).toContain(command);
    }
  }, 60_000);
});
