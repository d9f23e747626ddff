import { PublicReturns, PublicReturnsQuery } from '@tansiq/core';
import { reportPublicReturns } from '../../services/report-public-returns.ts';
import { baseCtx } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

export const publicRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/public/returns',
    summary:
      'Returns by governorate and year, open to all: counts under 10 suppressed (under 5 for signed-in partners), with complementary suppression',
    tag: 'public',
    access: 'public',
    query: PublicReturnsQuery,
    response: PublicReturns,
    handler: ({ query }, req) => {
      const { access } = req.server.tansiq.config;
      const threshold = req.auth.actor.kind === 'user' ? access.partnerThreshold : access.publicThreshold;
      return reportPublicReturns(baseCtx(req), query, threshold);
    },
  }),
];
