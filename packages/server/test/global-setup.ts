import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPool } from '../src/store/db.ts';
import { openEmbedded } from '../src/store/embedded.ts';
import { migrate } from '../src/store/migrate.ts';
import { type TestDbInfo, withDatabase } from './db-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: TestDbInfo;
  }
}

/**
 * Once per run: a PostgreSQL (TEST_DATABASE_URL, else an embedded one in a temporary folder),
 * roles of this run's own (so parallel runs never collide), and a migrated template database
 * that each test file clones.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded = async (): Promise<void> => undefined;
  let tmpDir: string | undefined;
  if (!adminUrl) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-test-'));
    fs.chmodSync(tmpDir, 0o755);
    const embedded = await openEmbedded({ dataDir: tmpDir, holder: 'cli' });
    adminUrl = embedded.superUrl;
    stopEmbedded = embedded.release;
  }
  const runId = randomBytes(4).toString('hex');
  const info: TestDbInfo = {
    adminUrl,
    prefix: `tansiq_t_${runId}`,
    template: `tansiq_t_${runId}_template`,
    ownerRole: `tansiq_t_${runId}_owner`,
    appRole: `tansiq_t_${runId}_app`,
    password: randomBytes(12).toString('hex'),
  };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const role of [info.ownerRole, info.appRole]) {
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${info.password}'`);
  }
  await admin.query(`CREATE DATABASE ${info.template} OWNER ${info.ownerRole}`);
  const owner = createPool(withDatabase(adminUrl, info.template, info.ownerRole, info.password), 2);
  await migrate(owner, info.appRole);
  await owner.end();
  project.provide('testDb', info);

  return async () => {
    const databases = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname = $2`,
      [`${info.prefix}_%`, info.template],
    );
    for (const { datname } of databases.rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    for (const role of [info.ownerRole, info.appRole]) await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
    await stopEmbedded();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}
