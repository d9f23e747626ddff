import { ClaimVerificationInput, ClaimView, Uuid } from '@tansiq/core';
import { z } from 'zod';
import { listClaimContradictions } from '../../services/list-claim-contradictions.ts';
import type { Resource } from '../../services/resource.ts';
import { claims } from '../../services/resources/claims.ts';
import { verifyClaim } from '../../services/verify-claim.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const IdParams = z.object({ id: Uuid });

/** Claims beyond their generic verbs: verification and contradictions. */
export const claimRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/claims/:id/verifications',
    record: { resource: claims as Resource, write: false },
    summary:
      "Change a claim's status with who, when, how and why (refused when the transition is not allowed: a retracted claim is final)",
    tag: 'claims',
    access: 'claims.propose',
    params: IdParams,
    body: ClaimVerificationInput,
    response: ClaimView,
    status: 201,
    handler: ({ params, body }, req) => verifyClaim(ctxOf(req), params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/claims/:id/contradictions',
    record: { resource: claims as Resource, write: false },
    summary: 'The claims that give a different value for the same subject and field',
    tag: 'claims',
    access: 'signed_in',
    params: IdParams,
    response: z.object({ items: z.array(ClaimView) }),
    handler: ({ params }, req) => listClaimContradictions(ctxOf(req), params.id),
  }),
];
