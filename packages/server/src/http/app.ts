import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { AppError, pickLang } from '@tansiq/core';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';
import { sha256 } from '../services/secrets.ts';
import type { Store } from '../store/open.ts';
import { httpStatus, presentError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { type RouteDef, registerRoutes } from './route.ts';
import { accessRouteDefs } from './routes/access.ts';
import { agreementRouteDefs } from './routes/agreements.ts';
import { auditRouteDefs } from './routes/audit.ts';
import { claimRouteDefs } from './routes/claims.ts';
import { exchangeRouteDefs } from './routes/exchange.ts';
import { extractRoute, extractRoutes } from './routes/extract.ts';
import { ledgerRouteDefs } from './routes/ledger.ts';
import { publicRouteDefs } from './routes/public.ts';
import { reportRouteDefs } from './routes/reports.ts';
import { resourceRouteDefs } from './routes/resources.ts';
import { reviewRouteDefs } from './routes/review.ts';
import { sourceRouteDefs } from './routes/sources.ts';
import { changesRoute, healthRoute } from './routes/system.ts';
import { addSecurityHeaders } from './security-headers.ts';

declare module 'fastify' {
  interface FastifyInstance {
    tansiq: { config: Config; store: Store; version: string };
  }
}

export const version = '0.1.0';

export const routeDefs: RouteDef[] = [
  healthRoute,
  changesRoute,
  ...accessRouteDefs,
  ...publicRouteDefs,
  ...resourceRouteDefs,
  ...sourceRouteDefs,
  ...agreementRouteDefs,
  ...claimRouteDefs,
  ...ledgerRouteDefs,
  ...reportRouteDefs,
  ...reviewRouteDefs,
  ...auditRouteDefs,
  ...exchangeRouteDefs,
];

/** Every route, with those registered in scopes of their own (extraction reads raw bodies). */
export const everyRoute: RouteDef[] = [...routeDefs, extractRoute];

const webDist = path.resolve(import.meta.dirname, '../../../web/dist');

export interface BuildAppOptions {
  config: Config;
  store: Store;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app without listening: tests call inject(), main.ts calls listen(). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024 });
  addSecurityHeaders(app);
  app.decorate('tansiq', { config: options.config, store: options.store, version });
  await app.register(fastifyCookie);
  // Imports arrive as multipart forms: one file, up to the configured size, and a few text fields.
  await app.register(fastifyMultipart, {
    limits: { files: 1, fields: 10, fileSize: options.config.importMaxBytes, fieldSize: 1024 * 1024 },
  });
  // Per client: its token or session when it sends one, else its address.
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.config.access.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const credential = request.headers.authorization ?? request.cookies?.tansiq_session;
      return credential ? `c:${sha256(credential).toString('base64url')}` : `a:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new AppError('access.rate_limited', { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });

  app.setErrorHandler((error, request, reply) => {
    const lang = pickLang(request.headers['accept-language']);
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else {
      const fastifyError = error as { statusCode?: number; code?: string; message?: string };
      if (fastifyError.statusCode === 413) {
        appError = new AppError('request.too_large');
      } else if (fastifyError.statusCode && fastifyError.statusCode < 500) {
        appError = new AppError('request.invalid_body', {
          reason: fastifyError.message ?? fastifyError.code,
        });
      } else {
        request.log.error({ err: error }, 'unhandled error');
        appError = new AppError('internal');
      }
    }
    return reply.status(httpStatus[appError.code]).send(presentError(appError, lang));
  });

  app.setNotFoundHandler((request, reply) => {
    if (
      !request.url.startsWith('/api/') &&
      request.method === 'GET' &&
      fs.existsSync(path.join(webDist, 'index.html'))
    ) {
      return reply.sendFile('index.html');
    }
    const lang = pickLang(request.headers['accept-language']);
    const error = new AppError('request.unknown_route', {
      method: request.method,
      url: request.url.split('?')[0],
    });
    return reply.status(404).send(presentError(error, lang));
  });

  registerRoutes(app, routeDefs);
  // In a scope of its own: it reads its bodies as bytes, up to the extraction limit (routes/extract.ts).
  await app.register(extractRoutes);
  const document = openApiDocument(everyRoute, version);
  app.get('/api/openapi.json', async () => document);

  if (fs.existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>tansiq</title><p>tansiq is running. The web app is not built: run <code>npm run build</code>. API: <a href="/api/openapi.json">/api/openapi.json</a></p>',
        ),
    );
  }
  return app;
}
