import { startServer } from '../../main.ts';
import type { Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--port N] [--host H]',
  summary: {
    en: 'Run the HTTP server and web app (the embedded database unless DATABASE_URL is set).',
    ar: 'تشغيل خادم HTTP وتطبيق الويب (قاعدة البيانات المدمجة ما لم يُضبط DATABASE_URL).',
  },
  options: { port: { type: 'string' }, host: { type: 'string' } },
  optionHelp: {
    'port N': { en: 'port to listen on (default PORT or 8080)', ar: 'المنفذ (افتراضيًا PORT أو 8080)' },
    'host H': {
      en: 'address to listen on (default HOST or 127.0.0.1)',
      ar: 'العنوان (افتراضيًا HOST أو 127.0.0.1)',
    },
  },
  async run({ values, config, err }) {
    const port = values.port === undefined ? config.port : Number(values.port);
    const host = typeof values.host === 'string' ? values.host : config.host;
    const server = await startServer({ ...config, port, host });
    err.write(
      `tansiq: serving ${server.url} (data: ${server.store.embedded ? config.dataDir : 'DATABASE_URL'})\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        err.write(`tansiq: ${signal}, stopping\n`);
        server.close().then(resolve, resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  },
};
