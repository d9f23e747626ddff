import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { AppError } from '@tansiq/core';
import { BackupFormatError, readBackupInto } from '../store/backup.ts';
import { hasUserRecords } from '../store/database.ts';
import type { Pool } from '../store/db.ts';
import { schemaVersion } from '../store/migrate.ts';
import type { Ctx } from './context.ts';

export interface RestoreResult {
  tables: number;
  rows: number;
}

/**
 * Replaces everything in the database with a backup, in one transaction: a failed restore
 * leaves the database as it was. A database that already holds records is only replaced when
 * the caller says so.
 */
export async function restoreDatabase(
  _ctx: Ctx,
  owner: Pool,
  file: string,
  options: { replace: boolean; onTable?: (table: string, rows: number) => void },
): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new AppError('file.not_found', { file });
  const client = await owner.connect();
  try {
    await client.query('BEGIN');
    if (!options.replace && (await hasUserRecords(client))) throw new AppError('restore.target_not_empty');
    const databaseVersion = await schemaVersion(client);
    const raw = fs.createReadStream(file);
    const input = raw.pipe(createGunzip());
    const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    // A truncated or corrupt file fails in the stream: whichever way the failure surfaces (the
    // line iterator rejecting, or the lines ending early), it is reported as a bad file.
    let streamError: Error | undefined;
    const onStreamError = (error: Error) => {
      streamError = error;
      lines.close();
    };
    raw.on('error', onStreamError);
    input.on('error', onStreamError);
    let result: RestoreResult;
    try {
      result = await readBackupInto(
        client,
        lines,
        (header) => {
          if (header.schemaVersion !== databaseVersion) {
            throw new AppError('backup.schema_mismatch', {
              backupVersion: header.schemaVersion,
              databaseVersion,
            });
          }
        },
        options.onTable,
      );
    } catch (error) {
      if (error instanceof BackupFormatError || streamError) {
        const reason = (streamError ?? (error as Error)).message;
        throw new AppError('backup.invalid_file', { file, reason }, { cause: error });
      }
      throw error;
    } finally {
      lines.close();
      raw.destroy();
    }
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
