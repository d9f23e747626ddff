import fs from 'node:fs';
import { AppError } from '@tansiq/core';
import { demoUsers } from '../../services/demo-users.ts';
import { loadDemo } from '../../services/load-demo.ts';
import type { Command } from '../command.ts';
import { withStore } from '../with-store.ts';

export const demoLoadCommand: Command = {
  name: 'demo load',
  usage: 'demo load [--article FILE]',
  summary: {
    en: 'Load the founding scenario (July 2021, Damascus refugee-return meetings) with its sources and claims; safe to re-run.',
    ar: 'تحميل السيناريو التأسيسي (اجتماعات عودة اللاجئين في دمشق، تموز 2021) مع مصادره وادعاءاته؛ إعادة التشغيل آمنة.',
  },
  options: { article: { type: 'string' } },
  optionHelp: {
    'article FILE': {
      en: 'the founding article (checked by its SHA-256): claims are anchored to its exact words',
      ar: 'المقال التأسيسي (يُتحقق منه ببصمة SHA-256): تُربط الادعاءات بكلماته حرفيًا',
    },
  },
  async run(input) {
    const file = input.values.article;
    let article: string | undefined;
    if (typeof file === 'string') {
      if (!fs.existsSync(file)) throw new AppError('file.not_found', { file });
      article = fs.readFileSync(file, 'utf8');
    }
    const result = await withStore(input, (ctx) => loadDemo(ctx, { article }));
    input.out.write(
      input.lang === 'ar'
        ? `السيناريو التأسيسي: أُنشئ ${result.created}، وكان موجودًا ${result.present}\n`
        : `founding scenario: ${result.created} created, ${result.present} already present\n`,
    );
    if (result.users.length > 0) {
      input.out.write(
        input.lang === 'ar' ? 'مستخدمو العرض (البريد / كلمة المرور):\n' : 'demo users (email / password):\n',
      );
      for (const user of demoUsers.filter((u) => result.users.includes(u.email))) {
        input.out.write(`  ${user.role.padEnd(15)} ${user.email}  ${user.password}\n`);
      }
    }
    return 0;
  },
};
