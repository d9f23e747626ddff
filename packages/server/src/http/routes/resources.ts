import { Boundaries, BoundariesQuery, listOf, ProvenanceView, statusEventInput, Uuid } from '@tansiq/core';
import { z } from 'zod';
import { createRecord } from '../../services/create-records.ts';
import { deleteRecord } from '../../services/delete-record.ts';
import { getProvenance } from '../../services/get-provenance.ts';
import { getRecord } from '../../services/get-record.ts';
import { listBoundaries } from '../../services/list-boundaries.ts';
import { listRecords } from '../../services/list-records.ts';
import { recordStatusEvent } from '../../services/record-status-event.ts';
import { Ownership, OwnershipView, type Resource, withOwnership } from '../../services/resource.ts';
import { allResources } from '../../services/resources/index.ts';
import { updateRecord } from '../../services/update-record.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const IdParams = z.object({ id: Uuid });

/** GET /api/R/:id/provenance: the claims about a record, their sources, quotes and verifications. */
export function provenanceRoute(path: string, singular: string, resource?: Resource): RouteDef {
  return defineRoute({
    record: resource ? { resource, write: false } : undefined,
    method: 'GET',
    url: `/api/${path}/:id/provenance`,
    summary: `Who claims what about a ${singular}: claims, sources, quotes, verification history, contradictions`,
    tag: path,
    access: 'signed_in',
    params: IdParams,
    response: ProvenanceView,
    handler: ({ params }, req) => getProvenance(ctxOf(req), path, params.id),
  });
}

/** The verbs of a resource, described once for all of them. */
function resourceRoutes(resource: Resource): RouteDef[] {
  const base = `/api/${resource.path}`;
  const owned = (schema: z.ZodType, shape: z.ZodRawShape) =>
    resource.owned ? withOwnership(schema, shape) : schema;
  const input = owned(resource.input, Ownership.shape);
  const patch = owned(resource.patch, Ownership.shape);
  const view = owned(resource.view, OwnershipView.shape);
  const tag = resource.path;
  // Reads of the reference registry are public (api.md); everything else needs a signed-in user.
  const readAccess = resource.publicRead ? 'public' : 'signed_in';
  const routes = [
    defineRoute({
      method: 'GET',
      url: base,
      summary: `List ${resource.path} (filters, q, sort, cursor paging)`,
      tag,
      access: readAccess,
      query: resource.query,
      response: listOf(view),
      handler: ({ query }, req) => listRecords(ctxOf(req), resource, query as never),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/:id`,
      summary: `One ${resource.resource}`,
      tag,
      access: readAccess,
      params: IdParams,
      response: view,
      handler: ({ params }, req) => getRecord(ctxOf(req), resource, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: base,
      summary: `Create a ${resource.resource} (a client may send its own id)`,
      tag,
      access: resource.write,
      body: input,
      response: view,
      status: 201,
      handler: ({ body }, req) => createRecord(ctxOf(req), resource, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/:id`,
      record: { resource, write: true },
      summary: `Change some fields of a ${resource.resource}`,
      tag,
      access: resource.write,
      params: IdParams,
      body: patch,
      response: view,
      handler: ({ params, body }, req) => updateRecord(ctxOf(req), resource, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/:id`,
      record: { resource, write: true },
      summary: `Delete a ${resource.resource} (soft: the changes feed shows a tombstone)`,
      tag,
      access: resource.write,
      params: IdParams,
      status: 204,
      handler: ({ params }, req) => deleteRecord(ctxOf(req), resource, params.id),
    }),
  ];
  routes.push(provenanceRoute(resource.path, resource.resource, resource));
  if (resource.statuses) {
    routes.push(
      defineRoute({
        method: 'POST',
        url: `${base}/:id/events`,
        record: { resource, write: true },
        summary: `Record a dated status change of a ${resource.resource}`,
        tag,
        access: resource.write,
        params: IdParams,
        body: statusEventInput(resource.statuses.values),
        response: view,
        status: 201,
        handler: ({ params, body }, req) => recordStatusEvent(ctxOf(req), resource, params.id, body),
      }),
    );
  }
  // A resource created by its own route (sources: POST /api/sources ingests a text) has no generic POST.
  if (resource.create === 'custom') return routes.filter((r) => !(r.method === 'POST' && r.url === base));
  return routes;
}

/** Before `/api/admin-units/:id` so that its path is not read as an id. */
const boundariesRoute = defineRoute({
  method: 'GET',
  url: '/api/admin-units/boundaries',
  summary: 'Admin-unit boundaries of a level as GeoJSON (imported with tansiq gazetteer import), for maps',
  tag: 'admin-units',
  access: 'public',
  query: BoundariesQuery,
  response: Boundaries,
  handler: ({ query }, req) => listBoundaries(ctxOf(req), query),
});

export const resourceRouteDefs: RouteDef[] = [
  boundariesRoute,
  ...allResources.flatMap((resource) => resourceRoutes(resource)),
];
