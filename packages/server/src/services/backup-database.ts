import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { AppError } from '@tansiq/core';
import { writeBackup } from '../store/backup.ts';
import type { Pool } from '../store/db.ts';
import { schemaVersion } from '../store/migrate.ts';
import type { Ctx } from './context.ts';

export interface BackupResult {
  file: string;
  tables: number;
  bytes: number;
}

/**
 * Writes a gzipped logical backup of everything, from one snapshot, through the owner's
 * connection (it alone may read every table). Written to a temporary name and renamed, so an
 * interrupted backup never leaves a file that looks complete.
 */
export async function backupDatabase(
  ctx: Ctx,
  owner: Pool,
  file: string,
  onTable?: (table: string, index: number, total: number) => void,
): Promise<BackupResult> {
  const partial = `${file}.partial`;
  const client = await owner.connect();
  try {
    const header = {
      format: 'tansiq-backup' as const,
      version: 1 as const,
      schemaVersion: await schemaVersion(client),
      createdAt: ctx.now().toISOString(),
    };
    const text = new PassThrough();
    const written = pipeline(text, createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
    const result = await writeBackup(client, header, text, onTable).finally(() => text.end());
    await written;
    fs.renameSync(partial, file);
    return { file, tables: result.tables, bytes: fs.statSync(file).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'EACCES'
    ) {
      throw new AppError('file.unreadable', { file, reason: (error as Error).message }, { cause: error });
    }
    throw error;
  } finally {
    client.release();
  }
}
