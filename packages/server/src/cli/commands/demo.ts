import { loadDemo } from '../../services/load-demo.ts';
import type { Command } from '../command.ts';
import { withStore } from '../with-store.ts';

export const demoLoadCommand: Command = {
  name: 'demo load',
  usage: 'demo load',
  summary: {
    en: 'Load the founding scenario (July 2021, Damascus refugee-return meetings); safe to re-run.',
    ar: 'تحميل السيناريو التأسيسي (اجتماعات عودة اللاجئين في دمشق، تموز 2021)؛ إعادة التشغيل آمنة.',
  },
  options: {},
  async run(input) {
    const result = await withStore(input, (ctx) => loadDemo(ctx));
    input.out.write(
      input.lang === 'ar'
        ? `السيناريو التأسيسي: أُنشئ ${result.created}، وكان موجودًا ${result.present}\n`
        : `founding scenario: ${result.created} created, ${result.present} already present\n`,
    );
    return 0;
  },
};
