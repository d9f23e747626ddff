import { ChangesPage, ChangesQuery } from '@tansiq/core';
import { z } from 'zod';
import { listChanges } from '../../services/list-changes.ts';
import { ctxOf } from '../context.ts';
import { defineRoute } from '../route.ts';

export const healthRoute = defineRoute({
  method: 'GET',
  url: '/api/health',
  summary: 'Is the server up and its database reachable?',
  tag: 'system',
  access: 'public',
  response: z.object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['ok', 'unreachable']),
    version: z.string(),
  }),
  handler: async (_input, req, reply) => {
    const ctx = ctxOf(req);
    const database = await ctx.db
      .query('SELECT 1')
      .then(() => 'ok' as const)
      .catch(() => 'unreachable' as const);
    if (database !== 'ok') reply.status(503);
    return { status: database === 'ok' ? 'ok' : 'degraded', database, version: req.server.tansiq.version };
  },
});

export const changesRoute = defineRoute({
  method: 'GET',
  url: '/api/changes',
  summary: 'Changes since a cursor (upserts and tombstones), to keep copies in sync',
  tag: 'system',
  access: 'hub',
  query: ChangesQuery,
  response: ChangesPage,
  handler: ({ query }, req) => listChanges(ctxOf(req), query),
});
