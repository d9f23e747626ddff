import { AppError } from '@tansiq/core';
import { resetDatabase } from '../../services/reset-database.ts';
import { migrate } from '../../store/migrate.ts';
import type { Command } from '../command.ts';
import { withStore } from '../with-store.ts';

export const dbMigrateCommand: Command = {
  name: 'db migrate',
  usage: 'db migrate',
  summary: { en: 'Apply pending schema migrations.', ar: 'تطبيق ترحيلات المخطط المعلّقة.' },
  options: {},
  async run(input) {
    const result = await withStore(input, (_ctx, store) => migrate(store.owner, store.appRole), {
      migrate: false,
    });
    const applied = result.applied.length
      ? result.applied.join(', ')
      : input.lang === 'ar'
        ? 'لا شيء'
        : 'none';
    input.out.write(`schema version ${result.version}; applied: ${applied}\n`);
    return 0;
  },
};

export const dbResetCommand: Command = {
  name: 'db reset',
  usage: 'db reset --yes',
  summary: {
    en: 'Delete every record and table, then migrate afresh (asks for --yes).',
    ar: 'حذف كل السجلات والجداول ثم إعادة الترحيل (يتطلب ‎--yes‎).',
  },
  options: { yes: { type: 'boolean' } },
  optionHelp: { yes: { en: 'yes, delete everything', ar: 'نعم، احذف كل شيء' } },
  async run(input) {
    if (!input.values.yes) {
      throw new AppError('cli.usage', {
        command: 'db reset',
        reason: 'db reset deletes everything; add --yes',
      });
    }
    const result = await withStore(input, (ctx, store) => resetDatabase(ctx, store.owner, store.appRole), {
      migrate: false,
    });
    input.out.write(`database reset; schema version ${result.version}\n`);
    return 0;
  },
};
