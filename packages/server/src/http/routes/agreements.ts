import { AidConditionLinkInput, AidConditionLinkView, Uuid } from '@tansiq/core';
import { z } from 'zod';
import { linkAidToCondition } from '../../services/link-aid-to-condition.ts';
import type { Resource } from '../../services/resource.ts';
import { agreements } from '../../services/resources/agreements.ts';
import { unlinkAidCondition } from '../../services/unlink-aid-condition.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

/** Conditional links from aid to agreement conditions (the agreements themselves are generic resources). */
export const agreementRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/agreements/:id/conditions/:conditionId/links',
    record: { resource: agreements as Resource, write: false },
    summary:
      'Tie a pledge, shipment or distribution to a condition of this agreement (its delivery or distribution)',
    tag: 'agreements',
    access: 'records.write',
    params: z.object({ id: Uuid, conditionId: Uuid }),
    body: AidConditionLinkInput,
    response: AidConditionLinkView,
    status: 201,
    handler: ({ params, body }, req) => linkAidToCondition(ctxOf(req), params.id, params.conditionId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/aid-conditions/:id',
    summary: 'Untie aid from a condition (soft: the link is kept, marked deleted)',
    tag: 'agreements',
    access: 'records.write',
    params: z.object({ id: Uuid }),
    status: 204,
    handler: ({ params }, req) => unlinkAidCondition(ctxOf(req), params.id),
  }),
];
