import type { UserView } from '@tansiq/core';
import { allows } from '@tansiq/core/access';
import { vi } from 'vitest';
import type { Session } from '../session.tsx';

/** Answers for the report endpoints, in the shape the server gives (trimmed to what pages read). */
export const fixtures: Record<string, unknown> = {
  '/api/reports/pipeline': {
    items: [
      {
        itemId: 'item-1',
        names: { ar: 'لقاح', en: 'Vaccine' },
        baseUnit: 'dose',
        pledged: 0,
        dispatched: 250000,
        received: 250000,
        distributed: 0,
        lost: 0,
        inPipeline: 0,
        inStock: 0,
        plannedDistribution: 250000,
      },
    ],
  },
  '/api/reports/returns': {
    groupBy: 'year',
    methodsCombined: false,
    countingMethods: [],
    rows: [],
    totals: [],
  },
  '/api/reports/meetings-timeline': {
    truncated: false,
    items: [
      {
        id: 'meeting-1',
        kind: 'conference',
        titles: { ar: 'مؤتمر', en: 'Conference' },
        period: { start: '2020-11-11', end: '2020-11-12', precision: 'day' },
        place: {
          adminUnitId: 'u1',
          pcode: 'SY01',
          names: { ar: 'دمشق', en: 'Damascus' },
          siteId: null,
          siteNames: null,
          text: null,
        },
        virtual: false,
        status: 'held',
        conveners: [],
        attendance: {
          invited: [],
          attended: [],
          observer: [],
          declined: [],
          boycotted: [{ group: { ar: 'دول غربية', en: 'Western states' } }],
          walked_out: [],
        },
        counts: { invited: 0, attended: 0, observer: 0, declined: 0, boycotted: 1, walked_out: 0 },
      },
    ],
  },
  '/api/reports/conditioned-aid': { items: [], total: 0 },
  '/api/reports/claimed-vs-confirmed': {
    items: [
      {
        subject: { resource: 'shipments', id: 'shipment-1' },
        field: 'lines.0.quantity',
        itemId: 'item-1',
        unit: 'dose',
        recorded: { value: 250000, basis: 'ledger_received', dispatched: 250000, planned: 250000 },
        claims: [
          {
            claimId: 'claim-1',
            value: { amount: 240000, unit: 'dose' },
            amount: 240000,
            unit: 'dose',
            approximate: false,
            comparable: 240000,
            difference: -10000,
            ratio: 0.96,
            status: 'reported',
            claimant: { organizationId: 'org-1', personId: null, names: { ar: 'وزارة', en: 'Ministry' } },
            source: null,
            quote: null,
          },
        ],
      },
    ],
  },
};

/** The data strings fixtures put on screen: not UI text, so not in the catalogue. */
export const fixtureTexts = [
  'لقاح',
  'Vaccine',
  'مؤتمر',
  'Conference',
  'دمشق',
  'Damascus',
  'وزارة',
  'Ministry',
];

/** fetch answering from `answers` by path (the query string ignored), 404 otherwise. */
export function stubFetch(answers: Record<string, unknown> = fixtures) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const body = answers[url.pathname];
    if (body === undefined)
      return new Response(JSON.stringify({ error: { code: 'request.unknown_route', message: 'no route' } }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function userWith(roles: UserView['roles']): UserView {
  return {
    id: 'user-1',
    email: 'someone@example.org',
    name: null,
    organizationId: 'org-1',
    roles,
    locale: 'en',
    disabled: false,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  };
}

export function sessionOf(roles: UserView['roles']): Session {
  return {
    state: { status: 'signed_in', user: userWith(roles) },
    signIn: async () => null,
    signOut: async () => undefined,
    can: (rule) => allows(rule, roles),
    retry: () => undefined,
  };
}
