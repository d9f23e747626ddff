import {
  ExtractCandidatesResult,
  listOf,
  ReviewAcceptInput,
  ReviewAcceptResult,
  ReviewCandidateListQuery,
  ReviewCandidateView,
  ReviewRejectInput,
  Uuid,
} from '@tansiq/core';
import { z } from 'zod';
import { acceptCandidate } from '../../services/accept-candidate.ts';
import { extractCandidates } from '../../services/extract-candidates.ts';
import { getCandidate, listCandidates } from '../../services/list-candidates.ts';
import { rejectCandidate } from '../../services/reject-candidate.ts';
import type { Resource } from '../../services/resource.ts';
import { sources } from '../../services/resources/sources.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const IdParams = z.object({ id: Uuid });

/**
 * The review queue (docs/review-queue.md): candidates are read by anyone signed in who may read
 * their source, and decided by analysts, coordinators and admins. A candidate's scope is its
 * source's: the services answer 404 for one outside it, as row-level security hides it.
 */
export const reviewRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sources/:id/candidates',
    record: { resource: sources as Resource, write: true },
    summary:
      "Extract a source's text into the review queue (ingesting a text already does): facts already queued are left as they are",
    tag: 'review',
    access: 'evidence.write',
    params: IdParams,
    response: ExtractCandidatesResult,
    handler: ({ params }, req) => extractCandidates(ctxOf(req), params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/review/candidates',
    summary: 'The review queue: facts extracted from sources, pending, accepted or rejected',
    tag: 'review',
    access: 'signed_in',
    query: ReviewCandidateListQuery,
    response: listOf(ReviewCandidateView),
    handler: ({ query }, req) => listCandidates(ctxOf(req), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/review/candidates/:id',
    summary: 'One candidate: its words, the facts read from them, and what accepting it would create',
    tag: 'review',
    access: 'signed_in',
    params: IdParams,
    response: ReviewCandidateView,
    handler: ({ params }, req) => getCandidate(ctxOf(req), params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/review/candidates/:id/accept',
    summary:
      'Accept a candidate, with optional edits: creates (or links) its record and the claims citing its exact words, in one transaction. 409 when already decided; 422 names a field the text does not give.',
    tag: 'review',
    access: 'claims.propose',
    params: IdParams,
    body: ReviewAcceptInput,
    response: ReviewAcceptResult,
    status: 201,
    handler: ({ params, body }, req) => acceptCandidate(ctxOf(req), params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/review/candidates/:id/reject',
    summary: 'Reject a candidate, with an optional reason: nothing enters the record, the candidate is kept',
    tag: 'review',
    access: 'claims.propose',
    params: IdParams,
    body: ReviewRejectInput,
    response: ReviewCandidateView,
    handler: ({ params, body }, req) => rejectCandidate(ctxOf(req), params.id, body),
  }),
];
