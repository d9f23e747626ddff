import path from 'node:path';
import { AppError } from '@tansiq/core';
import { backupDatabase } from '../../services/backup-database.ts';
import { restoreDatabase } from '../../services/restore-database.ts';
import type { Command } from '../command.ts';
import { progressBar } from '../progress.ts';
import { withStore } from '../with-store.ts';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --out FILE',
  summary: {
    en: 'Write a lossless copy of everything (gzipped COPY format) to FILE.',
    ar: 'كتابة نسخة كاملة بلا فقد (بصيغة COPY مضغوطة) إلى ملف.',
  },
  options: { out: { type: 'string', short: 'o' } },
  optionHelp: { 'out FILE': { en: 'where to write the backup', ar: 'مكان كتابة النسخة' } },
  async run(input) {
    const out = input.values.out;
    if (typeof out !== 'string')
      throw new AppError('cli.usage', { command: 'backup', reason: 'backup needs --out FILE' });
    let bar: ReturnType<typeof progressBar> | undefined;
    const result = await withStore(input, (ctx, store) =>
      backupDatabase(ctx, store.owner, path.resolve(out), (_table, index, total) => {
        bar ??= progressBar(input.err, 'backup', total);
        if (index > 0) bar.tick();
      }),
    );
    bar?.tick();
    bar?.done();
    input.out.write(`backup written: ${result.file} (${result.tables} tables, ${result.bytes} bytes)\n`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE [--yes]',
  summary: {
    en: 'Replace everything with a backup, all or nothing (--yes when the database holds records).',
    ar: 'استبدال كل شيء بنسخة احتياطية، كلها أو لا شيء (‎--yes‎ إن كانت القاعدة تحتوي سجلات).',
  },
  options: { yes: { type: 'boolean' } },
  optionHelp: { yes: { en: 'replace the records already there', ar: 'استبدال السجلات الموجودة' } },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const file = path.resolve(String(input.positionals[0]));
    const result = await withStore(input, (ctx, store) =>
      restoreDatabase(ctx, store.owner, file, {
        replace: Boolean(input.values.yes),
        onTable: (table, rows) => input.err.write(`  ${table}: ${rows}\n`),
      }),
    );
    input.out.write(`restored ${result.rows} rows in ${result.tables} tables from ${file}\n`);
    return 0;
  },
};
