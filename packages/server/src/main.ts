import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@tansiq/core';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { buildApp } from './http/app.ts';
import { systemActor } from './services/context.ts';
import { articleSha256 } from './services/demo-evidence.ts';
import { loadDemoOnFirstStart } from './services/load-demo.ts';
import { openStore, type Store } from './store/open.ts';

/**
 * The founding article, when this checkout sits beside the shared reference data (development
 * and the quick start): the demo then anchors its claims to the article's exact words. The
 * article is not part of the project; elsewhere the demo records its source by metadata only.
 */
function foundingArticle(config: Config): string | undefined {
  const file = path.join(config.sharedDir, 'corpus', 'seed-article.txt');
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  return createHash('sha256').update(text, 'utf8').digest('hex') === articleSha256 ? text : undefined;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  close(): Promise<void>;
}

/**
 * Fastify's request logs carry no headers or bodies; these paths are redacted as well, so that a
 * log line that ever includes them never shows a credential.
 */
export const secretLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body.password',
];

/** Opens the store (embedded or DATABASE_URL), migrates, loads the demo if asked, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const store = await openStore(config, { holder: 'serve' });
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({
      config,
      store,
      logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: secretLogPaths },
    });
    if (config.demo) {
      await loadDemoOnFirstStart(
        {
          db: store.db,
          config,
          log: app.log,
          now: () => new Date(),
          actor: systemActor,
          lang: config.locale,
        },
        foundingArticle(config),
      );
    }
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AppError('server.port_in_use', { port: config.port, host: config.host });
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const running = app;
  let closing: Promise<void> | undefined;
  return {
    app: running,
    store,
    url: `http://${config.host}:${port}`,
    close: () => {
      // Stop taking requests, let those in flight finish, then the database.
      closing ??= running.close().then(() => store.close());
      return closing;
    },
  };
}
